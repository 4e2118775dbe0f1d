import twilio from 'twilio';
import { gql } from '@pa/server-testing';
import type { SmsRouterHandle } from '@pa/sms-router';
import type { TwilioSandbox } from '@pa/twilio-sandbox';
import { startSmsStack, type SmsStack, until, inbound, SANDBOX_TOKEN } from '../testing/sms-stack';
import type { TestApi } from '../testing/test-api';

describe("SMS router: inbound texts reach their owner's assistant, once, signed, with STOP and HELP (real twilio SDK against the sandbox)", () => {
  let stack: SmsStack;
  let sandbox: TwilioSandbox;
  let t: TestApi;
  let router: SmsRouterHandle;

  beforeAll(async () => {
    stack = await startSmsStack('+3364', { SMS_REPLIES_PER_HOUR: '3' });
    ({ sandbox, t, router } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const smsRows = (where: string, params: unknown[]) =>
    t.runtime.dataSource.query(
      `SELECT * FROM sms_messages WHERE ${where} ORDER BY created_at`,
      params,
    ) as Promise<Record<string, unknown>[]>;

  it('routes a text from the owner’s phone to their assistant, answers by SMS from their number, records delivery and price', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const sent = await fetch(`${sandbox.url}/sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: ada.phone, to: number, body: 'buy oat milk' }),
    });
    expect(sent.status).toBe(202);
    const inboundSid = ((await sent.json()) as { sid: string }).sid;
    // The answer arrives on the phone, from the person's own number.
    const replies = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length > 0 ? list : undefined;
    }, 15_000);
    expect(replies[0]?.body.toLowerCase()).toContain('oat milk');
    // The conversation shows both, in the SMS conversation of that person.
    const conv = await gql<{ conversations: { edges: { node: { channel: string; id: string } }[] } }>(
      t.url,
      '{ conversations(first: 10) { edges { node { id channel } } } }',
      undefined,
      ada.headers,
    );
    const smsConv = conv.body.data?.conversations.edges.find((e) => e.node.channel === 'SMS');
    expect(smsConv).toBeDefined();
    const [inboundRow] = await smsRows('message_sid = $1', [inboundSid]);
    expect(inboundRow).toMatchObject({ outcome: 'routed', user_id: ada.id });
    // Delivery callbacks (signed by the sandbox) move the reply to delivered and price it.
    const [usage] = await until(async () => {
      const rows = (await t.runtime.dataSource.query(
        `SELECT status, price::text AS price, currency FROM sms_usage_logs WHERE message_sid = $1`,
        [replies[0]?.sid],
      )) as { status: string; price: string | null; currency: string | null }[];
      return rows[0]?.status === 'delivered' ? rows : undefined;
    }, 10_000);
    expect(usage).toEqual({ status: 'delivered', price: '0.00790', currency: 'USD' });
    const [out] = await smsRows('message_sid = $1', [replies[0]?.sid]);
    expect(out).toMatchObject({ direction: 'outbound', status: 'delivered', user_id: ada.id });
    // My usage adds up exactly (decimal, not float): 1 in, 1 out, rental + the reply's price so far.
    const usageReport = await gql<{ mySmsUsage: { totals: Record<string, unknown> } }>(
      t.url,
      '{ mySmsUsage { totals { inboundMessages outboundMessages messageCost rentalCost totalCost } } }',
      undefined,
      ada.headers,
    );
    // The inbound text is priced from Twilio's Message resource (its webhook carries no price).
    await t.api.services.jobs.enqueue('sms.prices', { slot: 0 }, { jobId: `prices-now-${inboundSid}` });
    const [inboundUsage] = await until(async () => {
      const rows = (await t.runtime.dataSource.query(
        `SELECT price::text AS price, direction FROM sms_usage_logs WHERE message_sid = $1`,
        [inboundSid],
      )) as { price: string | null; direction: string }[];
      return rows[0]?.price ? rows : undefined;
    }, 10_000);
    expect(inboundUsage).toEqual({ price: '0.00790', direction: 'inbound' });
    expect(usageReport.body.data?.mySmsUsage.totals).toMatchObject({
      inboundMessages: 1,
      outboundMessages: 1,
    });
  });

  it('refuses forged webhooks (unsigned, altered body, wrong URL, wrong key): 403 and nothing stored', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const params = inbound(ada.phone, number, 'forged hello');
    const signedOver = twilio.getExpectedTwilioSignature(SANDBOX_TOKEN, `${router.url}/twilio/sms`, params);
    const attempts = [
      await stack.webhook('/twilio/sms', params, { signature: null }),
      await stack.webhook('/twilio/sms', { ...params, Body: 'forged hello!' }, { signature: signedOver }),
      await stack.webhook('/twilio/sms', params, { url: 'https://evil.example/twilio/sms' }),
      await stack.webhook('/twilio/sms', params, { token: 'not-the-token' }),
      await stack.webhook(
        '/twilio/status',
        { MessageSid: params.MessageSid, MessageStatus: 'delivered' },
        { signature: null },
      ),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(JSON.parse(attempts[0]?.text ?? '{}').errors[0].extensions.code).toBe('INVALID_SIGNATURE');
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(0);
    // The genuine one passes.
    expect((await stack.webhook('/twilio/sms', params)).status).toBe(200);
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(1);
  });

  it('stores a MessageSid sent 10 times at once once, and answers it once', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const params = inbound(ada.phone, number, 'call the dentist');
    const results = await Promise.all(Array.from({ length: 10 }, () => stack.webhook('/twilio/sms', params)));
    expect(results.every((r) => r.status === 200 && r.text.includes('<Response/>'))).toBe(true);
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(1);
    const replies = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length > 0 ? list : undefined;
    }, 15_000);
    // Everything queued has run: any text still to come would have been sent by now.
    await stack.settled();
    expect(sandbox.messages({ to: ada.phone, from: number })).toHaveLength(replies.length);
    const userMessages = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE user_id = $1 AND author = 'user'`,
      [ada.id],
    )) as { n: number }[];
    expect(userMessages[0]?.n).toBe(1);
    const assistantMessages = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE user_id = $1 AND author = 'assistant'`,
      [ada.id],
    )) as { n: number }[];
    expect(assistantMessages[0]?.n).toBe(1);
  });

  it('refuses a stranger politely once, never passing the text on; STOP from a stranger is honoured', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const stranger = '+447911123456';
    for (const body of ['hi is this Ada?', 'hello??']) {
      expect((await stack.webhook('/twilio/sms', inbound(stranger, number, body))).status).toBe(200);
    }
    const refusals = await until(async () => {
      const list = sandbox.messages({ to: stranger, from: number });
      return list.length > 0 ? list : undefined;
    }, 10_000);
    // Everything queued has run: any text still to come would have been sent by now.
    await stack.settled();
    expect(sandbox.messages({ to: stranger, from: number })).toHaveLength(1);
    expect(refusals[0]?.body).toMatch(/only answers its owner/);
    const ownerMessages = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE user_id = $1`,
      [ada.id],
    )) as { n: number }[];
    expect(ownerMessages[0]?.n).toBe(0);
    const other = '+447911123999';
    await stack.webhook('/twilio/sms', inbound(other, number, 'STOP'));
    await stack.webhook('/twilio/sms', inbound(other, number, 'who is this'));
    // Everything queued has run: any text still to come would have been sent by now.
    await stack.settled();
    expect(sandbox.messages({ to: other })).toHaveLength(0);
  });

  it('honours STOP from the owner: nothing is texted until START; the app keeps everything', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    expect((await stack.webhook('/twilio/sms', inbound(ada.phone, number, 'Stop'))).status).toBe(200);
    await stack.webhook('/twilio/sms', inbound(ada.phone, number, 'list'));
    // The answer to "list" is stored in the app but not texted.
    await until(async () => {
      const rows = (await t.runtime.dataSource.query(
        `SELECT 1 FROM messages WHERE user_id = $1 AND author = 'assistant'`,
        [ada.id],
      )) as unknown[];
      return rows.length > 0 ? rows : undefined;
    }, 10_000);
    await until(async () => {
      const rows = await smsRows(`to_number = $1 AND direction = 'outbound'`, [ada.phone]);
      return rows.length > 0 && rows.every((r) => r['status'] === 'suppressed') ? rows : undefined;
    }, 10_000);
    expect(sandbox.messages({ to: ada.phone, from: number })).toHaveLength(0);
    // START: texts again, with a confirmation.
    await stack.webhook('/twilio/sms', inbound(ada.phone, number, 'START'));
    const confirmation = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length > 0 ? list : undefined;
    }, 10_000);
    expect(confirmation[0]?.body).toMatch(/back on/);
  });

  it('answers a French-locale owner in French by SMS: HELP and the assistant’s reply (issue #18)', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    await t.runtime.dataSource.query(`UPDATE preferences SET locale = 'fr' WHERE user_id = $1`, [ada.id]);
    await stack.webhook('/twilio/sms', inbound(ada.phone, number, 'AIDE'));
    await stack.webhook('/twilio/sms', inbound(ada.phone, number, 'acheter du lait'));
    const texts = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length >= 2 ? list : undefined;
    }, 15_000);
    expect(texts.map((x) => x.body)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Ton assistant : /),
        // Sent in GSM-7: the French quotes arrive as straight ones.
        expect.stringMatching(/^C'est noté : " Acheter du lait " est dans ta liste\./),
      ]),
    );
  });

  it('answers Twilio at once even when the queue downstream is slow', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const original = (router.router as unknown as { queueReply: (id: string) => Promise<unknown> })
      .queueReply;
    // A downstream that takes 3 s to accept the work (the real queue call, delayed).
    (router.router as unknown as { queueReply: (id: string) => Promise<unknown> }).queueReply = async (
      id,
    ) => {
      await new Promise((r) => setTimeout(r, 3000));
      return original(id);
    };
    try {
      const started = performance.now();
      const res = await stack.webhook('/twilio/sms', inbound(ada.phone, number, 'pay rent'));
      const took = performance.now() - started;
      expect(res.status).toBe(200);
      expect(took).toBeLessThan(1000);
      await router.router.settled();
    } finally {
      (router.router as unknown as { queueReply: unknown }).queueReply = original;
    }
  });
});
