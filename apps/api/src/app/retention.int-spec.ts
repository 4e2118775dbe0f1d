import { createTestRuntime, type TestRuntime } from '@pa/server-testing';
import { RetentionService } from '@pa/server-users';
import { RETENTION_DAYS } from '@pa/shared-domain';
import { apiParts } from './parts';

const DAY_MS = 86_400_000;
const hex = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

let t: TestRuntime;
beforeAll(async () => {
  t = await createTestRuntime(apiParts);
});
afterAll(() => t.cleanup());

it('deletes old refused texts, truncates old audit addresses, drops expired codes, links and whole expired token families — and keeps everything younger', async () => {
  const ds = t.runtime.dataSource;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY_MS);
  const [user] = (await ds.query(
    `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, 'x', 'R', 'UTC') RETURNING id`,
    [`retention.${now}@example.test`],
  )) as { id: string }[];
  const userId = user?.id;
  const text = (days: number, outcome: string) =>
    ds.query(
      `INSERT INTO sms_messages (message_sid, direction, from_number, to_number, body, status, outcome, created_at)
       VALUES ($1, 'inbound', '+15550000001', '+16280000001', 'hi', 'received', $2, $3)`,
      [`SM${hex(32)}`, outcome, ago(days)],
    );
  await text(RETENTION_DAYS.refusedTexts + 1, 'refused');
  await text(RETENTION_DAYS.refusedTexts + 1, 'unknown_number');
  await text(RETENTION_DAYS.refusedTexts - 1, 'refused');
  const audit = (days: number, ip: string) =>
    ds.query(
      `INSERT INTO audit_log (at, actor_id, action, outcome, ip, user_agent) VALUES ($1, $2, 'login', 'success', $3, 'Browser/1')`,
      [ago(days), userId, ip],
    );
  await audit(RETENTION_DAYS.auditIp + 1, '198.51.100.77');
  await audit(RETENTION_DAYS.auditIp + 1, '2001:db8:1234:5678::1');
  await audit(RETENTION_DAYS.auditIp - 1, '198.51.100.78');
  await ds.query(
    `INSERT INTO email_tokens (user_id, purpose, email, token_hash, created_at, expires_at)
     VALUES ($1, 'verify_email', 'a@example.test', $2, $3, $4), ($1, 'verify_email', 'a@example.test', $5, now(), $6)`,
    [userId, hex(64), ago(10), ago(9), hex(64), new Date(now + DAY_MS)],
  );
  // Two families: one wholly expired, one whose newest token still lives (its expired parent stays).
  const family = async (expiries: Date[]) => {
    const id = crypto.randomUUID();
    let parent: string | null = null;
    for (const expiresAt of expiries) {
      const [row] = (await ds.query(
        `INSERT INTO refresh_tokens (user_id, session_id, family_id, parent_id, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [userId, `s-${id}`, id, parent, hex(64), expiresAt],
      )) as { id: string }[];
      parent = row?.id ?? null;
    }
    return id;
  };
  const dead = await family([ago(5), ago(3)]);
  const alive = await family([ago(5), new Date(now + DAY_MS)]);

  const [endpoint] = (await ds.query(
    `INSERT INTO webhook_endpoints (user_id, url, events, secret_sealed, secret_hint)
     VALUES ($1, 'http://127.0.0.1:9/hook', '{task.completed}', '\\x00', 'whsec_…') RETURNING id`,
    [userId],
  )) as { id: string }[];
  await ds.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, created_at)
     VALUES ($1, 'evt_old', 'task.completed', $2), ($1, 'evt_recent', 'task.completed', $3)`,
    [endpoint?.id, ago(RETENTION_DAYS.webhookDeliveries + 1), ago(RETENTION_DAYS.webhookDeliveries - 1)],
  );

  const counts = await new RetentionService(ds, () => now).run();
  expect(counts).toMatchObject({
    refusedTexts: 2,
    auditIpsTruncated: 2,
    emailTokens: 1,
    refreshTokens: 2,
    webhookDeliveries: 1,
  });
  expect(
    await ds.query(`SELECT event_id FROM webhook_deliveries WHERE endpoint_id = $1`, [endpoint?.id]),
  ).toEqual([{ event_id: 'evt_recent' }]);

  const texts = (await ds.query(`SELECT outcome FROM sms_messages ORDER BY created_at`)) as unknown[];
  expect(texts).toEqual([{ outcome: 'refused' }]);
  const ips = (await ds.query(
    `SELECT host(ip) AS ip, masklen(ip) AS len, user_agent FROM audit_log ORDER BY at`,
  )) as unknown[];
  expect(ips).toEqual([
    { ip: '198.51.100.0', len: 24, user_agent: null },
    { ip: '2001:db8:1234::', len: 48, user_agent: null },
    { ip: '198.51.100.78', len: 32, user_agent: 'Browser/1' },
  ]);
  const families = (await ds.query(
    `SELECT family_id, count(*)::int AS n FROM refresh_tokens GROUP BY family_id`,
  )) as { family_id: string; n: number }[];
  expect(families).toEqual([{ family_id: alive, n: 2 }]);
  expect(families.some((f) => f.family_id === dead)).toBe(false);
  const [tokens] = (await ds.query(`SELECT count(*)::int AS n FROM email_tokens`)) as { n: number }[];
  expect(tokens?.n).toBe(1);
  // A second pass finds nothing left to do.
  expect(await new RetentionService(ds, () => now).run()).toEqual({
    refusedTexts: 0,
    auditIpsTruncated: 0,
    smsCodes: 0,
    emailTokens: 0,
    refreshTokens: 0,
    webhookDeliveries: 0,
  });
});
