import type { TwilioSandbox } from '@pa/twilio-sandbox';
import { waitFor } from '@pa/server-testing';
import { SmsOutbox } from '@pa/server-sms-routing';
import type { TestApi } from '../testing/test-api';
import { newMessageSid, startSmsStack, type SmsStack } from '../testing/sms-stack';

// Every text we send to a phone counts against its hourly budget (SMS_REPLIES_PER_HOUR), whatever
// produced it: keyword replies (HELP, START), answers, reminders. Through the real twilio SDK and sandbox.
const BUDGET = 3;

let stack: SmsStack;
let sandbox: TwilioSandbox;
let t: TestApi;

beforeAll(async () => {
  stack = await startSmsStack('+3362', { SMS_REPLIES_PER_HOUR: String(BUDGET) });
  ({ sandbox, t } = stack);
});
afterAll(async () => {
  await stack?.close();
});

/** Someone with a verified phone and a number of their own. */
const owner = () => stack.owner();
const text = (from: string, to: string, body: string, messageSid?: string) =>
  stack.text(from, to, body, messageSid);

/** What reached the phone once the queues are quiet: waits until `min` arrived and nothing more is on its way. */
async function received(to: string, min: number) {
  await waitFor(
    async () => sandbox.messages({ to }).length,
    (n) => n >= min,
    30_000,
  );
  await stack.settled();
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
    const messageSid = newMessageSid();
    await text(cy.phone, cy.number, 'buy\u0000milk \u001B', messageSid);
    const rows = (await t.runtime.dataSource.query(`SELECT body FROM sms_messages WHERE message_sid = $1`, [
      messageSid,
    ])) as { body: string }[];
    expect(rows).toEqual([{ body: 'buy\uFFFDmilk \uFFFD' }]);
  });
});
