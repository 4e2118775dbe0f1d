import type { DataSource } from 'typeorm';
import type { Logger } from '@pa/server-core';
import { MicroBatcher, type JobQueue, type JobWorkers } from '@pa/server-jobs';
import type { AssistantService, DeliveredMessage, DeliveryOutcome } from './assistant.service';
import type { ReminderScheduler, ReminderService } from './reminder.service';
import type { Reminder } from './reminder.entity';

declare module '@pa/server-jobs' {
  interface JobPayloads {
    /** Answer one message of a person (the job id is the message's: one answer per message). */
    'assistant.reply': { messageId: string };
    /**
     * Deliver reminder X if it is still due at this instant (moved or cancelled ones are skipped), or
     * every reminder due in the second that ends at `second` (one job for all of them).
     */
    'reminder.fire': { reminderId: string; dueAt: string } | { second: string };
    /** Prepares the pushes of the reminders due on a second, before it (best effort, never retried). */
    'reminder.prepare': { second: string };
    /** Send the daily check-in due at this instant (if the person's check-in time still says so). */
    'checkin.fire': { userId: string; dueAt: string };
    /** A gentle nudge if the check-in due at this instant is still unanswered. */
    'checkin.followup': { userId: string; dueAt: string };
  }
}

/**
 * Reminders due on the same second share one job, keyed by that second: it delivers every reminder
 * due in that second, in batches (10,000 due at once cost 10,000 BullMQ jobs otherwise, and the queue's
 * own round trips, not PostgreSQL or push, made the last one 15 s late; see docs/benchmarks.md). A
 * reminder due within `SHARED_AFTER_MS` (or overdue: a sweep, a reconciliation, quiet hours) gets a job
 * of its own, keyed by reminder and due time, since its second's job may already have run.
 *
 * Either way, scheduling the same reminder for the same time twice adds nothing; moving it adds a job
 * for the new time, and the old one finds the reminder moved and does nothing. PostgreSQL stays the
 * truth, so nothing is delivered twice or lost.
 */
export class QueueReminderScheduler implements ReminderScheduler {
  constructor(
    private readonly queue: JobQueue,
    private readonly now: () => number = Date.now,
  ) {}

  async schedule(reminder: Pick<Reminder, 'id' | 'dueAt'>): Promise<void> {
    const at = reminder.dueAt.getTime();
    const now = this.now();
    const second = Math.ceil(at / 1000) * 1000;
    if (second - now > SHARED_AFTER_MS) {
      await this.queue.enqueue(
        'reminder.fire',
        { second: new Date(second).toISOString() },
        { jobId: `reminders-${second}`, delayMs: second - now },
      );
      await this.queue.enqueue(
        'reminder.prepare',
        { second: new Date(second).toISOString() },
        {
          jobId: `reminders-prepare-${second}`,
          delayMs: Math.max(0, second - now - REMINDER_PREPARE_LEAD_MS),
          attempts: 1,
        },
      );
      return;
    }
    await this.queue.enqueue(
      'reminder.fire',
      { reminderId: reminder.id, dueAt: reminder.dueAt.toISOString() },
      { jobId: `reminder-${reminder.id}-${at}`, delayMs: Math.max(0, at - now) },
    );
  }
}

/**
 * The pushes of the reminders due on a second are encrypted this long before it (RFC 8291 costs an
 * ECDH per push: a quarter of the worker's CPU when 10,000 fall due together, see docs/benchmarks.md).
 */
export const REMINDER_PREPARE_LEAD_MS = 30_000;

// A reminder due sooner than this gets a job of its own rather than its second's (which may be running
// or done already on a worker whose clock is a little ahead).
const SHARED_AFTER_MS = 2000;

/** Queues the answer to a person's message (idempotent: one job per message). */
export function queueReply(queue: JobQueue, messageId: string): Promise<unknown> {
  return queue.enqueue('assistant.reply', { messageId }, { jobId: `reply-${messageId}` });
}

