import { createJobWorkers, type JobWorkers } from '@pa/server-jobs';
import { waitFor } from '@pa/server-testing';
import type { Reminder } from './reminder.entity';
import { registerAssistantJobs, sweepAssistantJobs } from './assistant.jobs';
import { createAssistantStack, createPerson, type AssistantStack } from './testing/assistant-stack';

// Reminders due on the same second share one job (QueueReminderScheduler): the job finds them in
// PostgreSQL, delivers them in batches, resumes the ones a killed worker left half done, and gives
// one that keeps failing a job of its own.

let s: AssistantStack;
beforeAll(async () => {
  s = await createAssistantStack(new Date('2026-11-26T10:00:00Z'));
});
afterAll(() => s.close());

const person = (quiet = false) =>
  createPerson(
    s,
    quiet
      ? { timeZone: 'UTC', quietStart: '00:00', quietEnd: '23:59' }
      : { quietStart: null, quietEnd: null },
  );

async function remindersAt(dues: Date[]) {
  const out: { reminder: Reminder; userId: string; conversationId: string }[] = [];
  const p = await person();
  for (const [i, dueAt] of dues.entries())
    out.push({ reminder: await s.reminders.create(p.userId, { text: `at ${i}`, dueAt }), ...p });
  return out;
}

const jobField = async (jobId: string, field: string) =>
  s.t.runtime.redis?.hget(`bull:reminder.fire:${jobId}`, field);

/**
 * Runs the processors with a delivery hook of the test's; `fired` lists every reminder it was handed.
 * With `holdSends`, each batch's sends end only when the promise it returns resolves.
 */
function runJobs(hook?: (ids: string[]) => Promise<void>, holdSends?: () => Promise<void>) {
  const fired: string[] = [];
  const workers: JobWorkers = createJobWorkers(s.t.runtime, { queue: s.queue });
  registerAssistantJobs({
    queue: s.queue,
    workers,
    assistant: s.assistant,
    logger: s.t.runtime.logger,
    now: () => s.clock.at.getTime(),
    hooks: {
      remindersFired: async (batch) => {
        const ids = batch.map((f) => f.reminder.id);
        await hook?.(ids);
        fired.push(...ids);
        const { sent } = await s.delivery.dispatchMany(
          batch.map((f) => ({
            reminder: f.reminder,
            occurrenceDueAt: f.occurrenceDueAt,
            messageId: f.message.id,
          })),
        );
        return { sent: holdSends ? sent.then(holdSends) : sent };
      },
    },
  });
  return { fired, stop: () => workers.stop(2000) };
}

const runSecond = (second: Date, tag = '') =>
  s.queue.enqueue(
    'reminder.fire',
    { second: second.toISOString() },
    { jobId: `reminders-${second.getTime()}${tag}` },
  );

