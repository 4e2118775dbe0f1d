import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { startSmsRouter } from '@pa/sms-router';
import { waitFor } from '@pa/server-testing';
import { SecretBox } from '@pa/server-auth';
import { createJobQueue } from '@pa/server-jobs';
import {
  WebhookPublisher,
  createWebhookDeliveryProcessor,
  type WebhookDeliverPayload,
} from '@pa/server-webhooks';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp, type Person } from '../testing/people';

// A real receiver on loopback: each path answers with the statuses queued for it (then 200).
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
const scripts = new Map<string, number[]>();
let receiver: Server;
let receiverUrl: string;

let catcher: SmtpCatcher;
let t: TestApi;
let mail: SmtpMailSender;
let worker: WorkerAppHandle;

const BACKOFF_MS = 50;
const MAX_ATTEMPTS = 3;
const DISABLE_AFTER = 2;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = scripts.get(path)?.shift() ?? 200;
      res.writeHead(status).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  t = await startTestApi({
    SMTP_URL: catcher.smtpUrl,
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    WEBHOOK_BACKOFF_MS: String(BACKOFF_MS),
    WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    WEBHOOK_DISABLE_AFTER_FAILURES: String(DISABLE_AFTER),
    WEBHOOK_TIMEOUT_MS: '2000',
    // The machine may be loaded (shared CI cores): a slow Redis must not drop this file's events.
    REDIS_COMMAND_TIMEOUT_MS: '10000',
  });
  mail = createSmtpMailSender(t.config);
  worker = await startWorker({ runtime: t.runtime, mail });
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  mail?.close();
  await t?.close();
  await catcher?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

let paths = 0;
/** A path of the receiver of its own, answering `statuses` first. */
function hookPath(statuses: number[] = []): { path: string; url: string } {
  paths += 1;
  const path = `/hook-${process.pid}-${paths}`;
  scripts.set(path, [...statuses]);
  return { path, url: `${receiverUrl}${path}` };
}
const at = (path: string) => received.filter((r) => r.path === path);

const CREATE = `mutation C($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret webhookEndpoint { id url events secretHint consecutiveFailures disabledAt } }
}`;
const LIST = `{ webhookEndpoints { id url events disabledAt disabledReason consecutiveFailures
  deliveries { eventId eventType status attempts statusCode error durationMs deliveredAt } } }`;

interface Created {
  createWebhookEndpoint: {
    secret: string;
    webhookEndpoint: { id: string; url: string; events: string[]; secretHint: string };
  };
}
interface Listed {
  webhookEndpoints: {
    id: string;
    url: string;
    events: string[];
    disabledAt: string | null;
    disabledReason: string | null;
    consecutiveFailures: number;
    deliveries: {
      eventId: string;
      eventType: string;
      status: string;
      attempts: number;
      statusCode: number | null;
      error: string | null;
      deliveredAt: string | null;
    }[];
  }[];
}

async function register(p: Person, url: string, events: string[]) {
  const res = await as<Created>(t, p, CREATE, { input: { url, events } });
  const created = res.body.data?.createWebhookEndpoint;
  if (!created) throw new Error(`registration failed: ${JSON.stringify(res.body.errors)}`);
  return { id: created.webhookEndpoint.id, secret: created.secret };
}

async function listOf(p: Person) {
  return (await as<Listed>(t, p, LIST)).body.data?.webhookEndpoints ?? [];
}

/**
 * The verification documented in docs/api-guide.md, written out here apart from the library: HMAC-SHA256
 * with the secret over `<t>.<raw body>`, compared in constant time, timestamp within 5 minutes.
 */
