import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { freePort } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startSmsRouter, type SmsRouterHandle } from '@pa/sms-router';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { gql, waitFor } from '@pa/server-testing';
import { createSmsSender } from '@pa/server-sms';
import { SmsOutbox } from '@pa/server-sms-routing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, type Person } from '../testing/people';

const TOKEN = 'sandbox-token';
/** Polls until `read` gives something (bounded). */
async function until<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const value = await waitFor(read, (v) => v !== undefined, timeoutMs);
  return value as T;
}

const sid = () => `SM${randomBytes(16).toString('hex')}`;

/** Posts a webhook to the router the way Twilio does: form-encoded, signed over the public URL. */
async function webhook(
  router: SmsRouterHandle,
  path: string,
  params: Record<string, string>,
  sign: { token?: string; url?: string; signature?: string | null } = {},
) {
  const url = `${router.url}${path}`;
  const signature =
    sign.signature === null
      ? undefined
      : (sign.signature ?? twilio.getExpectedTwilioSignature(sign.token ?? TOKEN, sign.url ?? url, params));
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, text: await res.text() };
}

const inbound = (from: string, to: string, body: string, messageSid = sid()) => ({
  MessageSid: messageSid,
  SmsMessageSid: messageSid,
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: to,
  Body: body,
  NumSegments: '1',
  NumMedia: '0',
  SmsStatus: 'received',
  ApiVersion: '2010-04-01',
});