/** How many of these reminders' firings were dispatched (their in-app delivery is recorded last). */
const dispatched = async (ids: string[]) =>
  (
    (await s.t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM reminder_deliveries WHERE reminder_id = ANY($1::uuid[]) AND channel = 'in_app'`,
      [ids],
    )) as { n: number }[]
  )[0]?.n ?? 0;

const statusOf = async (id: string) =>
  (
    (await s.t.runtime.dataSource.query(`SELECT status FROM reminders WHERE id = $1`, [id])) as {
      status: string;
    }[]
  )[0]?.status;

describe('reminders due on the same second', () => {
  it('share one job keyed by that second; one due within two seconds gets a job of its own', async () => {
    s.clock.at = new Date('2026-11-26T10:00:00Z');
    const second = new Date('2026-11-26T10:05:00Z');
    const [a, b, c, soon] = await remindersAt([
      second,
      new Date(second.getTime() - 999),
      new Date(second.getTime() - 400),
      new Date(s.clock.at.getTime() + 1500),
    ]);
    const before = (await s.queue.counts('reminder.fire')).delayed;
    for (const r of [a, b, c, soon, a]) await s.scheduler.schedule(r?.reminder as Reminder);
    expect((await s.queue.counts('reminder.fire')).delayed - before).toBe(2);
    expect(await jobField(`reminders-${second.getTime()}`, 'delay')).toBe(String(5 * 60_000));
    const own = `reminder-${soon?.reminder.id}-${soon?.reminder.dueAt.getTime()}`;
    expect(await jobField(own, 'delay')).toBe('1500');
    // One due a millisecond after the second belongs to the next one.
    const [next] = await remindersAt([new Date(second.getTime() + 1)]);
    await s.scheduler.schedule(next?.reminder as Reminder);
    expect(await jobField(`reminders-${second.getTime() + 1000}`, 'delay')).toBe(String(5 * 60_000 + 1000));
    // Their jobs find nothing to do when they run during the next tests.
    for (const r of [a, b, c, soon, next])
      await s.reminders.cancel(r?.userId as string, r?.reminder.id as string);
  });

  it('delivers every reminder of its second once, none of the next, and defers quiet hours', async () => {
    const second = new Date('2026-11-26T11:00:00Z');
    s.clock.at = second;
    const due: Awaited<ReturnType<typeof remindersAt>> = [];
    for (let i = 0; i < 4; i++)
      due.push(
        ...(await remindersAt(Array.from({ length: 10 }, (_, k) => new Date(second.getTime() - k * 90)))),
      );
    const [later] = await remindersAt([new Date(second.getTime() + 1)]);
    const [cancelled] = await remindersAt([second]);
    await s.reminders.cancel(cancelled?.userId as string, cancelled?.reminder.id as string);
    const quiet = await person(true);
    const hushed = await s.reminders.create(quiet.userId, { text: 'hushed', dueAt: second });
    const jobs = runJobs();
    try {
      await runSecond(second);
      await waitFor(
        () => dispatched(due.map((d) => d.reminder.id)),
        (n) => n >= due.length,
        15_000,
      );
      // Run again (a retried job, or the same second queued twice): nothing more.
      await runSecond(second, '-again');
      await new Promise((r) => setTimeout(r, 1000));
      expect([...jobs.fired].sort()).toEqual(due.map((d) => d.reminder.id).sort());
      for (const d of due.slice(0, 3)) expect(await statusOf(d.reminder.id)).toBe('delivered');
      expect(await statusOf(later?.reminder.id as string)).toBe('scheduled');
      expect(await statusOf(cancelled?.reminder.id as string)).toBe('cancelled');
      expect(await statusOf(hushed.id)).toBe('scheduled');
      // The quiet person's reminder waits in a job of its own until their quiet hours end.
      // (KEYS patterns do not get the client's key prefix.)
      const deferred =
        (await s.t.runtime.redis?.keys(
          `${s.t.config.REDIS_KEY_PREFIX}bull:reminder.fire:reminder-${hushed.id}-${second.getTime()}-q*`,
        )) ?? [];
      expect(deferred).toHaveLength(1);
      const [{ n } = { n: 0 }] = (await s.t.runtime.dataSource.query(
        `SELECT count(*)::int AS n FROM messages WHERE client_id = ANY($1::text[])`,
        [due.map((d) => `reminder-${d.reminder.id}-${d.reminder.dueAt.getTime()}`)],
      )) as { n: number }[];
      expect(n).toBe(due.length);
    } finally {
      await jobs.stop();
    }
  });

  it('resumes the firings of its second that a killed worker left half done, once', async () => {
    const second = new Date('2026-11-26T12:00:00Z');
    s.clock.at = second;
    const made = await remindersAt([
      second,
      new Date(second.getTime() - 500),
      new Date(second.getTime() - 10),
    ]);
    const half = made.slice(0, 2);
    // Claimed and stored, then the worker died before the delivery path ran.
    const outcomes = await s.assistant.deliverReminders(
      half.map((m) => ({ reminderId: m.reminder.id, dueAt: m.reminder.dueAt })),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['delivered', 'delivered']);
    const jobs = runJobs();
    try {
      await runSecond(second);
      const ids = made.map((m) => m.reminder.id);
      await waitFor(
        () => dispatched(ids),
        (n) => n >= 3,
        15_000,
      );
      await runSecond(second, '-again');
      await new Promise((r) => setTimeout(r, 1000));
      expect([...jobs.fired].sort()).toEqual([...ids].sort());
      expect(await dispatched(ids)).toBe(3);
    } finally {
      await jobs.stop();
    }
  });

  it('gives a reminder that fails even alone a job of its own, and delivers the others', async () => {
    const second = new Date('2026-11-26T13:00:00Z');
    s.clock.at = second;
    const made = await remindersAt([second, second, second, second]);
    const poison = made[1]?.reminder.id as string;
    let failures = 0;
    const jobs = runJobs(async (ids) => {
      if (ids.includes(poison) && failures < 3) {
        failures += 1;
        throw new Error('push service down for this one');
      }
    });
    try {
      await runSecond(second);
      await waitFor(
        () => dispatched(made.map((m) => m.reminder.id)),
        (n) => n >= 4,
        15_000,
      );
      expect(await jobField(`reminder-${poison}-${second.getTime()}`, 'name')).toBe('reminder.fire');
      await new Promise((r) => setTimeout(r, 500));
      expect([...jobs.fired].sort()).toEqual(made.map((m) => m.reminder.id).sort());
      expect(failures).toBe(3);
    } finally {
      await jobs.stop();
    }
  });
});

describe('batches and their sends', () => {
  it('claims the next batches while earlier ones are still sending; the job ends after every send', async () => {
    const second = new Date('2026-11-26T15:00:00Z');
    s.clock.at = second;
    const p = await person();
    // More than the five batches of 100 that may be claiming at once.
    const rows = (await s.t.runtime.dataSource.query(
      `INSERT INTO reminders (user_id, kind, text, due_at)
       SELECT $1, 'reminder', 'r' || g, $2 FROM generate_series(1, 650) g RETURNING id`,
      [p.userId, second],
    )) as { id: string }[];
    const gates: (() => void)[] = [];
    const jobs = runJobs(
      undefined,
      () =>
        new Promise<void>((open) => {
          gates.push(open);
        }),
    );
    const jobId = `reminders-${second.getTime()}`;
    try {
      await runSecond(second);
      // All seven batches are claimed and recorded while no send has finished.
      const ids = rows.map((r) => r.id);
      await waitFor(
        () => dispatched(ids),
        (n) => n >= ids.length,
        20_000,
      );
      await waitFor(
        async () => gates.length,
        (n) => n >= 7,
        5_000,
      );
      expect(await jobField(jobId, 'finishedOn')).toBeNull();
      for (const open of gates) open();
      await waitFor(
        () => jobField(jobId, 'finishedOn'),
        (v) => typeof v === 'string',
        5_000,
      );
      expect(jobs.fired).toHaveLength(ids.length);
    } finally {
      for (const open of gates) open();
      await jobs.stop();
    }
  });
});

describe('the sweep', () => {
  it('leaves the reminders of the last seconds to their second’s job, and re-queues older ones', async () => {
    s.clock.at = new Date('2026-11-26T14:00:00Z');
    const [recent, old] = await remindersAt([
      new Date(s.clock.at.getTime() - 10_000),
      new Date(s.clock.at.getTime() - 45_000),
    ]);
    await sweepAssistantJobs({
      ds: s.t.runtime.dataSource,
      queue: s.queue,
      assistant: s.assistant,
      scheduler: s.scheduler,
      logger: s.t.runtime.logger,
      lookbackMs: 60 * 60_000,
      now: () => s.clock.at.getTime(),
    });
    const id = (r: typeof recent) => `reminder-${r?.reminder.id}-${r?.reminder.dueAt.getTime()}`;
    expect(await jobField(id(old), 'name')).toBe('reminder.fire');
    expect(await jobField(id(recent), 'name')).toBeNull();
  });
});
