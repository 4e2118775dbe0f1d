import { gql } from '@pa/server-testing';
import { createSmsSender } from '@pa/server-sms';
import { SmsOutbox } from '@pa/server-sms-routing';
import type { TwilioSandbox } from '@pa/twilio-sandbox';
import { startSmsStack, type SmsStack, until, inbound } from '../testing/sms-stack';
import type { TestApi } from '../testing/test-api';
import { signUp } from '../testing/people';

describe('SMS texts out: long texts in parts, reminders by text, usage and the hourly budget (real twilio SDK against the sandbox)', () => {
  let stack: SmsStack;
  let sandbox: TwilioSandbox;
  let t: TestApi;

  beforeAll(async () => {
    stack = await startSmsStack('+3365', { SMS_REPLIES_PER_HOUR: '3' });
    ({ sandbox, t } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const smsRows = (where: string, params: unknown[]) =>
    t.runtime.dataSource.query(
      `SELECT * FROM sms_messages WHERE ${where} ORDER BY created_at`,
      params,
    ) as Promise<Record<string, unknown>[]>;

  it('splits a long text into ordered parts, and never sends a part twice after a lost answer', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
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
    const ada = await stack.withPhone();
    // A number bought now (not a spare one, whose month the platform already paid): its rental is hers.
    const offered = await gql<{ availablePhoneNumbers: { phoneNumber: string; fromPool: boolean }[] }>(
      t.url,
      '{ availablePhoneNumbers(country: "US", areaCode: "646") { phoneNumber fromPool } }',
      undefined,
      ada.headers,
    );
    const fresh = offered.body.data?.availablePhoneNumbers.find((n) => !n.fromPool)?.phoneNumber ?? '';
    const number =
      (await stack.claim(ada, { phoneNumber: fresh })).body.data?.claimPhoneNumber.phoneNumber ?? '';
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

  it('stops texting answers to a phone past its hourly budget (an auto-reply loop costs nothing more)', async () => {
    const ada = await stack.withPhone();
    const number = (await stack.claim(ada)).body.data?.claimPhoneNumber.phoneNumber ?? '';
    for (const body of ['buy bread', 'buy jam', 'buy tea', 'buy rice']) {
      expect((await stack.webhook('/twilio/sms', inbound(ada.phone, number, body))).status).toBe(200);
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
    // Everything queued has run: any text still to come would have been sent by now.
    await stack.settled();
    expect(sandbox.messages({ to: ada.phone, from: number })).toHaveLength(3);
  });
});