/** Queues a person's next check-in, if they have one. */
export async function queueNextCheckIn(
  queue: JobQueue,
  assistant: AssistantService,
  userId: string,
  after: Date,
  now: () => number = Date.now,
): Promise<void> {
  const at = await assistant.nextCheckIn(userId, after);
  if (!at) return;
  await queue.enqueue(
    'checkin.fire',
    { userId, dueAt: at.toISOString() },
    { jobId: `checkin-${userId}-${at.getTime()}`, delayMs: Math.max(0, at.getTime() - now()) },
  );
}

// Reminder jobs of the same moment delivered together: at most this many, gathered for at most this
// long, and this many batches at once (a batch waits mostly on PostgreSQL and push services: with two
// in flight the worker sat idle 60 % of the time).
const REMINDER_BATCH_MAX = 100;
const REMINDER_BATCH_WAIT_MS = 25;
const REMINDER_BATCHES_IN_FLIGHT = 5;
// Preparing stops this long before the second it prepares starts.
const PREPARE_STOP_BEFORE_MS = 200;
// The job of one second delivers at most this many reminders (the sweep takes any beyond).
const REMINDERS_PER_SECOND_MAX = 100_000;

// An unanswered check-in gets one gentle follow-up this much later.
const FOLLOW_UP_AFTER_MS = 3 * 60 * 60_000;

/** Queues the follow-up of the check-in due at `checkInDueAt` (one job per check-in). */
function queueFollowUp(queue: JobQueue, userId: string, checkInDueAt: number, delayMs: number) {
  return queue.enqueue(
    'checkin.followup',
    { userId, dueAt: new Date(checkInDueAt).toISOString() },
    { jobId: `checkin-followup-${userId}-${checkInDueAt}`, delayMs: Math.max(0, Math.ceil(delayMs)) },
  );
}

/**
 * Re-queues the check-in follow-ups that are owed: the person's latest check-in was delivered (its
 * message is stored), the assistant still waits for the answer and nothing came from the person
 * since, no follow-up is stored for it, and its follow-up falls due in (now − lookbackMs, now +
 * aheadMs] by the database's clock (the check-in's `created_at` is). One whose time fell in the
 * person's quiet hours was skipped on purpose by its job, so it is not owed. Returns how many.
 */
async function queueOwedFollowUps(
  ds: DataSource,
  queue: JobQueue,
  assistant: AssistantService,
  { lookbackMs, aheadMs }: { lookbackMs: number; aheadMs: number },
): Promise<number> {
  const owed = (await ds.query(
    `SELECT s.user_id, c.client_id,
            extract(epoch FROM c.created_at) * 1000 + $1 AS due_ms,
            extract(epoch FROM c.created_at - now()) * 1000 + $1 AS wait_ms
       FROM assistant_state s
       CROSS JOIN LATERAL (
         SELECT m.client_id, m.created_at FROM messages m
          WHERE m.user_id = s.user_id AND m.author = 'assistant'
            AND m.client_id LIKE 'checkin-%' AND m.client_id NOT LIKE 'checkin-followup-%'
          ORDER BY m.created_at DESC LIMIT 1) c
      WHERE s.pending->>'kind' = 'checkin'
        AND c.created_at > now() - ($1 + $2) * interval '1 millisecond'
        AND c.created_at <= now() - ($1 - $3) * interval '1 millisecond'
        AND NOT EXISTS (SELECT 1 FROM messages f
                         WHERE f.user_id = s.user_id AND f.client_id = 'checkin-followup-' || substr(c.client_id, 9))
        AND NOT EXISTS (SELECT 1 FROM messages u
                         WHERE u.user_id = s.user_id AND u.author = 'user' AND u.created_at > c.created_at)
      ORDER BY c.created_at LIMIT ${SWEEP_LIMIT}`,
    [FOLLOW_UP_AFTER_MS, lookbackMs, aheadMs],
  )) as { user_id: string; client_id: string; due_ms: string | number; wait_ms: string | number }[];
  let queued = 0;
  for (const row of owed) {
    // `checkin-<user prefix>-<due ms>` (AssistantService.checkIn).
    const checkInDueAt = Number(row.client_id.slice(row.client_id.lastIndexOf('-') + 1));
    const waitMs = Number(row.wait_ms);
    if (!Number.isFinite(checkInDueAt)) continue;
    if (waitMs <= 0 && (await assistant.quietAt(row.user_id, new Date(Number(row.due_ms))))) continue;
    await queueFollowUp(queue, row.user_id, checkInDueAt, waitMs);
    queued += 1;
  }
  return queued;
}

