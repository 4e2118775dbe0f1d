import { generate } from 'otplib';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { gql, waitFor } from '@pa/server-testing';
import { ERASURE_GRACE_DAYS } from '@pa/shared-domain';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_PASSWORD, as, codeOf, setRole, signUp, type Person } from '../testing/people';
import { databaseTraces, redisTraces } from '../testing/person-traces';

const DAY_MS = 86_400_000;
const REQUEST = `mutation D($input: ConfirmIdentityInput!) { requestAccountDeletion(input: $input) { requestedAt dueAt } }`;
const STATUS = '{ accountDeletion { requestedAt dueAt } }';
const totp = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
const hex = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
const phoneNumber = (area: string) => `+1${area}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

let catcher: SmtpCatcher;
let t: TestApi;
let mail: SmtpMailSender;
let worker: WorkerAppHandle;
// The worker's clock runs this far ahead of the wall clock (to reach the end of the grace period).
let ahead = 0;

beforeAll(async () => {
  catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  t = await startTestApi({
    SMTP_URL: catcher.smtpUrl,
    PUBLIC_WEB_URL: 'http://app.example.test',
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
  });
  mail = createSmtpMailSender(t.config);
  worker = await startWorker({ runtime: t.runtime, mail, now: () => new Date(Date.now() + ahead) });
});
afterAll(async () => {
  await worker.stop();
  mail.close();
  await t.close();
  await catcher.stop();
});

describe('requestAccountDeletion', () => {
  it('needs the password, schedules the erasure after the grace period, mails the date; cancelling keeps the account', async () => {
    const p = await signUp(t);
    expect(codeOf(await as(t, p, REQUEST, { input: { password: 'not-my-password' } }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await as(t, p, STATUS)).body.data).toEqual({ accountDeletion: null });
    const before = Date.now();
    const asked = await as<{ requestAccountDeletion: { requestedAt: string; dueAt: string } }>(
      t,
      p,
      REQUEST,
      {
        input: { password: TEST_PASSWORD },
      },
    );
    const due = new Date(asked.body.data?.requestAccountDeletion.dueAt ?? 0).getTime();
    expect(due).toBeGreaterThanOrEqual(before + ERASURE_GRACE_DAYS * DAY_MS - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + ERASURE_GRACE_DAYS * DAY_MS + 1000);
    expect((await as(t, p, STATUS)).body.data).toEqual({
      accountDeletion: asked.body.data?.requestAccountDeletion,
    });
    const letter = await catcher.waitForMessage(
      (m) => m.to.includes(p.email) && /will be deleted/.test(m.subject),
      10_000,
    );
    expect(letter.text).toContain('http://app.example.test/settings');
    // Still usable during the grace period; cancelling stops it (once).
    expect((await as(t, p, '{ me { id } }')).body.data).toEqual({ me: { id: p.id } });
    expect((await as(t, p, 'mutation { cancelAccountDeletion }')).body.data).toEqual({
      cancelAccountDeletion: true,
    });
    expect((await as(t, p, 'mutation { cancelAccountDeletion }')).body.data).toEqual({
      cancelAccountDeletion: false,
    });
    expect((await as(t, p, STATUS)).body.data).toEqual({ accountDeletion: null });
  });

  it('signing in during the grace period cancels the erasure', async () => {
    const p = await signUp(t);
    await as(t, p, REQUEST, { input: { password: TEST_PASSWORD } });
    const login = await gql<{ login: { accessToken: string } }>(
      t.url,
      `mutation L($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }`,
      { e: p.email, p: TEST_PASSWORD },
    );
    expect(login.body.data?.login.accessToken).toBeTruthy();
    expect((await as(t, p, STATUS)).body.data).toEqual({ accountDeletion: null });
  });

  it('asks for the second step when the person has one', async () => {
    const p = await signUp(t);
    const secret = await enrolTotp(p);
    expect(codeOf(await as(t, p, REQUEST, { input: { password: TEST_PASSWORD } }))).toBe('MFA_REQUIRED');
    expect(
      codeOf(
        await as(t, p, REQUEST, { input: { password: TEST_PASSWORD, mfaMethod: 'TOTP', mfaCode: '000000' } }),
      ),
    ).toBe('MFA_CODE_INVALID');
    // The enrolment used the current time-step; the next one is accepted once.
    const code = await totp(secret, new Date(Date.now() + 30_000));
    const ok = await as(t, p, REQUEST, {
      input: { password: TEST_PASSWORD, mfaMethod: 'TOTP', mfaCode: code },
    });
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses the last administrator', async () => {
    const admin = await signUp(t, { role: 'administrator' });
    const others = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM user_roles WHERE role = 'administrator' AND user_id <> $1`,
      [admin.id],
    )) as { n: number }[];
    if ((others[0]?.n ?? 0) > 0) return; // another test's administrator is here: nothing to prove
    expect(codeOf(await as(t, admin, REQUEST, { input: { password: TEST_PASSWORD } }))).toBe(
      'LAST_ADMINISTRATOR',
    );
  });
});