function verify(secret: string, header: string | undefined, rawBody: string, nowSeconds: number): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const timestamp = Number(parts['t']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(parts['v1'] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function completeTask(p: Person, title: string): Promise<string> {
  const created = await as<{ createTask: { id: string } }>(
    t,
    p,
    'mutation T($t: String!) { createTask(title: $t) { id } }',
    { t: title },
  );
  const id = created.body.data?.createTask.id ?? '';
  const done = await as(t, p, 'mutation D($id: ID!) { completeTask(id: $id) { id doneAt } }', { id });
  expect(done.body.errors).toBeUndefined();
  return id;
}

describe('webhook endpoints', () => {
  it('registers a loopback endpoint in tests, shows the secret once, and lists it', async () => {
    const p = await signUp(t);
    const { url } = hookPath();
    const { id, secret } = await register(p, url, ['TASK_COMPLETED', 'MESSAGE_RECEIVED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [listed] = await listOf(p);
    expect(listed).toEqual(
      expect.objectContaining({ id, url, events: ['MESSAGE_RECEIVED', 'TASK_COMPLETED'], disabledAt: null }),
    );
    // The secret is stored sealed, never in clear.
    const [row] = (await t.runtime.dataSource.query(
      `SELECT encode(secret_sealed, 'escape') AS s FROM webhook_endpoints WHERE id = $1`,
      [id],
    )) as { s: string }[];
    expect(row?.s).not.toContain(secret.slice(6));
  });

  it('refuses bad URLs and events with stable codes', async () => {
    const p = await signUp(t);
    const cases: [string, string[], string, string | undefined][] = [
      ['ftp://127.0.0.1/x', ['TASK_COMPLETED'], 'WEBHOOK_URL_INVALID', 'not_https'],
      ['http://10.0.0.5/hook', ['TASK_COMPLETED'], 'WEBHOOK_URL_INVALID', 'private_address'],
      ['http://169.254.169.254/latest', ['TASK_COMPLETED'], 'WEBHOOK_URL_INVALID', 'private_address'],
      ['https://user:pw@127.0.0.1/x', ['TASK_COMPLETED'], 'WEBHOOK_URL_INVALID', 'credentials_in_url'],
      ['not a url', ['TASK_COMPLETED'], 'WEBHOOK_URL_INVALID', 'not_a_url'],
      [hookPath().url, [], 'WEBHOOK_EVENTS_INVALID', undefined],
    ];
    for (const [url, events, code, reason] of cases) {
      const res = await as(t, p, CREATE, { input: { url, events } });
      expect([url, codeOf(res)]).toEqual([url, code]);
      if (reason) expect(res.body.errors?.[0]?.extensions?.['details']).toEqual({ reason });
      expect(JSON.stringify(res.body.errors)).not.toMatch(/stack|at .*\.ts/);
    }
    expect(await listOf(p)).toEqual([]);
  });

  it('never lets another person see, change, test, rotate or delete an endpoint', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const { path, url } = hookPath();
    const { id } = await register(a, url, ['TASK_COMPLETED']);
    const before = await t.runtime.dataSource.query(`SELECT * FROM webhook_endpoints WHERE id = $1`, [id]);
    expect(await listOf(b)).toEqual([]);
    const attempts = [
      ['mutation { updateWebhookEndpoint(id: $id, input: { url: "http://127.0.0.1:1/x" }) { id url } }'],
      ['mutation { setWebhookEndpointEnabled(id: $id, enabled: false) { id } }'],
      ['mutation { rotateWebhookSecret(id: $id) { secret } }'],
      ['mutation { sendTestWebhookEvent(id: $id) }'],
      ['mutation { deleteWebhookEndpoint(id: $id) }'],
    ].map(([q]) => (q as string).replace('mutation {', 'mutation M($id: ID!) {'));
    for (const q of attempts) {
      const res = await as(t, b, q, { id });
      expect([q, codeOf(res), res.body.data]).toEqual([q, 'WEBHOOK_NOT_FOUND', null]);
    }
    const after = await t.runtime.dataSource.query(`SELECT * FROM webhook_endpoints WHERE id = $1`, [id]);
    expect(after).toEqual(before);
    await new Promise((r) => setTimeout(r, BACKOFF_MS * 4));
    expect(at(path)).toHaveLength(0);
  });

  it('updates, disables, enables and deletes the owner’s endpoint', async () => {
    const p = await signUp(t);
    const { id } = await register(p, hookPath().url, ['TASK_COMPLETED']);
    const next = hookPath().url;
    const upd = await as<{ updateWebhookEndpoint: { url: string; events: string[] } }>(
      t,
      p,
      'mutation U($id: ID!, $url: String) { updateWebhookEndpoint(id: $id, input: { url: $url, events: [REMINDER_FIRED] }) { url events } }',
      { id, url: next },
    );
    expect(upd.body.data?.updateWebhookEndpoint).toEqual({ url: next, events: ['REMINDER_FIRED'] });
    const off = await as<{
      setWebhookEndpointEnabled: { disabledAt: string | null; disabledReason: string };
    }>(
      t,
      p,
      'mutation E($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: false) { disabledAt disabledReason } }',
      { id },
    );
    expect(off.body.data?.setWebhookEndpointEnabled.disabledReason).toBe('by_owner');
    const on = await as<{ setWebhookEndpointEnabled: { disabledAt: string | null } }>(
      t,
      p,
      'mutation E($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: true) { disabledAt } }',
      { id },
    );
    expect(on.body.data?.setWebhookEndpointEnabled.disabledAt).toBeNull();
    const del = await as(t, p, 'mutation D($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id });
    expect(del.body.data).toEqual({ deleteWebhookEndpoint: id });
    expect(await listOf(p)).toEqual([]);
  });
});

describe('webhook delivery', () => {
  it('sends a test event signed so the documented algorithm verifies it, and logs it', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    const { id, secret } = await register(p, url, ['TASK_COMPLETED']);
    const res = await as<{ sendTestWebhookEvent: string }>(
      t,
      p,
      'mutation S($id: ID!) { sendTestWebhookEvent(id: $id) }',
      { id },
    );
    const eventId = res.body.data?.sendTestWebhookEvent ?? '';
    expect(eventId).toMatch(/^evt_/);
    const [got] = await waitFor(
      () => at(path),
      (r) => r.length === 1,
    );
    if (!got) throw new Error('nothing received');
    const now = Math.floor(Date.now() / 1000);
    expect(verify(secret, got.headers['x-pa-signature'] as string, got.body, now)).toBe(true);
    // A changed body, another secret or a replay past the window does not verify.
    expect(
      verify(secret, got.headers['x-pa-signature'] as string, got.body.replace('test', 'tesT'), now),
    ).toBe(false);
    expect(verify(`${secret}x`, got.headers['x-pa-signature'] as string, got.body, now)).toBe(false);
    expect(verify(secret, got.headers['x-pa-signature'] as string, got.body, now + 301)).toBe(false);
    expect(got.headers['x-pa-event-id']).toBe(eventId);
    expect(got.headers['x-pa-event-type']).toBe('webhook.test');
    expect(got.headers['x-pa-delivery-attempt']).toBe('1');
    expect(JSON.parse(got.body)).toEqual(
      expect.objectContaining({ id: eventId, type: 'webhook.test', data: expect.any(Object) }),
    );
    const [listed] = await waitFor(
      () => listOf(p),
      (l) => l[0]?.deliveries[0]?.status === 'DELIVERED',
    );
    expect(listed?.deliveries[0]).toEqual(
      expect.objectContaining({
        eventId,
        eventType: 'webhook.test',
        attempts: 1,
        statusCode: 200,
        error: null,
      }),
    );
  });

  it('a rotated secret signs from then on; the old one no longer verifies', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    const { id, secret: old } = await register(p, url, ['TASK_COMPLETED']);
    const rotated = await as<{ rotateWebhookSecret: { secret: string } }>(
      t,
      p,
      'mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
      { id },
    );
    const secret = rotated.body.data?.rotateWebhookSecret.secret ?? '';
    expect(secret).not.toBe(old);
    await as(t, p, 'mutation S($id: ID!) { sendTestWebhookEvent(id: $id) }', { id });
    const [got] = await waitFor(
      () => at(path),
      (r) => r.length === 1,
    );
    const now = Math.floor(Date.now() / 1000);
    expect(verify(secret, got?.headers['x-pa-signature'] as string, got?.body ?? '', now)).toBe(true);
    expect(verify(old, got?.headers['x-pa-signature'] as string, got?.body ?? '', now)).toBe(false);
  });

  it('delivers the event of a real action: completing a task reaches the receiver', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    const { secret } = await register(p, url, ['TASK_COMPLETED']);
    const taskId = await completeTask(p, 'water the plants');
    const [got] = await waitFor(
      () => at(path),
      (r) => r.length === 1,
    );
    const body = JSON.parse(got?.body ?? '{}') as { type: string; data: { taskId: string; title: string } };
    expect(body.type).toBe('task.completed');
    expect(body.data).toEqual(expect.objectContaining({ taskId, title: 'water the plants' }));
    expect(
      verify(secret, got?.headers['x-pa-signature'] as string, got?.body ?? '', (Date.now() / 1000) | 0),
    ).toBe(true);
  });

  it('delivers reminder.fired when a reminder rings (worker) and reminder.acknowledged when answered (API)', async () => {
    const p = await signUp(t);
    // No quiet hours: the default ones would hold the reminder at night.
    await t.runtime.dataSource.query(
      `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
      [p.id],
    );
    const { path, url } = hookPath();
    await register(p, url, ['REMINDER_FIRED', 'REMINDER_ACKNOWLEDGED']);
    const res = await as<{ createReminder: { id: string } }>(
      t,
      p,
      'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }',
      { input: { text: 'take the pills', dueAt: new Date(Date.now() + 300).toISOString() } },
    );
    const reminderId = res.body.data?.createReminder.id ?? '';
    const [fired] = await waitFor(
      () => at(path),
      (r) => r.length === 1,
      15_000,
    );
    const firedBody = JSON.parse(fired?.body ?? '{}') as { type: string; data: Record<string, unknown> };
    expect(firedBody).toEqual(
      expect.objectContaining({
        type: 'reminder.fired',
        data: expect.objectContaining({ reminderId, text: 'take the pills' }),
      }),
    );
    const ack = await as(t, p, 'mutation A($id: ID!) { acknowledgeReminder(id: $id, action: DONE) { id } }', {
      id: reminderId,
    });
    expect(ack.body.errors).toBeUndefined();
    const got = await waitFor(
      () => at(path),
      (r) => r.length === 2,
    );
    const ackBody = JSON.parse(got[1]?.body ?? '{}') as { type: string; data: Record<string, unknown> };
    expect(ackBody).toEqual(
      expect.objectContaining({
        type: 'reminder.acknowledged',
        data: expect.objectContaining({
          reminderId,
          action: 'done',
          occurrenceDueAt: firedBody.data['occurrenceDueAt'],
        }),
      }),
    );
  }, 30_000);

  /** A reminder of `p`'s that rang (reminder.fired received at `path`): its id and firing. */
  async function ringingReminder(p: Person, path: string, text: string) {
    await t.runtime.dataSource.query(
      `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
      [p.id],
    );
    const res = await as<{ createReminder: { id: string } }>(
      t,
      p,
      'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }',
      { input: { text, dueAt: new Date(Date.now() + 300).toISOString() } },
    );
    const reminderId = res.body.data?.createReminder.id ?? '';
    const [fired] = await waitFor(
      () => at(path),
      (r) => r.length === 1,
      15_000,
    );
    const body = JSON.parse(fired?.body ?? '{}') as { type: string; data: { occurrenceDueAt: string } };
    expect(body.type).toBe('reminder.fired');
    return { reminderId, occurrenceDueAt: body.data.occurrenceDueAt };
  }

  it('delivers reminder.acknowledged when "done" typed in chat answers the ringing reminder (worker)', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    const { secret } = await register(p, url, ['REMINDER_FIRED', 'REMINDER_ACKNOWLEDGED']);
    const { reminderId, occurrenceDueAt } = await ringingReminder(p, path, 'stretch');
    const conv = await as<{ createConversation: { id: string } }>(
      t,
      p,
      'mutation { createConversation(title: "chat") { id } }',
    );
    await as(t, p, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }', {
      input: { conversationId: conv.body.data?.createConversation.id, body: 'done', clientId: `d-${p.id}` },
    });
    const got = await waitFor(
      () => at(path),
      (r) => r.length === 2,
      15_000,
    );
    expect(
      verify(
        secret,
        got[1]?.headers['x-pa-signature'] as string,
        got[1]?.body ?? '',
        (Date.now() / 1000) | 0,
      ),
    ).toBe(true);
    expect(JSON.parse(got[1]?.body ?? '{}')).toEqual(
      expect.objectContaining({
        type: 'reminder.acknowledged',
        data: expect.objectContaining({ reminderId, action: 'done', occurrenceDueAt, text: 'stretch' }),
      }),
    );
    // Answered once: the mutation afterwards finds nothing ringing and raises nothing more.
    await as(t, p, 'mutation A($id: ID!) { acknowledgeReminder(id: $id, action: DONE) { id } }', {
      id: reminderId,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(at(path)).toHaveLength(2);
  }, 30_000);

  it('delivers reminder.acknowledged when "snooze 10" by SMS answers the ringing reminder', async () => {
    const p = await signUp(t);
    const rand = () => String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    const phone = `+1555${rand()}`;
    const number = `+1628${rand()}`;
    await t.runtime.dataSource.query(
      `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
      [p.id, phone],
    );
    await t.runtime.dataSource.query(
      `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
       VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now())`,
      [number, `PN${randomBytes(16).toString('hex')}`, p.id],
    );
    const { path, url } = hookPath();
    await register(p, url, ['REMINDER_FIRED', 'REMINDER_ACKNOWLEDGED']);
    const { reminderId, occurrenceDueAt } = await ringingReminder(p, path, 'call mum');
    const router = await startSmsRouter({ runtime: t.runtime, port: 0, host: '127.0.0.1' });
    try {
      const routed = await router.router.receive({
        messageSid: `SM${randomBytes(16).toString('hex')}`,
        from: phone,
        to: number,
        body: 'snooze 10',
        segments: 1,
      });
      expect(routed.outcome).toBe('routed');
      const got = await waitFor(
        () => at(path),
        (r) => r.length === 2,
        15_000,
      );
      expect(JSON.parse(got[1]?.body ?? '{}')).toEqual(
        expect.objectContaining({
          type: 'reminder.acknowledged',
          data: expect.objectContaining({ reminderId, action: 'snoozed', occurrenceDueAt }),
        }),
      );
    } finally {
      await router.stop();
    }
  }, 30_000);

  it('delivers message.received for the person’s message (API) and the assistant’s answer (worker)', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    await register(p, url, ['MESSAGE_RECEIVED']);
    const conv = await as<{ createConversation: { id: string } }>(
      t,
      p,
      'mutation { createConversation(title: "plans") { id } }',
    );
    const conversationId = conv.body.data?.createConversation.id ?? '';
    const sent = await as<{ sendMessage: { id: string } }>(
      t,
      p,
      'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      { input: { conversationId, body: 'hello there', clientId: `c-${p.id}` } },
    );
    const messageId = sent.body.data?.sendMessage.id ?? '';
    const got = await waitFor(
      () => at(path),
      (r) => r.length >= 2,
      15_000,
    );
    const bodies = got.map(
      (r) =>
        JSON.parse(r.body) as {
          type: string;
          data: { messageId: string; author: string; conversationId: string };
        },
    );
    expect(
      bodies.every((b) => b.type === 'message.received' && b.data.conversationId === conversationId),
    ).toBe(true);
    expect(bodies.find((b) => b.data.author === 'user')?.data.messageId).toBe(messageId);
    expect(bodies.some((b) => b.data.author === 'assistant')).toBe(true);
  }, 30_000);

  it('delivers sms.received when a text from the person reaches their number (SMS router)', async () => {
    const p = await signUp(t);
    const rand = () => String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    const phone = `+1555${rand()}`;
    const number = `+1628${rand()}`;
    await t.runtime.dataSource.query(
      `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
      [p.id, phone],
    );
    await t.runtime.dataSource.query(
      `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
       VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now())`,
      [number, `PN${randomBytes(16).toString('hex')}`, p.id],
    );
    const { path, url } = hookPath();
    await register(p, url, ['SMS_RECEIVED']);
    const router = await startSmsRouter({ runtime: t.runtime, port: 0, host: '127.0.0.1' });
    try {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const routed = await router.router.receive({
        messageSid: sid,
        from: phone,
        to: number,
        body: 'buy milk',
        segments: 1,
      });
      expect(routed.outcome).toBe('routed');
      // Twilio retrying the same webhook: stored once, delivered once.
      await router.router.receive({
        messageSid: sid,
        from: phone,
        to: number,
        body: 'buy milk',
        segments: 1,
      });
      const [got] = await waitFor(
        () => at(path),
        (r) => r.length === 1,
        15_000,
      );
      expect(JSON.parse(got?.body ?? '{}')).toEqual(
        expect.objectContaining({
          type: 'sms.received',
          data: expect.objectContaining({ messageSid: sid, body: 'buy milk', messageId: routed.messageId }),
        }),
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(at(path)).toHaveLength(1);
    } finally {
      await router.stop();
    }
  }, 30_000);

  it('retries on 500 with backoff, then succeeds, with the same event id', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath([500]);
    await register(p, url, ['TASK_COMPLETED']);
    await completeTask(p, 'retry me');
    const got = await waitFor(
      () => at(path),
      (r) => r.length === 2,
    );
    expect(got.map((r) => r.headers['x-pa-delivery-attempt'])).toEqual(['1', '2']);
    expect(new Set(got.map((r) => r.headers['x-pa-event-id'])).size).toBe(1);
    const [listed] = await waitFor(
      () => listOf(p),
      (l) => l[0]?.deliveries[0]?.status === 'DELIVERED',
    );
    expect(listed?.deliveries[0]).toEqual(expect.objectContaining({ attempts: 2, statusCode: 200 }));
    expect(listed?.consecutiveFailures).toBe(0);
  });

  it('does not retry a 400', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath([400, 400, 400]);
    await register(p, url, ['TASK_COMPLETED']);
    await completeTask(p, 'refused');
    const [listed] = await waitFor(
      () => listOf(p),
      (l) => l[0]?.deliveries[0]?.status === 'FAILED',
    );
    expect(listed?.deliveries[0]).toEqual(
      expect.objectContaining({ attempts: 1, statusCode: 400, error: 'HTTP 400' }),
    );
    // Well past every backoff the job would have waited: still one request.
    await new Promise((r) => setTimeout(r, BACKOFF_MS * 2 ** MAX_ATTEMPTS * 2));
    expect(at(path)).toHaveLength(1);
    expect(listed?.consecutiveFailures).toBe(1);
  });

  it('disables an endpoint after repeated failures and emails its owner', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath(Array<number>(MAX_ATTEMPTS * DISABLE_AFTER + 5).fill(503));
    await register(p, url, ['TASK_COMPLETED']);
    for (let i = 0; i < DISABLE_AFTER; i += 1) {
      await completeTask(p, `failing ${i}`);
      // One event at a time: each fails for good (all its attempts) before the next.
      await waitFor(
        () => listOf(p),
        (l) => l[0]?.consecutiveFailures === i + 1,
        15_000,
      );
    }
    const [listed] = await listOf(p);
    expect(listed?.disabledReason).toBe('too_many_failures');
    expect(listed?.disabledAt).not.toBeNull();
    expect(at(path)).toHaveLength(MAX_ATTEMPTS * DISABLE_AFTER);
    const notice = await catcher.waitForMessage(
      (m) => m.to.includes(p.email) && /webhook/i.test(m.subject),
      10_000,
    );
    expect(notice.text).toContain('127.0.0.1');
    // Disabled: the next event is not sent.
    await completeTask(p, 'after disabling');
    await new Promise((r) => setTimeout(r, 500));
    expect(at(path)).toHaveLength(MAX_ATTEMPTS * DISABLE_AFTER);
  }, 30_000);

  it('delivers a duplicate event once, even when its job is queued again under another id', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    const { id } = await register(p, url, ['TASK_COMPLETED']);
    const event = {
      type: 'task.completed' as const,
      userId: p.id,
      key: `dup-${id}`,
      occurredAt: new Date(),
      data: { taskId: 'x' },
    };
    t.api.services.webhookEvents.publish(event);
    t.api.services.webhookEvents.publish(event);
    await t.api.services.webhookEvents.settled();
    const [first] = await waitFor(
      () => at(path),
      (r) => r.length === 1,
    );
    // As if the job store had lost the first job: the same (endpoint, event) under a new job id.
    const payload: WebhookDeliverPayload = {
      endpointId: id,
      userId: p.id,
      eventId: first?.headers['x-pa-event-id'] as string,
      type: 'task.completed',
      occurredAt: new Date().toISOString(),
      data: { taskId: 'x' },
    };
    await t.api.services.jobs.enqueue('webhook.deliver', payload, { jobId: `again-${id}` });
    t.api.services.webhookEvents.publish(event);
    await new Promise((r) => setTimeout(r, 600));
    expect(at(path)).toHaveLength(1);
  });

  it('re-checks the address at delivery: loopback is refused under the production policy', async () => {
    const p = await signUp(t);
    const { path, url } = hookPath();
    const { id } = await register(p, url, ['TASK_COMPLETED']);
    const process = createWebhookDeliveryProcessor({
      ds: t.runtime.dataSource,
      box: SecretBox.fromConfig(t.config),
      jobs: t.api.services.jobs,
      settings: t.config,
      policy: { allowLoopback: false },
      logger: t.runtime.logger,
    });
    await process(
      {
        endpointId: id,
        userId: p.id,
        eventId: `evt_ssrf_${id}`,
        type: 'task.completed',
        occurredAt: new Date().toISOString(),
        data: {},
      },
      { jobId: 'x', name: 'webhook.deliver', attempt: 1, maxAttempts: 3, logger: t.runtime.logger },
    );
    const [listed] = await listOf(p);
    expect(listed?.deliveries[0]).toEqual(
      expect.objectContaining({ status: 'FAILED', statusCode: null, error: 'refused: not_https' }),
    );
    expect(at(path)).toHaveLength(0);
  });
});

