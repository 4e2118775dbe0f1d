import { createLogger } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { collect, gql, waitFor, wsClient } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_PASSWORD, as, signUp, type Person } from '../testing/people';

// The product-health metrics move on the real events (GraphQL over HTTP and WebSocket, the real worker
// on PostgreSQL and Redis), read the way Prometheus reads them: from the worker's own /metrics port.

const TOKEN = 'metrics-token-for-tests-0123';
const logLines: Record<string, unknown>[] = [];
let t: TestApi;
let catcher: SmtpCatcher;
let mail: SmtpMailSender;
let worker: WorkerAppHandle;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now()}-${(counter += 1)}`;

beforeAll(async () => {
  // Every log line of the process, parsed: the correlation test reads the worker's job lines.
  const logger = createLogger(
    { level: 'debug', name: 'test' },
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  t = await startTestApi(
    { METRICS_TOKEN: TOKEN, RATE_LIMIT_REGISTER_PER_HOUR: '10000', JOBS_BACKOFF_MS: '50' },
    logger,
  );
  catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  mail = createSmtpMailSender({ ...t.config, SMTP_URL: catcher.smtpUrl });
  worker = await startWorker({ runtime: t.runtime, mail, port: 0 });
});
afterAll(async () => {
  await worker?.stop();
  mail?.close();
  await t?.close();
  await catcher?.stop();
});

/** Scrapes the worker's /metrics as Prometheus would (with the bearer token). */
async function scrape(): Promise<string> {
  const res = await fetch(`${worker.opsUrl ?? ''}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The sum of a metric's samples whose labels include `labels` (0 when there is none). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) sum += Number(m[3]);
  }
  return sum;
}

/** How much each named sample moved while `act` ran. */
async function delta(
  act: () => Promise<unknown>,
  read: Record<string, [string, Record<string, string>?]>,
  settle: (after: string, before: string) => boolean = () => true,
): Promise<Record<string, number>> {
  const before = await scrape();
  await act();
  let after = await scrape();
  const deadline = Date.now() + 10_000;
  while (!settle(after, before) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    after = await scrape();
  }
  return Object.fromEntries(
    Object.entries(read).map(([key, [name, labels]]) => [
      key,
      sample(after, name, labels) - sample(before, name, labels),
    ]),
  );
}

const LOGIN = `mutation L($input: LoginInput!) { login(input: $input) { sessionId } }`;
const login = (email: string, password: string) =>
  gql(
    t.url,
    LOGIN,
    { input: { email, password, refreshTokenIn: 'BODY' } },
    { 'x-forwarded-for': '192.0.2.10' },
  );

describe('the worker’s operations port', () => {
  it('serves /healthz, /readyz and /metrics, the latter only with METRICS_TOKEN', async () => {
    const url = worker.opsUrl ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, redis: { ok: true }, jobs: { ok: true } },
    });
    expect((await fetch(`${url}/metrics`)).status).toBe(403);
    expect(
      (await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(403);
    const text = await scrape();
    expect(text).toContain('# TYPE pa_jobs_oldest_waiting_seconds gauge');
    expect(text).toMatch(/^pa_jobs_oldest_waiting_seconds\{queue="assistant\.reply"\} \d/m);
    expect(text).toMatch(/^pa_jobs_depth\{queue="assistant\.reply",state="waiting"\} \d/m);
    expect(text).toContain('# TYPE pa_jobs_stalled_total counter');
  });
});