describe('SMS: numbers, the router and replies by text (real twilio SDK against the sandbox)', () => {
  let sandbox: TwilioSandbox;
  let t: TestApi;
  let router: SmsRouterHandle;
  let catcher: SmtpCatcher;
  let mail: SmtpMailSender;
  let worker: WorkerAppHandle;
  let phoneCounter = 0;

  beforeAll(async () => {
    sandbox = await startTwilioSandbox({ port: 0, statusCallbackDelayMs: 20 });
    const port = await freePort();
    t = await startTestApi({
      TWILIO_API_BASE_URL: sandbox.url,
      SMS_ROUTER_PORT: String(port),
      RATE_LIMIT_REGISTER_PER_HOUR: '10000',
      JOBS_BACKOFF_MS: '50',
      SMS_REPLIES_PER_HOUR: '3',
      LOG_LEVEL: 'error',
    });
    router = await startSmsRouter({ runtime: t.runtime, port, host: '127.0.0.1' });
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
    mail = createSmtpMailSender({ ...t.config, SMTP_URL: catcher.smtpUrl });
    worker = await startWorker({ runtime: t.runtime, mail });
  });
  afterAll(async () => {
    await router?.stop();
    await worker?.stop();
    mail?.close();
    await t?.close();
    await catcher?.stop();
    await sandbox?.stop();
  });

  /** A person with a verified phone (the SMS factor row the verification flow writes). */
  async function withPhone(options: Parameters<typeof signUp>[1] = {}): Promise<Person & { phone: string }> {
    const person = await signUp(t, options);
    phoneCounter += 1;
    const phone = `+3361${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
    await t.runtime.dataSource.query(
      `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
      [person.id, phone],
    );
    return { ...person, phone };
  }

  async function claim(person: Person, input: Record<string, string> | null = null) {
    return gql<{
      claimPhoneNumber: { id: string; phoneNumber: string; status: string; monthlyCost: string };
    }>(
      t.url,
      `mutation C($input: ClaimPhoneNumberInput) { claimPhoneNumber(input: $input) { id phoneNumber status monthlyCost } }`,
      { input },
      person.headers,
    );
  }

  const smsRows = (where: string, params: unknown[]) =>
    t.runtime.dataSource.query(
      `SELECT * FROM sms_messages WHERE ${where} ORDER BY created_at`,
      params,
    ) as Promise<Record<string, unknown>[]>;

  it('claims a number: webhooks set at Twilio and recorded, rental charged, plan limit and verified phone enforced', async () => {
    const ada = await withPhone();
    // The price is known before anything is bought, and is what the claim then charges.
    const price = await gql<{ phoneNumberPrice: { monthlyCost: string; currency: string } }>(
      t.url,
      '{ phoneNumberPrice { monthlyCost currency } }',
      undefined,
      ada.headers,
    );
    expect(price.body.errors).toBeUndefined();
    expect(price.body.data?.phoneNumberPrice.currency).toMatch(/^[A-Z]{3}$/);
    const offered = await gql<{ availablePhoneNumbers: { phoneNumber: string; fromPool: boolean }[] }>(
      t.url,
      `{ availablePhoneNumbers(country: "US", areaCode: "415") { phoneNumber fromPool } }`,
      undefined,
      ada.headers,
    );
    const first = offered.body.data?.availablePhoneNumbers[0];
    expect(first?.phoneNumber).toMatch(/^\+1415555/);
    const claimed = await claim(ada, { phoneNumber: first?.phoneNumber ?? '' });
    expect(claimed.body.errors).toBeUndefined();
    expect(claimed.body.data?.claimPhoneNumber).toMatchObject({
      phoneNumber: first?.phoneNumber,
      status: 'ACTIVE',
    });
    // At Twilio (the sandbox), through the real SDK: the number points at the router.
    const res = await fetch(
      `${sandbox.url}/2010-04-01/Accounts/AC${'0'.repeat(32)}/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(first?.phoneNumber ?? '')}`,
      {
        headers: { authorization: `Basic ${Buffer.from(`AC${'0'.repeat(32)}:${TOKEN}`).toString('base64')}` },
      },
    );
    const at = (
      (await res.json()) as { incoming_phone_numbers: { sms_url: string; status_callback: string }[] }
    ).incoming_phone_numbers[0];
    expect(at?.sms_url).toBe(`${router.url}/twilio/sms`);
    expect(at?.status_callback).toBe(`${router.url}/twilio/status`);
    const [config] = (await t.runtime.dataSource.query(
      `SELECT sms_url FROM webhook_configurations WHERE number_id = $1`,
      [claimed.body.data?.claimPhoneNumber.id],
    )) as { sms_url: string }[];
    expect(config?.sms_url).toBe(`${router.url}/twilio/sms`);
    const [rental] = (await t.runtime.dataSource.query(
      `SELECT price::text AS price, user_id FROM sms_usage_logs WHERE kind = 'rental' AND number_id = $1`,
      [claimed.body.data?.claimPhoneNumber.id],
    )) as { price: string; user_id: string }[];
    expect(rental).toEqual({ price: '1.15000', user_id: ada.id });
    expect(Number(price.body.data?.phoneNumberPrice.monthlyCost)).toBe(Number(rental?.price));

    // A user holds one number.
    expect((await claim(ada)).body.errors?.[0]?.extensions?.['code']).toBe('NUMBER_LIMIT');
    // No verified phone: no number (it would answer nobody).
    const bob = await signUp(t);
    expect((await claim(bob)).body.errors?.[0]?.extensions?.['code']).toBe('PHONE_NOT_VERIFIED');
    // Five claims at once by a premium person (3 allowed): exactly 3 succeed.
    const cleo = await withPhone({ role: 'premium' });
    const results = await Promise.all(Array.from({ length: 5 }, () => claim(cleo)));
    const ok = results.filter((r) => r.body.data?.claimPhoneNumber);
    expect(
      results
        .filter((r) => !r.body.data?.claimPhoneNumber)
        .map((r) => r.body.errors?.[0]?.extensions?.['code']),
    ).toEqual(['NUMBER_LIMIT', 'NUMBER_LIMIT']);
    expect(ok).toHaveLength(3);
    expect(new Set(ok.map((r) => r.body.data?.claimPhoneNumber.phoneNumber)).size).toBe(3);
    const mine = await gql<{ myPhoneNumbers: { id: string }[] }>(
      t.url,
      '{ myPhoneNumbers { id } }',
      undefined,
      cleo.headers,
    );
    expect(mine.body.data?.myPhoneNumbers).toHaveLength(3);
    // Giving one back answers with the number (readable by the one who gave it back), now spare.
    const released = await gql<{ releasePhoneNumber: { phoneNumber: string; status: string } }>(
      t.url,
      'mutation R($id: ID!) { releasePhoneNumber(id: $id) { phoneNumber country status } }',
      { id: mine.body.data?.myPhoneNumbers[0]?.id },
      cleo.headers,
    );
    expect(released.body.errors).toBeUndefined();
    expect(released.body.data?.releasePhoneNumber.status).toBe('SPARE');
    // Someone else cannot give it back (nor see it): not found.
    const again = await gql(
      t.url,
      'mutation R($id: ID!) { releasePhoneNumber(id: $id) { id } }',
      { id: mine.body.data?.myPhoneNumbers[1]?.id },
      ada.headers,
    );
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('NUMBER_NOT_FOUND');
  });

  it('routes a text from the owner’s phone to their assistant, answers by SMS from their number, records delivery and price', async () => {
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
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
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const params = inbound(ada.phone, number, 'forged hello');
    const signedOver = twilio.getExpectedTwilioSignature(TOKEN, `${router.url}/twilio/sms`, params);
    const attempts = [
      await webhook(router, '/twilio/sms', params, { signature: null }),
      await webhook(router, '/twilio/sms', { ...params, Body: 'forged hello!' }, { signature: signedOver }),
      await webhook(router, '/twilio/sms', params, { url: 'https://evil.example/twilio/sms' }),
      await webhook(router, '/twilio/sms', params, { token: 'not-the-token' }),
      await webhook(
        router,
        '/twilio/status',
        { MessageSid: params.MessageSid, MessageStatus: 'delivered' },
        { signature: null },
      ),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(JSON.parse(attempts[0]?.text ?? '{}').errors[0].extensions.code).toBe('INVALID_SIGNATURE');
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(0);
    // The genuine one passes.
    expect((await webhook(router, '/twilio/sms', params)).status).toBe(200);
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(1);
  });

  it('stores a MessageSid sent 10 times at once once, and answers it once', async () => {
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const params = inbound(ada.phone, number, 'call the dentist');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => webhook(router, '/twilio/sms', params)),
    );
    expect(results.every((r) => r.status === 200 && r.text.includes('<Response/>'))).toBe(true);
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(1);
    const replies = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length > 0 ? list : undefined;
    }, 15_000);
    await new Promise((r) => setTimeout(r, 500));
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
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const stranger = '+447911123456';
    for (const body of ['hi is this Ada?', 'hello??']) {
      expect((await webhook(router, '/twilio/sms', inbound(stranger, number, body))).status).toBe(200);
    }
    const refusals = await until(async () => {
      const list = sandbox.messages({ to: stranger, from: number });
      return list.length > 0 ? list : undefined;
    }, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(sandbox.messages({ to: stranger, from: number })).toHaveLength(1);
    expect(refusals[0]?.body).toMatch(/only answers its owner/);
    const ownerMessages = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE user_id = $1`,
      [ada.id],
    )) as { n: number }[];
    expect(ownerMessages[0]?.n).toBe(0);
    const other = '+447911123999';
    await webhook(router, '/twilio/sms', inbound(other, number, 'STOP'));
    await webhook(router, '/twilio/sms', inbound(other, number, 'who is this'));
    await router.router.settled();
    await new Promise((r) => setTimeout(r, 300));
    expect(sandbox.messages({ to: other })).toHaveLength(0);
  });

  it('honours STOP from the owner: nothing is texted until START; the app keeps everything', async () => {
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    expect((await webhook(router, '/twilio/sms', inbound(ada.phone, number, 'Stop'))).status).toBe(200);
    await webhook(router, '/twilio/sms', inbound(ada.phone, number, 'list'));
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
    await webhook(router, '/twilio/sms', inbound(ada.phone, number, 'START'));
    const confirmation = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length > 0 ? list : undefined;
    }, 10_000);
    expect(confirmation[0]?.body).toMatch(/back on/);
  });

  it('answers a French-locale owner in French by SMS: HELP and the assistant’s reply (issue #18)', async () => {
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    await t.runtime.dataSource.query(`UPDATE preferences SET locale = 'fr' WHERE user_id = $1`, [ada.id]);
    await webhook(router, '/twilio/sms', inbound(ada.phone, number, 'AIDE'));
    await webhook(router, '/twilio/sms', inbound(ada.phone, number, 'acheter du lait'));
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
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
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
      const res = await webhook(router, '/twilio/sms', inbound(ada.phone, number, 'pay rent'));
      const took = performance.now() - started;
      expect(res.status).toBe(200);
      expect(took).toBeLessThan(1000);
      await router.router.settled();
    } finally {
      (router.router as unknown as { queueReply: unknown }).queueReply = original;
    }
  });

  it('administrators: pool, reassign, unassign, release to Twilio; the webhook check repairs drift', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const ada = await withPhone();
    const call = <T>(query: string, variables?: Record<string, unknown>, who: Person = admin) =>
      gql<T>(t.url, query, variables, who.headers);
    const pooled = await call<{ addPoolPhoneNumber: { id: string; status: string; phoneNumber: string } }>(
      'mutation { addPoolPhoneNumber(input: { country: "FR" }) { id status phoneNumber } }',
    );
    expect(pooled.body.data?.addPoolPhoneNumber).toMatchObject({ status: 'SPARE' });
    const id = pooled.body.data?.addPoolPhoneNumber.id ?? '';
    // A user cannot administer numbers.
    const refused = await call('mutation M($id: ID!) { unassignPhoneNumber(id: $id) { id } }', { id }, ada);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const given = await call<{ reassignPhoneNumber: { status: string; owner: { id: string } } }>(
      'mutation M($id: ID!, $u: ID!) { reassignPhoneNumber(id: $id, userId: $u) { status owner { id } } }',
      { id, u: ada.id },
    );
    expect(given.body.data?.reassignPhoneNumber).toEqual({ status: 'ACTIVE', owner: { id: ada.id } });
    const byEmail = await call<{ phoneNumbers: { items: { id: string }[] } }>(
      'query Q($s: String) { phoneNumbers(search: $s) { items { id } } }',
      { s: ada.email.toUpperCase() },
    );
    expect(byEmail.body.data?.phoneNumbers.items.map((n) => n.id)).toEqual([id]);
    // Ada now sees it as hers; the owner field is for administrators only.
    const mine = await call<{ myPhoneNumbers: { id: string }[] }>(
      '{ myPhoneNumbers { id } }',
      undefined,
      ada,
    );
    expect(mine.body.data?.myPhoneNumbers.map((n) => n.id)).toEqual([id]);
    const ownerField = await call('{ myPhoneNumbers { id owner { email } } }', undefined, ada);
    expect(ownerField.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // Someone edits the number in the Twilio console: the check puts the webhooks back.
    const sidRow = (await t.runtime.dataSource.query(
      `SELECT twilio_sid FROM user_phone_numbers WHERE id = $1`,
      [id],
    )) as { twilio_sid: string }[];
    const client = twilio(`AC${'0'.repeat(32)}`, TOKEN, {
      httpClient: new (class extends twilio.RequestClient {
        override request<T>(opts: Parameters<twilio.RequestClient['request']>[0]) {
          const url = new URL(opts.uri);
          return super.request<T>({ ...opts, uri: `${sandbox.url}${url.pathname}${url.search}` } as never);
        }
      })(),
    });
    await client
      .incomingPhoneNumbers(sidRow[0]?.twilio_sid ?? '')
      .update({ smsUrl: 'https://old.example/sms' });
    const report = await call<{ checkPhoneNumberWebhooks: Record<string, number> }>(
      'mutation { checkPhoneNumberWebhooks { checked drifted repaired failed } }',
    );
    expect(report.body.data?.checkPhoneNumberWebhooks.drifted).toBe(1);
    expect(report.body.data?.checkPhoneNumberWebhooks.repaired).toBe(1);
    expect(report.body.data?.checkPhoneNumberWebhooks.failed).toBe(0);
    const fixed = await client.incomingPhoneNumbers(sidRow[0]?.twilio_sid ?? '').fetch();
    expect(fixed.smsUrl).toBe(`${router.url}/twilio/sms`);
    const list = await call<{
      phoneNumbers: { items: { id: string; webhook: { lastDrift: string; repairs: number } }[] };
    }>('{ phoneNumbers(search: "33") { items { id webhook { lastDrift repairs } } } }');
    const row = list.body.data?.phoneNumbers.items.find((n) => n.id === id);
    expect(row?.webhook.repairs).toBe(1);
    expect(row?.webhook.lastDrift).toContain('https://old.example/sms');

    const back = await call<{ unassignPhoneNumber: { status: string } }>(
      'mutation M($id: ID!) { unassignPhoneNumber(id: $id) { status } }',
      { id },
    );
    expect(back.body.data?.unassignPhoneNumber.status).toBe('SPARE');
    const released = await call<{ releasePhoneNumberToTwilio: { status: string } }>(
      'mutation M($id: ID!) { releasePhoneNumberToTwilio(id: $id) { status } }',
      { id },
    );
    expect(released.body.data?.releasePhoneNumberToTwilio.status).toBe('RELEASED');
    await expect(client.incomingPhoneNumbers(sidRow[0]?.twilio_sid ?? '').fetch()).rejects.toMatchObject({
      status: 404,
    });
  });

  it('splits a long text into ordered parts, and never sends a part twice after a lost answer', async () => {
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const outbox = new SmsOutbox(t.runtime.dataSource, t.api.services.jobs, t.runtime.logger, 1000);
    const sentences = Array.from(
      { length: 14 },
      (_, i) => `Step ${i + 1} of the plan is written here in full.`,
    );
    expect(await outbox.textPerson(ada.id, `notify-long${Date.now()}`, sentences.join(' '), null)).toBe(
      'queued',
    );
    const parts = await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      const rows = await smsRows(`to_number = $1 AND direction = 'outbound'`, [ada.phone]);
      return rows.length > 1 && rows.every((r) => r['message_sid']) && list.length === rows.length
        ? list
        : undefined;
    }, 15_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.body.match(/\((\d)\/\d\)$/)?.[1])).toEqual(parts.map((_, i) => String(i + 1)));
    for (const p of parts) expect(p.numSegments).toBeLessThanOrEqual(2);

    // A part whose send reached Twilio but whose answer was lost (crash): the retry adopts it.
    const before = sandbox.messages({ to: ada.phone, from: number }).length;
    const key = `notify-lost${Date.now()}`;
    await outbox.stage(t.runtime.dataSource, {
      key,
      userId: ada.id,
      numberId: (
        await t.runtime.dataSource.query(`SELECT id FROM user_phone_numbers WHERE phone_number = $1`, [
          number,
        ])
      )[0].id,
      from: number,
      to: ada.phone,
      body: 'Remember the keys.',
    });
    const sender = createSmsSender(t.config);
    const reached = await sender.send({ from: number, to: ada.phone, body: 'Remember the keys.' });
    await t.runtime.dataSource.query(
      `UPDATE sms_messages SET status = 'sending', attempted_at = now() WHERE source_key = $1`,
      [`${key}#1`],
    );
    await outbox.dispatch(key);
    const adopted = await until(async () => {
      const [row] = await smsRows('source_key = $1', [`${key}#1`]);
      return row?.['message_sid'] ? row : undefined;
    }, 10_000);
    expect(adopted['message_sid']).toBe(reached.sid);
    expect(sandbox.messages({ to: ada.phone, from: number })).toHaveLength(before + 1);
  });

  it('texts reminders when SMS is a chosen channel; usage and CSV add up exactly', async () => {
    const ada = await withPhone();
    // A number bought now (not a spare one, whose month the platform already paid): its rental is hers.
    const offered = await gql<{ availablePhoneNumbers: { phoneNumber: string; fromPool: boolean }[] }>(
      t.url,
      '{ availablePhoneNumbers(country: "US", areaCode: "646") { phoneNumber fromPool } }',
      undefined,
      ada.headers,
    );
    const fresh = offered.body.data?.availablePhoneNumbers.find((n) => !n.fromPool)?.phoneNumber ?? '';
    const number = (await claim(ada, { phoneNumber: fresh })).body.data?.claimPhoneNumber.phoneNumber ?? '';
    expect(number).toBe(fresh);
    await t.runtime.dataSource.query(
      `UPDATE preferences SET reminder_channels = '{in_app,sms}', quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
      [ada.id],
    );
    const due = new Date(Date.now() + 1500);
    const created = await gql<{ createReminder: { id: string } }>(
      t.url,
      'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }',
      { input: { text: 'take the pills', dueAt: due.toISOString() } },
      ada.headers,
    );
    expect(created.body.errors).toBeUndefined();
    const texted = await until(async () => {
      const list = sandbox
        .messages({ to: ada.phone, from: number })
        .filter((m) => m.body.includes('take the pills'));
      return list.length > 0 ? list : undefined;
    }, 15_000);
    // The app's "⏰" does not go out by SMS: the text stays GSM-7 (160 characters a segment).
    expect(texted[0]?.body.startsWith('Reminder: take the pills')).toBe(true);
    expect(texted[0]?.encoding).toBe('GSM-7');
    await until(async () => {
      const rows = (await t.runtime.dataSource.query(
        `SELECT 1 FROM sms_usage_logs WHERE user_id = $1 AND kind = 'message' AND price IS NOT NULL`,
        [ada.id],
      )) as unknown[];
      return rows.length > 0 ? rows : undefined;
    }, 10_000);
    const usage = await gql<{
      mySmsUsage: { totals: { messageCost: string; rentalCost: string; totalCost: string } };
    }>(
      t.url,
      '{ mySmsUsage(groupBy: MONTH) { totals { messageCost rentalCost totalCost } } }',
      undefined,
      ada.headers,
    );
    const totals = usage.body.data?.mySmsUsage.totals;
    // 1.15 + 0.0079 = 1.1579 exactly (in floats: 1.1579000000000002).
    expect(totals).toEqual({ messageCost: '0.00790', rentalCost: '1.15000', totalCost: '1.15790' });
    const admin = await signUp(t, { role: 'administrator' });
    const csv = await gql<{ smsUsageCsv: string }>(t.url, '{ smsUsageCsv }', undefined, admin.headers);
    const lines = (csv.body.data?.smsUsageCsv ?? '').trim().split('\n');
    expect(lines[0]).toBe(
      'occurred_at,kind,direction,user_email,number,segments,price,currency,status,message_sid,period',
    );
    expect(lines.some((l) => l.includes(ada.email) && l.includes(',rental,') && l.includes('1.15000'))).toBe(
      true,
    );
    // An address a spreadsheet would run as a formula is written so that it will not.
    await t.runtime.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [
      ada.id,
      `=hyperlink.${Date.now()}@example.test`,
    ]);
    const safe = await gql<{ smsUsageCsv: string }>(t.url, '{ smsUsageCsv }', undefined, admin.headers);
    const risky = (safe.body.data?.smsUsageCsv ?? '').split('\n').filter((l) => l.includes('hyperlink.'));
    expect(risky.length).toBeGreaterThan(0);
    for (const line of risky) expect(line).toMatch(/,'=hyperlink\./);
    const userCsv = await gql(t.url, '{ smsUsageCsv }', undefined, ada.headers);
    expect(userCsv.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const analytics = await gql<{
      smsAnalytics: { totals: { totalCost: string }; topUsers: { userId: string }[] };
    }>(
      t.url,
      '{ smsAnalytics { totals { totalCost } topUsers { userId totalCost } perNumber { phoneNumber totalCost } } }',
      undefined,
      admin.headers,
    );
    expect(analytics.body.errors).toBeUndefined();
    expect(analytics.body.data?.smsAnalytics.topUsers.length).toBeGreaterThan(0);
  });

  it('gives clear errors for bad input, and a deleted account’s number goes back to the pool', async () => {
    const ada = await withPhone();
    const bad = async (query: string) =>
      (await gql(t.url, query, undefined, ada.headers)).body.errors?.[0]?.extensions?.['code'];
    expect(await bad('{ availablePhoneNumbers(country: "USA") { phoneNumber } }')).toBe(
      'INVALID_NUMBER_SEARCH',
    );
    expect(await bad('{ availablePhoneNumbers(areaCode: "4x5") { phoneNumber } }')).toBe(
      'INVALID_NUMBER_SEARCH',
    );
    expect(await bad('mutation { claimPhoneNumber(input: { phoneNumber: "not a number" }) { id } }')).toBe(
      'INVALID_NUMBER_SEARCH',
    );
    expect(
      await bad('{ mySmsUsage(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { currency } }'),
    ).toBe('INVALID_DATE_RANGE');
    expect(await bad('mutation { releasePhoneNumber(id: "not-a-uuid") { id } }')).toBe('NUMBER_NOT_FOUND');
    // A signed webhook with a malformed field: a clear 400, nothing stored.
    const params = { ...inbound(ada.phone, '+14155550199', 'hi'), From: 'nobody' };
    const res = await webhook(router, '/twilio/sms', params);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('INVALID_WEBHOOK');
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(0);

    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    const admin = await signUp(t, { role: 'administrator' });
    const deleted = await gql(
      t.url,
      'mutation D($id: ID!) { deleteUser(userId: $id) }',
      { id: ada.id },
      admin.headers,
    );
    expect(deleted.body.errors).toBeUndefined();
    const [row] = (await t.runtime.dataSource.query(
      `SELECT status, user_id FROM user_phone_numbers WHERE phone_number = $1 AND status <> 'released'`,
      [number],
    )) as { status: string; user_id: string | null }[];
    expect(row).toEqual({ status: 'spare', user_id: null });
    // The rental stays in the books, without the person.
    const rentals = (await t.runtime.dataSource.query(
      `SELECT l.user_id FROM sms_usage_logs l JOIN user_phone_numbers n ON n.id = l.number_id
        WHERE n.phone_number = $1 AND l.kind = 'rental'`,
      [number],
    )) as { user_id: string | null }[];
    expect(rentals).toEqual([{ user_id: null }]);
  });

  it('stops texting answers to a phone past its hourly budget (an auto-reply loop costs nothing more)', async () => {
    const ada = await withPhone();
    const number = (await claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    for (const body of ['buy bread', 'buy jam', 'buy tea', 'buy rice']) {
      expect((await webhook(router, '/twilio/sms', inbound(ada.phone, number, body))).status).toBe(200);
    }
    // Every text is answered in the app...
    await until(async () => {
      const rows = (await t.runtime.dataSource.query(
        `SELECT 1 FROM messages WHERE user_id = $1 AND author = 'assistant'`,
        [ada.id],
      )) as unknown[];
      return rows.length === 4 ? rows : undefined;
    }, 15_000);
    // ...and three of them (SMS_REPLIES_PER_HOUR in this suite) by text.
    await until(async () => {
      const list = sandbox.messages({ to: ada.phone, from: number });
      return list.length >= 3 ? list : undefined;
    }, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(sandbox.messages({ to: ada.phone, from: number })).toHaveLength(3);
  });
});