/** Where the assistant's messages go besides the app (the worker wires SMS here). */
export interface AssistantDeliveryHooks {
  /** An answer to message `sourceId` is stored (also on a retried job: must be idempotent). */
  replied?: (sourceId: string, reply: DeliveredMessage) => Promise<unknown>;
  /**
   * Reminders fired (their messages are stored in the app), often many on the same second: the
   * delivery path takes them from here (push, SMS, alerts, escalation). Without it,
   * `notified('reminder', …)` is called for each. It may resolve once every delivery is recorded
   * with `{ sent }`, the sends still under way: the next batch's claims then overlap these sends,
   * and the jobs still wait for `sent` before they complete.
   */
  remindersFired?: (
    fired: { reminder: Reminder; occurrenceDueAt: Date; message: DeliveredMessage }[],
  ) => Promise<{ sent: Promise<unknown> } | unknown>;
  /**
   * Reminders will be due at the end of a second (`until`): the delivery path may prepare their pushes
   * now. Best effort: nothing is claimed, and what is not prepared by `until` is done at the due time.
   */
  remindersDue?: (items: { reminderId: string; dueAt: Date }[], until: Date) => Promise<unknown>;
  /** A reminder, check-in or follow-up was delivered in the app. */
  notified?: (kind: 'reminder' | 'checkin' | 'followup', message: DeliveredMessage) => Promise<unknown>;
}

export interface AssistantJobDeps {
  queue: JobQueue;
  workers: JobWorkers;
  assistant: AssistantService;
  logger: Logger;
  now?: () => number;
  hooks?: AssistantDeliveryHooks;
}

/** The worker's assistant processors: replies, reminders (with quiet hours), check-ins. */
/** A reminder's delivery, and its batch's sends still under way when the hook returned them. */
type Firing = DeliveryOutcome & { sent?: Promise<unknown> };