describe('product metrics', () => {
  it('counts sign-ups, sign-ins by factor and outcome, and auth failures by reason', async () => {
    let p: Person | undefined;
    const signedUp = await delta(async () => (p = await signUp(t)), { signups: ['pa_signups_total'] });
    expect(signedUp['signups']).toBe(1);
    const email = p?.email ?? '';
    const moved = await delta(
      async () => {
        expect((await login(email, 'not-the-password-at-all')).body.errors).toBeDefined();
        expect((await login(`nobody-${email}`, TEST_PASSWORD)).body.errors).toBeDefined();
        expect((await login(email, TEST_PASSWORD)).body.errors).toBeUndefined();
      },
      {
        ok: ['pa_signins_total', { factor: 'password', outcome: 'success' }],
        failed: ['pa_signins_total', { factor: 'password', outcome: 'failure' }],
        badPassword: ['pa_auth_failures_total', { reason: 'bad_password' }],
        unknownEmail: ['pa_auth_failures_total', { reason: 'unknown_email' }],
      },
    );
    expect(moved).toEqual({ ok: 1, failed: 2, badPassword: 1, unknownEmail: 1 });
  });

  it('counts rate-limit refusals by policy, the account lock-out included', async () => {
    const p = await signUp(t);
    const codes: string[] = [];
    const moved = await delta(
      async () => {
        // Five wrong passwords lock the account (LOCKOUT_POLICY.threshold): the sixth try is refused.
        for (let i = 0; i < 6; i += 1) {
          const res = await login(p.email, `wrong-password-${i}-xxxxxxxx`);
          codes.push(String(res.body.errors?.[0]?.extensions?.['code']));
        }
      },
      {
        lockout: ['pa_rate_limit_refusals_total', { policy: 'lockout' }],
        badPassword: ['pa_auth_failures_total', { reason: 'bad_password' }],
      },
    );
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(moved).toEqual({ lockout: 1, badPassword: 5 });
  });

  it('counts messages stored by channel and author and times the reply; the reply job logs the request id', async () => {
    const p = await signUp(t);
    const created = await as<{ createConversation: { id: string } }>(
      t,
      p,
      'mutation { createConversation { id } }',
    );
    const conversationId = created.body.data?.createConversation.id;
    const requestId = unique('obs-request');
    let messageId = '';
    const moved = await delta(
      async () => {
        const sent = await as<{ sendMessage: { id: string } }>(
          t,
          p,
          'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
          { input: { conversationId, body: 'buy milk', clientId: unique('obs-msg') } },
          { 'x-request-id': requestId },
        );
        messageId = sent.body.data?.sendMessage.id ?? '';
        expect(sent.headers.get('x-request-id')).toBe(requestId);
        await waitFor(
          () =>
            t.runtime.dataSource.query(`SELECT 1 FROM messages WHERE client_id = $1`, [
              `reply-${messageId}`,
            ]) as Promise<unknown[]>,
          (rows) => rows.length === 1,
          10_000,
        );
      },
      {
        user: ['pa_messages_stored_total', { channel: 'web', author: 'user' }],
        assistant: ['pa_messages_stored_total', { channel: 'web', author: 'assistant' }],
        replies: ['pa_assistant_reply_latency_seconds_count', { channel: 'web' }],
      },
      (after, before) =>
        sample(after, 'pa_assistant_reply_latency_seconds_count') >
        sample(before, 'pa_assistant_reply_latency_seconds_count'),
    );
    expect(moved).toEqual({ user: 1, assistant: 1, replies: 1 });

    // Every line the reply job wrote (any logger) carries the request's id, and there are some.
    const jobLines = logLines.filter(
      (l) => l['queue'] === 'assistant.reply' && l['jobId'] === `reply-${messageId}`,
    );
    expect(jobLines.map((l) => l['msg'])).toEqual(expect.arrayContaining(['job started', 'job done']));
    expect(new Set(jobLines.map((l) => l['correlationId']))).toEqual(new Set([requestId]));
  });

  it('counts tasks created and completed once committed', async () => {
    const p = await signUp(t);
    const moved = await delta(
      async () => {
        const created = await as<{ createTask: { id: string } }>(
          t,
          p,
          'mutation C($title: String!) { createTask(title: $title) { id } }',
          { title: 'water the plants' },
        );
        const id = created.body.data?.createTask.id;
        expect(
          (await as(t, p, 'mutation D($id: ID!) { completeTask(id: $id) { id } }', { id })).body.errors,
        ).toBeUndefined();
        // Completing it again changes nothing and counts nothing.
        await as(t, p, 'mutation D($id: ID!) { completeTask(id: $id) { id } }', { id });
      },
      { created: ['pa_tasks_created_total'], completed: ['pa_tasks_completed_total'] },
    );
    expect(moved).toEqual({ created: 1, completed: 1 });
  });

  it('observes reminder lateness and deliveries in the app, and counts the answer', async () => {
    const p = await signUp(t);
    // No quiet hours: the default ones would hold the reminder at night.
    await t.runtime.dataSource.query(
      `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
      [p.id],
    );
    let reminderId = '';
    const fired = await delta(
      async () => {
        const res = await as<{ createReminder: { id: string } }>(
          t,
          p,
          `mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }`,
          { input: { text: 'take the pills', dueAt: new Date(Date.now() + 300).toISOString() } },
        );
        reminderId = res.body.data?.createReminder.id ?? '';
        expect(reminderId).not.toBe('');
      },
      {
        late: ['pa_reminder_lateness_seconds_count', { channel: 'in_app' }],
        within60s: ['pa_reminder_lateness_seconds_bucket', { channel: 'in_app', le: '60' }],
        delivered: ['pa_reminder_deliveries_total', { channel: 'in_app', outcome: 'sent' }],
      },
      (after, before) =>
        sample(after, 'pa_reminder_deliveries_total', { channel: 'in_app' }) >
        sample(before, 'pa_reminder_deliveries_total', { channel: 'in_app' }),
    );
    expect(fired).toEqual({ late: 1, within60s: 1, delivered: 1 });
    const answered = await delta(
      () => as(t, p, `mutation { acknowledgeReminder(id: "${reminderId}", action: DONE) { id } }`),
      { done: ['pa_reminder_acknowledgements_total', { channel: 'app', action: 'done' }] },
    );
    expect(answered).toEqual({ done: 1 });
  });

  it('reports open WebSocket connections and subscriptions', async () => {
    const client = wsClient(t.url);
    try {
      const next = new Promise<void>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription { heartbeat { at } }' },
          { next: () => resolve(), error: reject, complete: () => undefined },
        );
      });
      await next;
      const open = await scrape();
      expect(sample(open, 'pa_ws_connections')).toBe(1);
      expect(sample(open, 'pa_ws_subscriptions')).toBe(1);
    } finally {
      await client.dispose();
    }
    const closed = await waitFor(scrape, (text) => sample(text, 'pa_ws_connections') === 0, 5000);
    expect(sample(closed, 'pa_ws_subscriptions')).toBe(0);
    // A query over the socket is not a subscription.
    const queries = wsClient(t.url);
    try {
      await collect(queries, '{ systemInfo { name } }', 1);
      expect(sample(await scrape(), 'pa_ws_subscriptions')).toBe(0);
    } finally {
      await queries.dispose();
    }
  });
});
