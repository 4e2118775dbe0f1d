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
    /** Read the prices Twilio has billed for texts we have no price for yet; chained every minute. */
    'sms.prices': { slot: number };
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

// Twilio bills a text shortly after it passes; one not priced within PRICE_GIVE_UP stays unpriced
// (and is shown as such).
const PRICE_EVERY_MS = 60_000;
const PRICE_GIVE_UP = '3 days';
const PRICE_BATCH = 500;

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

  workers.register('sms.prices', async ({ slot }) => {
    await priceTexts(ds, account, logger);
    // The next minute's slot (never one already past: a late run does not replay missed ones).
    const next = Math.max(slot + 1, Math.floor(now() / PRICE_EVERY_MS) + 1);
    await queue.enqueue(
      'sms.prices',
      { slot: next },
      { jobId: `prices-${next}`, delayMs: Math.max(0, next * PRICE_EVERY_MS - now()) },
    );
  });

  workers.register('sms.numbers.check', async ({ slot }) => {
    const report = await numbers.checkWebhooks();
    const rentals = await numbers.chargeMonthlyRentals();
    logger.info({ ...report, rentals }, 'numbers checked');
    await queueCheck(
      queue,
      Math.max(slot + 1, Math.floor(now() / deps.checkEveryMs) + 1),
      deps.checkEveryMs,
      now(),
    );
  });
}

/**
 * Reads from Twilio the price of texts that have none yet (inbound ones always: their webhook has no
 * price; outbound ones whose final callback was lost). Bounded per run; safe to run concurrently.
 */
export async function priceTexts(
  ds: DataSource,
  account: TwilioAccount,
  logger: Logger,
): Promise<{ priced: number; pending: number }> {
  const rows = (await ds.query(
    `SELECT message_sid FROM sms_usage_logs
      WHERE kind = 'message' AND price IS NULL AND occurred_at > now() - interval '${PRICE_GIVE_UP}'
      ORDER BY occurred_at LIMIT ${PRICE_BATCH}`,
  )) as { message_sid: string }[];
  let priced = 0;
  for (const { message_sid: sid } of rows) {
    const facts = await account.getMessage(sid).catch((err: unknown) => {
      logger.warn({ err, sid }, 'price look-up failed (next sweep retries)');
      return undefined;
    });
    if (!facts || facts.price === null) continue;
    await ds.query(
      `UPDATE sms_usage_logs SET price = $2, currency = $3, segments = GREATEST(segments, $4), updated_at = clock_timestamp()
        WHERE message_sid = $1 AND price IS NULL`,
      [sid, facts.price.replace(/^-/, ''), facts.priceUnit ?? 'USD', facts.numSegments],
    );
    priced += 1;
  }
  return { priced, pending: rows.length - priced };
}

/**
 * After a start: the next webhook check is queued, and texts staged but never sent (the enqueue was
 * lost, or Redis was flushed) get their send job again. Job ids are deterministic: safe to repeat.
 */
export async function reconcileSmsJobs(
  deps: Pick<SmsJobDeps, 'ds' | 'queue' | 'outbox' | 'checkEveryMs' | 'now'> & {
    /** How far back unsent texts are looked for (default a day). */
    lookbackMs?: number;
  },
) {
  const now = (deps.now ?? Date.now)();
  await queueCheck(deps.queue, Math.floor(now / deps.checkEveryMs) + 1, deps.checkEveryMs, now);
  const priceSlot = Math.floor(now / PRICE_EVERY_MS) + 1;
  await deps.queue.enqueue(
    'sms.prices',
    { slot: priceSlot },
    { jobId: `prices-${priceSlot}`, delayMs: Math.max(0, priceSlot * PRICE_EVERY_MS - now) },
  );
  const keys = (await deps.ds.query(
    `SELECT DISTINCT split_part(source_key, '#', 1) AS key FROM sms_messages
      WHERE direction = 'outbound' AND status IN ('pending', 'sending') AND message_sid IS NULL
        AND created_at > now() - $1 * interval '1 millisecond' LIMIT 10000`,
    [deps.lookbackMs ?? 86_400_000],
  )) as { key: string }[];
  for (const { key } of keys) await deps.outbox.dispatch(key);
  return { unsent: keys.length };
}