export function registerAssistantJobs({
  queue,
  workers,
  assistant,
  now = Date.now,
  hooks = {},
}: AssistantJobDeps): void {
  workers.register(
    'assistant.reply',
    async ({ messageId }) => {
      const reply = await assistant.respond(messageId);
      if (reply && hooks.replied) await hooks.replied(messageId, reply);
    },
    { concurrency: 4 },
  );

  // Many reminders fall due on the same second (":00", on the hour): the jobs of that second are
  // gathered into batches that cost a fixed number of statements each, rather than ~18 per reminder
  // (see docs/benchmarks.md, reminder-push). Each job still stands alone: its own outcome, its own
  // retry, and a batch that fails is retried one reminder at a time (a poison job fails only itself).
  const firing = new MicroBatcher(
    async (items: { reminderId: string; dueAt: Date }[]): Promise<Firing[]> => {
      const outcomes = await assistant.deliverReminders(items);
      const fired = outcomes.flatMap((o, i) =>
        o.kind === 'delivered' && o.reminder
          ? [{ reminder: o.reminder, occurrenceDueAt: items[i]?.dueAt as Date, message: o.message }]
          : [],
      );
      let sent: Promise<unknown> | undefined;
      if (hooks.remindersFired) {
        const dispatched = await hooks.remindersFired(fired);
        if (dispatched && typeof dispatched === 'object' && 'sent' in dispatched)
          sent = (dispatched as { sent: Promise<unknown> }).sent;
      } else for (const f of fired) await hooks.notified?.('reminder', f.message);
      return outcomes.map((o) => ({ ...o, sent }));
    },
    {
      maxSize: REMINDER_BATCH_MAX,
      maxWaitMs: REMINDER_BATCH_WAIT_MS,
      maxInFlight: REMINDER_BATCHES_IN_FLIGHT,
    },
  );
  // Quiet hours: the same delivery, later (its key names the deferral, so a retry adds nothing).
  const defer = (reminderId: string, dueAt: Date, until: Date) =>
    queue.enqueue(
      'reminder.fire',
      { reminderId, dueAt: dueAt.toISOString() },
      {
        jobId: `reminder-${reminderId}-${dueAt.getTime()}-q${until.getTime()}`,
        delayMs: Math.max(0, until.getTime() - now()),
      },
    );
  // Every reminder of one second. One that fails even alone gets a job of its own (its own retries and
  // backoff), so it holds up neither the others nor a retry of the whole second.
  const fireSecond = async (second: Date, logger: Logger) => {
    const items = await assistant.dueInSecond(second, REMINDERS_PER_SECOND_MAX);
    if (items.length === REMINDERS_PER_SECOND_MAX)
      logger.warn(
        { second, limit: REMINDERS_PER_SECOND_MAX },
        'more reminders due in one second than one job takes',
      );
    const settled = await Promise.allSettled(items.map((item) => firing.add(item)));
    // The second's job completes once its pushes and texts have gone out (each batch's, once).
    const sends = new Set<Promise<unknown>>();
    for (const result of settled)
      if (result.status === 'fulfilled' && result.value.sent) sends.add(result.value.sent);
    const failed: unknown[] = [];
    await Promise.all(
      settled.map(async (result, i) => {
        const { reminderId, dueAt } = items[i] as (typeof items)[number];
        if (result.status === 'fulfilled') {
          if (result.value.kind === 'deferred') await defer(reminderId, dueAt, result.value.until);
          return;
        }
        failed.push(result.reason);
        await queue.enqueue(
          'reminder.fire',
          { reminderId, dueAt: dueAt.toISOString() },
          { jobId: `reminder-${reminderId}-${dueAt.getTime()}` },
        );
      }),
    );
    if (failed.length > 0)
      logger.warn(
        { second, failed: failed.length, err: failed[0] },
        'reminders of a second failed; each retries in a job of its own',
      );
    await Promise.all(sends);
  };
  workers.register(
    'reminder.fire',
    async (payload, { logger }) => {
      if ('second' in payload) return fireSecond(new Date(payload.second), logger);
      const dueAt = new Date(payload.dueAt);
      const outcome = await firing.add({ reminderId: payload.reminderId, dueAt });
      if (outcome.kind === 'deferred') await defer(payload.reminderId, dueAt, outcome.until);
      await outcome.sent;
    },
    // Jobs of their own (overdue, deferred) join batches too: enough in flight to fill them.
    { concurrency: REMINDER_BATCH_MAX * REMINDER_BATCHES_IN_FLIGHT },
  );

  workers.register(
    'reminder.prepare',
    async ({ second }, { logger }) => {
      const end = new Date(second);
      const remindersDue = hooks.remindersDue;
      if (!remindersDue || end.getTime() <= now()) return;
      try {
        const items = await assistant.dueInSecond(end, REMINDERS_PER_SECOND_MAX);
        // Stop a little before the second: its own job then has the process to itself.
        await remindersDue(items, new Date(end.getTime() - 1000 - PREPARE_STOP_BEFORE_MS));
      } catch (err) {
        // Only a head start is lost: the second's job does the same work at the due time.
        logger.warn({ err, second }, 'reminder pushes not prepared');
      }
    },
    { concurrency: 1 },
  );

  workers.register('checkin.fire', async ({ userId, dueAt }) => {
    const due = new Date(dueAt);
    // A check-in time changed since this job was queued: the new job carries the new time.
    const expected = await assistant.nextCheckIn(userId, new Date(due.getTime() - 60_000));
    if (!expected || expected.getTime() !== due.getTime()) return;
    const outcome = await assistant.checkIn(userId, due);
    if (outcome.kind === 'deferred') {
      const until = outcome.until.getTime();
      await queue.enqueue(
        'checkin.fire',
        { userId, dueAt },
        { jobId: `checkin-${userId}-${due.getTime()}-q${until}`, delayMs: Math.max(0, until - now()) },
      );
      return;
    }
    if (outcome.kind === 'delivered') {
      await hooks.notified?.('checkin', outcome.message);
      await queueFollowUp(queue, userId, due.getTime(), FOLLOW_UP_AFTER_MS);
    }
    await queueNextCheckIn(queue, assistant, userId, due, now);
  });

  workers.register('checkin.followup', async ({ userId, dueAt }) => {
    const outcome = await assistant.checkInFollowUp(userId, new Date(dueAt));
    if (outcome.kind === 'delivered') await hooks.notified?.('followup', outcome.message);
  });
}