/** Turns TOTP on for `p` (right after sign-up, so no re-authentication); returns the secret. */
async function enrolTotp(p: Person): Promise<string> {
  const start = await as<{ startTotpEnrollment: { secret: string } }>(
    t,
    p,
    'mutation { startTotpEnrollment { secret } }',
  );
  const secret = start.body.data?.startTotpEnrollment.secret ?? '';
  const confirmed = await as(t, p, 'mutation C($c: String!) { confirmTotpEnrollment(code: $c) }', {
    c: await totp(secret, new Date()),
  });
  if (confirmed.body.errors) throw new Error(JSON.stringify(confirmed.body.errors));
  return secret;
}

/** Someone with data in every corner: texts, number, costs, second factor, audit entries, jobs. */
async function personWithEverything(bystander: Person): Promise<Person & { phone: string; secret: string }> {
  const p = await signUp(t, { headers: { 'user-agent': 'Erasable-Device/1.0' } });
  const secret = await enrolTotp(p);
  const ds = t.runtime.dataSource;
  const phone = phoneNumber('555');
  await ds.query(
    `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
    [p.id, phone],
  );
  await as(t, p, 'mutation { updateProfile(input: { displayName: "Erasable Person" }) { id } }');
  await as(
    t,
    p,
    'mutation { updatePreferences(input: { quietHoursStart: "21:15", quietHoursEnd: "06:45" }) { locale } }',
  );
  const conv = await as<{ createConversation: { id: string } }>(
    t,
    p,
    'mutation { createConversation(title: "mine") { id } }',
  );
  const conversationId = conv.body.data?.createConversation.id ?? '';
  await as(t, p, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }', {
    input: { conversationId, body: 'call the dentist', clientId: `c-${hex(8)}` },
  });
  await as(t, p, 'mutation { createTask(title: "file taxes") { id } }');
  await as(t, p, 'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }', {
    input: { text: 'stretch', dueAt: new Date(Date.now() + DAY_MS).toISOString() },
  });
  await ds.query(
    `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, device_name) VALUES ($1, $2, 'k', 'a', 'phone')`,
    [p.id, `https://push.example.test/${hex(16)}`],
  );
  // Their own number, with a text and its cost; and a text from their phone to the bystander's number.
  const [own] = (await ds.query(
    `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
     VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now()) RETURNING id`,
    [phoneNumber('628'), `PN${hex(32)}`, p.id],
  )) as { id: string }[];
  await ds.query(
    `INSERT INTO sms_usage_logs (kind, user_id, number_id, direction, message_sid, segments, price, currency, status)
     VALUES ('message', $1, $2, 'inbound', $3, 1, 0.0079, 'USD', 'received')`,
    [p.id, own?.id, `SM${hex(32)}`],
  );
  const [theirs] = (await ds.query(
    `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
     VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now()) RETURNING id, phone_number`,
    [phoneNumber('629'), `PN${hex(32)}`, bystander.id],
  )) as { id: string; phone_number: string }[];
  await ds.query(
    `INSERT INTO sms_messages (message_sid, direction, user_id, number_id, from_number, to_number, body, status, outcome)
     VALUES ($1, 'inbound', $2, $3, $4, $5, 'hello?', 'received', 'refused')`,
    [`SM${hex(32)}`, bystander.id, theirs?.id, phone, theirs?.phone_number],
  );
  await ds.query(`INSERT INTO sms_opt_outs (phone_number, number) VALUES ($1, $2)`, [
    phone,
    theirs?.phone_number,
  ]);
  // An administrator acted on them (audit entries naming them, details included).
  await setRole(t, p.id, 'premium');
  await t.api.services.auth.audit.record({
    action: 'role_change',
    outcome: 'success',
    actorId: bystander.id,
    subjectId: p.id,
    client: { ip: '198.51.100.7', userAgent: 'Admin-Browser' },
    resourceType: 'user',
    resourceId: p.id,
    details: { note: `about ${p.email}` },
  });
  // A check-in job queued for them (their id in the job id and payload).
  await t.api.services.jobs.enqueue(
    'checkin.fire',
    { userId: p.id, dueAt: new Date(Date.now() + DAY_MS).toISOString() },
    { jobId: `checkin-${p.id}-${Date.now() + DAY_MS}`, delayMs: DAY_MS },
  );
  return { ...p, phone, secret };
}

