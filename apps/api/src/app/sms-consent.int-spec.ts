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
import { as, signUp, type Person } from '../testing/people';

// Withdrawing SMS consent stops every text from the assistant to that person (the outbox's gate:
// `textable`, `textPerson`, answers to their texts), while what they text still reaches their
// assistant and the answers stay in the app. Separate from STOP (per phone and number, untouched).
// Real API, SMS router, worker and the twilio SDK against the sandbox.
const TOKEN = 'sandbox-token';
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
    LOG_LEVEL: 'error',
    // The shared Redis is busy on a loaded machine: a lost enqueue would wait for reconciliation.
    REDIS_COMMAND_TIMEOUT_MS: '15000',
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

/** Someone who signed up without texts, verified a phone and got a number (which records consent). */
async function owner(): Promise<Person & { phone: string; number: string }> {
  const person = await signUp(t);
  phones += 1;
  const phone = `+3363${String(process.pid % 1000).padStart(3, '0')}${String(phones).padStart(4, '0')}`;
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

async function text(from: string, to: string, body: string): Promise<void> {
  const url = `${router.url}/twilio/sms`;
  const params = {
    MessageSid: sid(),
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

const assistantAnswers = async (userId: string) =>
  (
    (await t.runtime.dataSource.query(`SELECT 1 FROM messages WHERE user_id = $1 AND author = 'assistant'`, [
      userId,
    ])) as unknown[]
  ).length;

it('getting a number records SMS consent; withdrawing it stops answers and reminders by text, turning it on again resumes them', async () => {
  const ada = await owner();
  const consents = (await t.runtime.dataSource.query(
    `SELECT kind, source, withdrawn_at FROM consents WHERE user_id = $1 AND kind = 'sms'`,
    [ada.id],
  )) as unknown[];
  expect(consents).toEqual([{ kind: 'sms', source: 'number', withdrawn_at: null }]);
  const outbox = new SmsOutbox(t.runtime.dataSource, t.api.services.jobs, t.runtime.logger, 100);
  expect(await outbox.textable([ada.id])).toEqual(new Set([ada.id]));

  // With consent: the answer to a text comes back by text.
  await text(ada.phone, ada.number, 'buy bread');
  await waitFor(
    async () => sandbox.messages({ to: ada.phone }).length,
    (count) => count >= 1,
    60_000,
  );
  const before = sandbox.messages({ to: ada.phone }).length;
  const answersBefore = await assistantAnswers(ada.id);

  const withdrawn = await as(t, ada, 'mutation { withdrawConsent(kind: SMS) { kind withdrawnAt } }');
  expect(withdrawn.body.errors).toBeUndefined();

  // Without: the text still reaches the assistant, whose answer stays in the app.
  await text(ada.phone, ada.number, 'buy jam');
  await waitFor(
    () => assistantAnswers(ada.id),
    (count) => count > answersBefore,
    60_000,
  );
  // Reminders and check-ins: the delivery asks `textable`, then `textPerson` refuses too.
  expect(await outbox.textable([ada.id])).toEqual(new Set());
  expect(await outbox.textPerson(ada.id, `notify-consent${Date.now()}`, 'Reminder: water', null)).toBe(
    'no_consent',
  );
  await new Promise((r) => setTimeout(r, 1500));
  expect(sandbox.messages({ to: ada.phone })).toHaveLength(before);
  // STOP was never involved: no opt-out row for this phone.
  const optOuts = (await t.runtime.dataSource.query(`SELECT 1 FROM sms_opt_outs WHERE phone_number = $1`, [
    ada.phone,
  ])) as unknown[];
  expect(optOuts).toHaveLength(0);

  // Turned back on in Settings: texts resume.
  const docs = await gql<{ legalDocuments: { kind: string; version: string }[] }>(
    t.url,
    '{ legalDocuments { kind version } }',
  );
  const version = docs.body.data?.legalDocuments.find((d) => d.kind === 'SMS')?.version;
  const back = await as(
    t,
    ada,
    'mutation A($v: String!) { acceptConsents(input: [{ kind: SMS, version: $v }], fromSettings: true) { id } }',
    { v: version },
  );
  expect(back.body.errors).toBeUndefined();
  expect(await outbox.textPerson(ada.id, `notify-consent-back${Date.now()}`, 'Reminder: water', null)).toBe(
    'queued',
  );
  await waitFor(
    async () => sandbox.messages({ to: ada.phone }).length,
    (count) => count > before,
    60_000,
  );
}, 240_000);