/**
 * Makes the queue match PostgreSQL after a worker or Redis restart: every scheduled reminder has its
 * job (a missed one fires now, once), every check-in its next job, every unanswered check-in its
 * follow-up to come, and every recent message still waiting for an answer its reply job. Job ids
 * are deterministic, so running it twice adds nothing. (Follow-ups already due are the sweep's.)
 */
export async function reconcileAssistantJobs(deps: {
  ds: DataSource;
  queue: JobQueue;
  assistant: AssistantService;
  reminders: ReminderService;
  scheduler: ReminderScheduler;
  logger: Logger;
  now?: () => number;
}): Promise<{ reminders: number; checkIns: number; followUps: number; replies: number }> {
  const { ds, queue, assistant, reminders, scheduler, logger, now = Date.now } = deps;
  let count = 0;
  let after: string | null = null;
  // Bounded: 1,000 pages of 500.
  for (let page = 0; page < 1000; page++) {
    const batch = await reminders.allScheduled(after, 500);
    for (const r of batch) await scheduler.schedule(r);
    count += batch.length;
    if (batch.length < 500) break;
    after = batch[batch.length - 1]?.id ?? null;
  }
  const users = (await ds.query(
    `SELECT user_id FROM preferences WHERE check_in_time IS NOT NULL LIMIT 100000`,
  )) as {
    user_id: string;
  }[];
  for (const u of users) await queueNextCheckIn(queue, assistant, u.user_id, new Date(now()), now);
  const followUps = await queueOwedFollowUps(ds, queue, assistant, {
    lookbackMs: 0,
    aheadMs: FOLLOW_UP_AFTER_MS,
  });
  const waiting = (await ds.query(
    `SELECT m.id FROM messages m
      WHERE m.author = 'user' AND m.created_at > now() - interval '1 day'
        AND NOT EXISTS (SELECT 1 FROM messages r WHERE r.user_id = m.user_id AND r.client_id = 'reply-' || m.id::text)
      LIMIT 10000`,
  )) as { id: string }[];
  for (const w of waiting) await queueReply(queue, w.id);
  const counts = { reminders: count, checkIns: users.length, followUps, replies: waiting.length };
  logger.info(counts, 'assistant jobs reconciled');
  return counts;
}

// One sweep re-queues at most this many items of each kind (the next sweep takes the rest).
const SWEEP_LIMIT = 10_000;
// The sweep leaves alone reminders due less than this long ago.
const SWEEP_REMINDER_GRACE_MS = 30_000;

