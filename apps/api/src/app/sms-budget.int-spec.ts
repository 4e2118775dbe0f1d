import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { freePort } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startSmsRouter, type SmsRouterHandle } from '@pa/sms-router';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { gql, waitFor } from '@pa/server-testing';
import { SmsOutbox } from '@pa/server-sms-routing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, type Person } from '../testing/people';

// Every text we send to a phone counts against its hourly budget (SMS_REPLIES_PER_HOUR), whatever
// produced it: keyword replies (HELP, START), answers, reminders. Through the real twilio SDK and sandbox.
const TOKEN = 'sandbox-token';
const BUDGET = 3;
const sid = () => `SM${randomBytes(16).toString('hex')}`;

let sandbox: TwilioSandbox;
let t: TestApi;
let router: SmsRouterHandle;
let worker: WorkerAppHandle;
let catcher: SmtpCatcher;
let mail: SmtpMailSender;
let phones = 0;

beforeAll(async () => {
  sandbox = await startTwilioSandbox({ port: 0, statusCallbackDelayMs: 20 });
  const port = await freePort();
  t = await startTestApi({
    TWILIO_API_BASE_URL: sandbox.url,
    SMS_ROUTER_PORT: String(port),
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    JOBS_BACKOFF_MS: '50',
    SMS_REPLIES_PER_HOUR: String(BUDGET),
    LOG_LEVEL: 'error',
    // The shared Redis is busy on a loaded machine: a lost enqueue would wait for reconciliation.
    REDIS_COMMAND_TIMEOUT_MS: '5000',
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

/** Someone with a verified phone and a number of their own. */
async function owner(): Promise<Person & { phone: string; number: string }> {
  const person = await signUp(t);
  phones += 1;
  const phone = `+3362${String(process.pid % 1000).padStart(3, '0')}${String(phones).padStart(4, '0')}`;
  await t.runtime.dataSource.query(
    `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
    [person.id, phone],
  );
  const claimed = await gql<{ claimPhoneNumber: { phoneNumber: string } }>(
    t.url,
    'mutation { claimPhoneNumber { phoneNumber } }',
    undefined,
    person.headers,
  );
  const number = claimed.body.data?.claimPhoneNumber.phoneNumber;
  if (!number) throw new Error(`no number: ${JSON.stringify(claimed.body.errors)}`);
  return { ...person, phone, number };
}

async function text(from: string, to: string, body: string, messageSid = sid()): Promise<void> {
  const url = `${router.url}/twilio/sms`;
  const params = {
    MessageSid: messageSid,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: to,
    Body: body,
    NumSegments: '1',
    NumMedia: '0',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
}

/** What reached the phone once the queue is quiet: waits until `min` arrived, then a little more. */
async function received(to: string, min: number) {
  await waitFor(
    async () => sandbox.messages({ to }).length,
    (n) => n >= min,
    30_000,
  );
  await new Promise((r) => setTimeout(r, 700));
  return sandbox.messages({ to });
}

describe('the hourly SMS budget per phone', () => {
  it('caps HELP replies: ten HELP texts get three answers', async () => {
    const ada = await owner();
    for (let i = 0; i < 10; i += 1) await text(ada.phone, ada.number, 'HELP');
    expect(await received(ada.phone, BUDGET)).toHaveLength(BUDGET);
  }, 60_000);

  it('counts every kind of text together: keyword replies, answers and reminders', async () => {
    const bea = await owner();
    await text(bea.phone, bea.number, 'HELP');
    await text(bea.phone, bea.number, 'buy bread');
    await text(bea.phone, bea.number, 'buy jam');
    // The answers arrive in the app in any case...
    await waitFor(
      async () =>
        (
          (await t.runtime.dataSource.query(
            `SELECT 1 FROM messages WHERE user_id = $1 AND author = 'assistant'`,
            [bea.id],
          )) as unknown[]
        ).length,
      (n) => n >= 2,
      30_000,
    );
    expect(await received(bea.phone, BUDGET)).toHaveLength(BUDGET);
    // ...and a reminder past the budget stays in the app too.
    const outbox = new SmsOutbox(t.runtime.dataSource, t.api.services.jobs, t.runtime.logger, BUDGET);
    expect(await outbox.textPerson(bea.id, `notify-budget${Date.now()}`, 'Reminder: water', null)).toBe(
      'over_budget',
    );
    await text(bea.phone, bea.number, 'HELP');
    expect(await received(bea.phone, BUDGET)).toHaveLength(BUDGET);
  }, 90_000);

  it('keeps an inbound text with a NUL or another control character, cleaned (no 500, nothing refused)', async () => {
    const cy = await owner();
    const messageSid = sid();
    await text(cy.phone, cy.number, 'buy\u0000milk \u001B', messageSid);
    const rows = (await t.runtime.dataSource.query(`SELECT body FROM sms_messages WHERE message_sid = $1`, [
      messageSid,
    ])) as { body: string }[];
    expect(rows).toEqual([{ body: 'buy\uFFFDmilk \uFFFD' }]);
  });
});