describe('webhook publisher', () => {
  it('reads the endpoints of events published in the same turn once, and queues each subscribed one', async () => {
    const people = await Promise.all(Array.from({ length: 3 }, () => signUp(t)));
    const [withHook] = people as [Person, ...Person[]];
    const { path, url } = hookPath();
    await register(withHook, url, ['TASK_COMPLETED']);
    const ds = t.runtime.dataSource;
    const reads: string[] = [];
    // The real DataSource, its statements listed on their way through.
    const listed = Object.create(ds) as typeof ds;
    listed.query = ((sql: string, params?: unknown[]) => {
      reads.push(sql);
      return ds.query(sql, params);
    }) as typeof ds.query;
    const publisher = new WebhookPublisher(
      listed,
      t.api.services.jobs,
      t.config,
      t.runtime.logger,
      new Registry(),
    );
    // A reminder batch: a hundred events from many people, in one turn of the event loop.
    for (let i = 0; i < 100; i += 1) {
      const p = people[i % people.length] as Person;
      publisher.publish({
        type: 'task.completed',
        userId: p.id,
        key: `burst-${i}`,
        occurredAt: new Date(),
        data: { i },
      });
    }
    await publisher.settled();
    expect(reads.filter((sql) => sql.includes('FROM webhook_endpoints'))).toHaveLength(1);
    // Every third event was withHook's: each one delivered once.
    const got = await waitFor(
      () => at(path),
      (r) => r.length === 34,
    );
    expect(new Set(got.map((r) => r.headers['x-pa-event-id'])).size).toBe(34);
  });

  it('never fails or blocks the caller when the job store is unavailable: logged and counted', async () => {
    const p = await signUp(t);
    await register(p, hookPath().url, ['TASK_COMPLETED']);
    const closed = createJobQueue(t.runtime);
    await closed.close();
    const registry = new Registry();
    const publisher = new WebhookPublisher(
      t.runtime.dataSource,
      closed,
      t.config,
      t.runtime.logger,
      registry,
    );
    const started = Date.now();
    expect(() =>
      publisher.publish({
        type: 'task.completed',
        userId: p.id,
        key: 'lost',
        occurredAt: new Date(),
        data: {},
      }),
    ).not.toThrow();
    expect(Date.now() - started).toBeLessThan(50);
    await publisher.settled();
    const metric = await registry.getSingleMetricAsString('pa_webhook_events_total');
    expect(metric).toMatch(/pa_webhook_events_total\{type="task.completed",outcome="dropped"\} 1/);
  });
});