/**
 * The periodic safety net while the worker runs: re-queues, from PostgreSQL, what is due within the
 * lookback and not done (reminders past their time, today's check-in not delivered, its follow-up
 * owed and not sent, messages with no answer). Job ids are the ones the normal path uses, so a job still queued is not doubled, and each
 * processor re-checks PostgreSQL, so a job that already ran changes nothing.
 */
export async function sweepAssistantJobs(deps: {
  ds: DataSource;
  queue: JobQueue;
  assistant: AssistantService;
  scheduler: ReminderScheduler;
  logger: Logger;
  lookbackMs: number;
  now?: () => number;
}): Promise<{ reminders: number; checkIns: number; followUps: number; replies: number }> {
  const { ds, queue, assistant, scheduler, logger, lookbackMs, now = Date.now } = deps;
  const at = new Date(now());
  const since = new Date(at.getTime() - lookbackMs);
  // Not the reminders of the last seconds: their second's job may still be delivering them (a job of
  // their own each would only race it).
  const due = (await ds.query(
    `SELECT id, user_id, due_at FROM reminders WHERE status = 'scheduled' AND due_at <= $1 AND due_at > $2
      ORDER BY due_at LIMIT ${SWEEP_LIMIT}`,
    [new Date(at.getTime() - SWEEP_REMINDER_GRACE_MS), since],
  )) as { id: string; user_id: string; due_at: Date }[];
  for (const r of due) await scheduler.schedule({ id: r.id, userId: r.user_id, dueAt: new Date(r.due_at) });
  let checkIns = 0;
  // A check-in counts as missed only after the person had it: one due before they signed up or last
  // changed their preferences (a new account at 20:00 with check-ins at 09:00) was never owed.
  const users = (await ds.query(
    `SELECT p.user_id, GREATEST(p.updated_at, u.created_at) AS owed_from
       FROM preferences p JOIN users u ON u.id = p.user_id
      WHERE p.check_in_time IS NOT NULL ORDER BY p.user_id LIMIT ${SWEEP_LIMIT}`,
  )) as { user_id: string; owed_from: Date }[];
  for (const { user_id: userId, owed_from: owedFrom } of users) {
    const from = new Date(Math.max(since.getTime(), new Date(owedFrom).getTime()));
    const last = await assistant.nextCheckIn(userId, from);
    if (!last || last.getTime() > at.getTime()) continue;
    // Delivered already: its message carries this client id (see AssistantService.checkIn).
    const [sent] = (await ds.query(`SELECT 1 FROM messages WHERE user_id = $1 AND client_id = $2`, [
      userId,
      `checkin-${userId.slice(0, 8)}-${last.getTime()}`,
    ])) as unknown[];
    if (sent) continue;
    await queue.enqueue(
      'checkin.fire',
      { userId, dueAt: last.toISOString() },
      { jobId: `checkin-${userId}-${last.getTime()}` },
    );
    checkIns += 1;
  }
  const followUps = await queueOwedFollowUps(ds, queue, assistant, { lookbackMs, aheadMs: 0 });
  // Stored with the database's clock.
  const waiting = (await ds.query(
    `SELECT m.id FROM messages m
      WHERE m.author = 'user' AND m.created_at > now() - $1 * interval '1 millisecond'
        AND NOT EXISTS (SELECT 1 FROM messages r WHERE r.user_id = m.user_id AND r.client_id = 'reply-' || m.id::text)
      ORDER BY m.created_at LIMIT ${SWEEP_LIMIT}`,
    [lookbackMs],
  )) as { id: string }[];
  for (const w of waiting) await queueReply(queue, w.id);
  const counts = { reminders: due.length, checkIns, followUps, replies: waiting.length };
  if (counts.reminders + counts.checkIns + counts.followUps + counts.replies > 0)
    logger.debug(counts, 'assistant sweep');
  return counts;
}