describe('erasure by the person', () => {
  it('after the grace period the worker erases them: no table (from the schema) and no Redis key or job holds their id, email or phone', async () => {
    const bystander = await signUp(t);
    const p = await personWithEverything(bystander);
    const needles = [p.id, p.email, p.phone];
    // The search sees the person before (so a pass afterwards means something).
    const seen = await databaseTraces(t.runtime.dataSource, needles);
    expect(seen.length).toBeGreaterThan(15);
    expect(await redisTraces(t.config.REDIS_KEY_PREFIX, needles)).not.toEqual([]);

    const code = await totp(p.secret, new Date(Date.now() + 30_000));
    const asked = await as(t, p, REQUEST, {
      input: { password: TEST_PASSWORD, mfaMethod: 'TOTP', mfaCode: code },
    });
    expect(asked.body.errors).toBeUndefined();
    // Not due yet: the job finds nothing to do.
    await t.api.services.jobs.enqueue('account.erase', { dueAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 500));
    expect((await as(t, p, '{ me { id } }')).body.data).toEqual({ me: { id: p.id } });

    ahead = (ERASURE_GRACE_DAYS + 1) * DAY_MS;
    try {
      await t.api.services.jobs.enqueue('account.erase', {
        dueAt: new Date(Date.now() + ahead).toISOString(),
      });
      await waitFor(
        async () =>
          (await t.runtime.dataSource.query(`SELECT 1 FROM users WHERE id = $1`, [p.id])) as unknown[],
        (rows) => rows.length === 0,
        15_000,
      );
    } finally {
      ahead = 0;
    }
    expect(codeOf(await as(t, p, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(await databaseTraces(t.runtime.dataSource, needles)).toEqual([]);
    // The clean-up outside PostgreSQL (sessions, cached access, jobs) runs right after the commit.
    let left = await redisTraces(t.config.REDIS_KEY_PREFIX, needles);
    for (let i = 0; i < 20 && left.length > 0; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      left = await redisTraces(t.config.REDIS_KEY_PREFIX, needles);
    }
    expect(left).toEqual([]);

    // What stays is anonymous: costs for accounting, what the administrator did (without address or device).
    const [costs] = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM sms_usage_logs WHERE user_id IS NULL AND price = 0.0079`,
    )) as { n: number }[];
    expect(costs?.n).toBeGreaterThanOrEqual(1);
    const kept = (await t.runtime.dataSource.query(
      `SELECT ip, user_agent, details FROM audit_log WHERE action = 'role_change' AND actor_id = $1`,
      [bystander.id],
    )) as unknown[];
    expect(kept).toEqual([{ ip: null, user_agent: null, details: {} }]);
    const done = (await t.runtime.dataSource.query(
      `SELECT actor_id, subject_id FROM audit_log WHERE action = 'erasure_done'`,
    )) as unknown[];
    expect(done).toContainEqual({ actor_id: null, subject_id: null });
    // The bystander keeps everything of theirs.
    expect((await as(t, bystander, '{ me { id } }')).body.data).toEqual({ me: { id: bystander.id } });
    const [numbers] = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM user_phone_numbers WHERE user_id = $1`,
      [bystander.id],
    )) as { n: number }[];
    expect(numbers?.n).toBe(1);
  }, 120_000);
});
