import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { createLogger, freePort } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startSmsRouter, type SmsRouterHandle } from '@pa/sms-router';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { gql, waitFor } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, type Person } from '../testing/people';

// SMS metrics on the real path: a signed Twilio webhook into the router, the worker's reply sent
// through the real twilio SDK to the sandbox, its signed status callback with a price. Read from
// the router's own /metrics, which is protected like the API's.

const TOKEN = 'sandbox-token';
const METRICS_TOKEN = 'metrics-token-for-sms-tests-01';
const logLines: Record<string, unknown>[] = [];
let sandbox: TwilioSandbox;
let t: TestApi;
let router: SmsRouterHandle;
let catcher: SmtpCatcher;
let mail: SmtpMailSender;
let worker: WorkerAppHandle;

beforeAll(async () => {
  sandbox = await startTwilioSandbox({ port: 0, statusCallbackDelayMs: 20 });
  const port = await freePort();
  const logger = createLogger(
    { level: 'debug', name: 'test' },
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  t = await startTestApi(
    {
      TWILIO_API_BASE_URL: sandbox.url,
      SMS_ROUTER_PORT: String(port),
      RATE_LIMIT_REGISTER_PER_HOUR: '10000',
      JOBS_BACKOFF_MS: '50',
      METRICS_TOKEN,
    },
    logger,
  );
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

async function scrapeRouter(): Promise<string> {
  const res = await fetch(`${router.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The sum of a metric's samples whose labels include `labels`. */
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

async function withPhone(): Promise<Person & { phone: string }> {
  const person = await signUp(t);
  const phone = `+3361${String(process.pid % 1000).padStart(3, '0')}${String(Date.now() % 10_000).padStart(4, '0')}`;
  await t.runtime.dataSource.query(
    `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
    [person.id, phone],
  );
  return { ...person, phone };
}

/** Posts an inbound-text webhook the way Twilio does (form-encoded, signed), with a request id. */
async function textIn(from: string, to: string, body: string, requestId: string) {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const params = {
    MessageSid: sid,
    SmsMessageSid: sid,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: to,
    Body: body,
    NumSegments: '1',
    NumMedia: '0',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
  const url = `${router.url}/twilio/sms`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, params),
      'x-request-id': requestId,
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), sid };
}

describe('SMS metrics and correlation (router → worker → Twilio sandbox → status callback)', () => {
  it('protects the router’s /metrics like the API’s', async () => {
    expect((await fetch(`${router.url}/metrics`)).status).toBe(403);
    const text = await scrapeRouter();
    expect(text).toContain('# TYPE pa_sms_messages_total counter');
    expect(text).toContain('# TYPE pa_sms_cost_total counter');
  });

  it('counts a text in, the reply out, its delivery and cost; every job of the webhook logs its request id', async () => {
    const ada = await withPhone();
    const claimed = await gql<{ claimPhoneNumber: { phoneNumber: string } }>(
      t.url,
      `mutation { claimPhoneNumber { phoneNumber } }`,
      undefined,
      ada.headers,
    );
    const number = claimed.body.data?.claimPhoneNumber.phoneNumber ?? '';
    expect(number).not.toBe('');
    const before = await scrapeRouter();
    const requestId = `obs-sms-${process.pid}-${Date.now()}`;
    const posted = await textIn(ada.phone, number, 'buy oat milk', requestId);
    expect(posted).toMatchObject({ status: 200, requestId });

    // The reply reaches the phone and its delivery callback (with a price) comes back.
    const after = await waitFor(
      scrapeRouter,
      (text) =>
        sample(text, 'pa_sms_messages_total', { direction: 'outbound', status: 'delivered' }) >
        sample(before, 'pa_sms_messages_total', { direction: 'outbound', status: 'delivered' }),
      15_000,
    );
    const moved = (name: string, labels: Record<string, string> = {}) =>
      Math.round((sample(after, name, labels) - sample(before, name, labels)) * 1e6) / 1e6;
    expect({
      in: moved('pa_sms_messages_total', { direction: 'inbound', status: 'received' }),
      accepted: moved('pa_sms_messages_total', { direction: 'outbound', status: 'accepted' }),
      delivered: moved('pa_sms_messages_total', { direction: 'outbound', status: 'delivered' }),
      failed: moved('pa_sms_messages_total', { direction: 'outbound', status: 'failed' }),
      cost: moved('pa_sms_cost_total', { currency: 'USD', direction: 'outbound' }),
      userMessages: moved('pa_messages_stored_total', { channel: 'sms', author: 'user' }),
      replies: moved('pa_messages_stored_total', { channel: 'sms', author: 'assistant' }),
      latency: moved('pa_assistant_reply_latency_seconds_count', { channel: 'sms' }),
    }).toEqual({
      in: 1,
      accepted: 1,
      delivered: 1,
      failed: 0,
      cost: 0.0079,
      userMessages: 1,
      replies: 1,
      latency: 1,
    });

    // The webhook's id went into the reply job and on into the SMS it queued: all their lines carry it.
    const jobLines = logLines.filter(
      (l) => typeof l['queue'] === 'string' && l['correlationId'] === requestId,
    );
    const queues = new Set(jobLines.map((l) => l['queue']));
    expect(queues).toEqual(new Set(['assistant.reply', 'sms.send']));
    const [replyJobId] = new Set(
      jobLines.filter((l) => l['queue'] === 'assistant.reply').map((l) => l['jobId']),
    );
    const replyJobLines = logLines.filter(
      (l) => l['queue'] === 'assistant.reply' && l['jobId'] === replyJobId,
    );
    expect(replyJobLines.length).toBeGreaterThanOrEqual(2);
    expect(replyJobLines.every((l) => l['correlationId'] === requestId)).toBe(true);
  });
});
