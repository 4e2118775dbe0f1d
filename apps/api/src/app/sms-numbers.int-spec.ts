import twilio from 'twilio';
import { gql } from '@pa/server-testing';
import type { SmsRouterHandle } from '@pa/sms-router';
import type { TwilioSandbox } from '@pa/twilio-sandbox';
import { startSmsStack, type SmsStack, inbound, SANDBOX_TOKEN } from '../testing/sms-stack';
import type { TestApi } from '../testing/test-api';
import { signUp, type Person } from '../testing/people';

describe("SMS numbers: claims, the administrators' pool and errors (real twilio SDK against the sandbox)", () => {
  let stack: SmsStack;
  let sandbox: TwilioSandbox;
  let t: TestApi;
  let router: SmsRouterHandle;

  beforeAll(async () => {
    stack = await startSmsStack('+3361', { SMS_REPLIES_PER_HOUR: '3' });
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

  it('claims a number: webhooks set at Twilio and recorded, rental charged, plan limit and verified phone enforced', async () => {
    const ada = await stack.withPhone();
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
    const claimed = await stack.claim(ada, { phoneNumber: first?.phoneNumber ?? '' });
    expect(claimed.body.errors).toBeUndefined();
    expect(claimed.body.data?.claimPhoneNumber).toMatchObject({
      phoneNumber: first?.phoneNumber,
      status: 'ACTIVE',
    });
    // At Twilio (the sandbox), through the real SDK: the number points at the router.
    const res = await fetch(
      `${sandbox.url}/2010-04-01/Accounts/AC${'0'.repeat(32)}/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(first?.phoneNumber ?? '')}`,
      {
        headers: {
          authorization: `Basic ${Buffer.from(`AC${'0'.repeat(32)}:${SANDBOX_TOKEN}`).toString('base64')}`,
        },
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
    expect((await stack.claim(ada)).body.errors?.[0]?.extensions?.['code']).toBe('NUMBER_LIMIT');
    // No verified phone: no number (it would answer nobody).
    const bob = await signUp(t);
    expect((await stack.claim(bob)).body.errors?.[0]?.extensions?.['code']).toBe('PHONE_NOT_VERIFIED');
    // Five claims at once by a premium person (3 allowed): exactly 3 succeed.
    const cleo = await stack.withPhone({ role: 'premium' });
    const results = await Promise.all(Array.from({ length: 5 }, () => stack.claim(cleo)));
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

  it('administrators: pool, reassign, unassign, release to Twilio; the webhook check repairs drift', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const ada = await stack.withPhone();
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
    const client = twilio(`AC${'0'.repeat(32)}`, SANDBOX_TOKEN, {
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

  it('gives clear errors for bad input, and a deleted account’s number goes back to the pool', async () => {
    const ada = await stack.withPhone();
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
    const res = await stack.webhook('/twilio/sms', params);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('INVALID_WEBHOOK');
    expect(await smsRows('message_sid = $1', [params.MessageSid])).toHaveLength(0);

    // A number bought for her (one from the pool would carry the rental its earlier holder paid).
    const offered = await gql<{ availablePhoneNumbers: { phoneNumber: string; fromPool: boolean }[] }>(
      t.url,
      '{ availablePhoneNumbers(country: "US") { phoneNumber fromPool } }',
      undefined,
      ada.headers,
    );
    const fresh = offered.body.data?.availablePhoneNumbers.find((n) => !n.fromPool)?.phoneNumber ?? '';
    const number =
      (await stack.claim(ada, { phoneNumber: fresh })).body.data?.claimPhoneNumber.phoneNumber ?? '';
    expect(number).toBe(fresh);
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
});
