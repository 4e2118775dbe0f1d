import type { DataSource } from 'typeorm';
import type { Logger } from '@pa/server-core';
import type { JobQueue, JobWorkers } from '@pa/server-jobs';
import type { SmsSender } from '@pa/server-sms';
import type { TwilioAccount } from './numbers/twilio-account';
import type { NumberService } from './numbers/number.service';
import type { SmsOutbox } from './router/sms-outbox';

declare module '@pa/server-jobs' {
  interface JobPayloads {
    /** Check every number's webhooks at Twilio (and charge the month's rentals); chained every interval. */
    'sms.numbers.check': { slot: number };
  }
}

export interface SmsJobDeps {
  ds: DataSource;
  queue: JobQueue;
  workers: JobWorkers;
  outbox: SmsOutbox;
  sender: SmsSender;
  account: TwilioAccount;
  numbers: NumberService;
  statusCallbackUrl: string;
  checkEveryMs: number;
  logger: Logger;
  now?: () => number;
}

/** An inbound price not reported after this many tries stays unpriced (and is shown as such). */
const PRICE_ATTEMPTS = 6;

/** Queues the webhook check of the slot after `slot` (ids are per slot: re-queuing adds nothing). */
async function queueCheck(queue: JobQueue, slot: number, everyMs: number, now: number): Promise<void> {
  await queue.enqueue(
    'sms.numbers.check',
    { slot },
    { jobId: `numbers-check-${slot}`, delayMs: Math.max(0, slot * everyMs - now) },
  );
}

/** The worker's SMS processors: sending, prices, the periodic webhook check and rentals. */
export function registerSmsJobs(deps: SmsJobDeps): void {
  const { ds, queue, workers, outbox, sender, account, numbers, logger, now = Date.now } = deps;
  workers.register('sms.send', ({ key }) => outbox.send(key, sender, account, deps.statusCallbackUrl), {
    concurrency: 4,
  });

  workers.register(
    'sms.price',
    async ({ sid }, context) => {
      const facts = await account.getMessage(sid);
      if (!facts) return;
      if (facts.price === null) {
        if (context.attempt >= Math.min(context.maxAttempts, PRICE_ATTEMPTS)) {
          logger.info({ sid }, 'Twilio has not priced this message yet: left unpriced');
          return;
        }
        throw new Error('not priced yet');
      }
      await ds.query(
        `UPDATE sms_usage_logs SET price = $2, currency = $3, segments = GREATEST(segments, $4), updated_at = clock_timestamp()
          WHERE message_sid = $1`,
        [sid, facts.price.replace(/^-/, ''), facts.priceUnit ?? 'USD', facts.numSegments],
      );
    },
    { concurrency: 2 },
  );

  workers.register('sms.numbers.check', async ({ slot }) => {
    const report = await numbers.checkWebhooks();
    const rentals = await numbers.chargeMonthlyRentals();
    logger.info({ ...report, rentals }, 'numbers checked');
    await queueCheck(queue, slot + 1, deps.checkEveryMs, now());
  });
}

/**
 * After a start: the next webhook check is queued, and texts staged but never sent (the enqueue was
 * lost, or Redis was flushed) get their send job again. Job ids are deterministic: safe to repeat.
 */
export async function reconcileSmsJobs(
  deps: Pick<SmsJobDeps, 'ds' | 'queue' | 'outbox' | 'checkEveryMs' | 'now'>,
) {
  const now = (deps.now ?? Date.now)();
  await queueCheck(deps.queue, Math.floor(now / deps.checkEveryMs) + 1, deps.checkEveryMs, now);
  const keys = (await deps.ds.query(
    `SELECT DISTINCT split_part(source_key, '#', 1) AS key FROM sms_messages
      WHERE direction = 'outbound' AND status IN ('pending', 'sending') AND message_sid IS NULL
        AND created_at > now() - interval '1 day' LIMIT 10000`,
  )) as { key: string }[];
  for (const { key } of keys) await deps.outbox.dispatch(key);
  return { unsent: keys.length };
}
