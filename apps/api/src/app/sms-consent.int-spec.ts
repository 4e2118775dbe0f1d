import type { TwilioSandbox } from '@pa/twilio-sandbox';
import { gql, waitFor } from '@pa/server-testing';
import { SmsOutbox } from '@pa/server-sms-routing';
import type { TestApi } from '../testing/test-api';
import { startSmsStack, type SmsStack } from '../testing/sms-stack';
import { as } from '../testing/people';

// Withdrawing SMS consent stops every text from the assistant to that person (the outbox's gate:
// `textable`, `textPerson`, answers to their texts), while what they text still reaches their
// assistant and the answers stay in the app. Separate from STOP (per phone and number, untouched).
// Real API, SMS router, worker and the twilio SDK against the sandbox.

let stack: SmsStack;
let sandbox: TwilioSandbox;
let t: TestApi;

beforeAll(async () => {
  stack = await startSmsStack('+3363');
  ({ sandbox, t } = stack);
});
afterAll(async () => {
  await stack?.close();
});

/** Someone with a verified phone and a number of their own. */
const owner = () => stack.owner();
const text = (from: string, to: string, body: string, messageSid?: string) =>
  stack.text(from, to, body, messageSid);

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
  // Everything queued has run: a text still to come would have been sent by now.
  await stack.settled();
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
