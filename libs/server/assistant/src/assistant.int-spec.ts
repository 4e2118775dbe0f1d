import { AuthorEnum } from '@pa/server-conversations';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJobWorkers, type JobWorkers } from '@pa/server-jobs';
import { deleteKeys, testServiceUrls, waitFor } from '@pa/server-testing';
import {
  queueReply,
  reconcileAssistantJobs,
  registerAssistantJobs,
  sweepAssistantJobs,
} from './assistant.jobs';
import { BuiltInBrain, GatedBrain, OpenAiCompatibleBrain } from './brain';
import { AssistantService } from './assistant.service';
import { createAssistantStack, createPerson, type AssistantStack } from './testing/assistant-stack';

// The assistant's clock (s.clock): tests move it; everything else (PostgreSQL, Redis, BullMQ) is real.
let s: AssistantStack;
beforeAll(async () => {
  s = await createAssistantStack(new Date('2026-11-25T10:00:00Z'));
});
afterAll(() => s.close());

const person = (prefs?: Parameters<typeof createPerson>[1]) => createPerson(s, prefs);

let cid = 0;
async function say(p: { userId: string; conversationId: string }, body: string) {
  cid += 1;
  const { message } = await s.conversations.send(p.userId, {
    conversationId: p.conversationId,
    body,
    clientId: `c-${Date.now()}-${cid}`,
  });
  await s.assistant.respond(message.id);
  return message;
}

async function replies(conversationId: string) {
  return (await s.t.runtime.dataSource.query(
    `SELECT body FROM messages WHERE conversation_id = $1 AND author = 'assistant' ORDER BY created_at`,
    [conversationId],
  )) as { body: string }[];
}

async function openTitles(userId: string) {
  return (await s.tasks.list(userId)).map((t) => t.title);
}

describe('answering a message', () => {
  beforeEach(() => {
    s.clock.at = new Date('2026-11-25T10:00:00Z');
  });

  it('captures several tasks and answers once, even when the job runs twice', async () => {
    const p = await person();
    const message = await say(p, 'buy milk, eggs and bread');
    await s.assistant.respond(message.id);
    expect((await openTitles(p.userId)).map((t) => t.toLowerCase())).toEqual(
      expect.arrayContaining([
        expect.stringContaining('milk'),
        expect.stringContaining('eggs'),
        expect.stringContaining('bread'),
      ]),
    );
    expect(await openTitles(p.userId)).toHaveLength(3);
    expect(await replies(p.conversationId)).toHaveLength(1);
  });

  it('completes by number and undoes it', async () => {
    const p = await person();
    await say(p, 'todo: call the dentist');
    await say(p, 'todo: water the plants');
    await say(p, 'done 1');
    expect(await openTitles(p.userId)).toEqual([expect.stringMatching(/plants/)]);
    await say(p, 'undo');
    expect(await openTitles(p.userId)).toHaveLength(2);
  });

  it('schedules a reminder in the person’s zone and queues its job', async () => {
    const p = await person({ timeZone: 'America/New_York' });
    await say(p, 'remind me at 5pm to take my meds');
    const [reminder] = await s.reminders.upcoming(p.userId);
    // 17:00 in New York on 2026-11-25 (EST, UTC-5).
    expect(reminder?.dueAt.toISOString()).toBe('2026-11-25T22:00:00.000Z');
    expect(reminder?.text.toLowerCase()).toContain('meds');
    const counts = await s.queue.counts('reminder.fire');
    expect(counts.delayed).toBeGreaterThanOrEqual(1);
  });

  it('breaks a task into small steps that start with a two-minute one', async () => {
    const p = await person();
    await say(p, 'break down clean the kitchen');
    const [parent] = await s.tasks.list(p.userId);
    const steps = (await s.tasks.steps([parent?.id ?? ''])).get(parent?.id ?? '') ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(7);
    expect(steps[0]?.title.toLowerCase()).toMatch(/2.minute|two.minute/);
  });

  it('turns the check-in answer into tasks', async () => {
    const p = await person();
    s.clock.at = new Date('2026-11-25T08:00:00Z'); // 09:00 in Paris
    expect(await s.assistant.checkIn(p.userId, s.clock.at)).toMatchObject({ kind: 'delivered' });
    await say(p, 'taxes, call mum, gym');
    expect(await openTitles(p.userId)).toHaveLength(3);
  });
});

describe('check-in follow-ups', () => {
  it('nudge once when the check-in is unanswered, and never after an answer or in quiet hours', async () => {
    const p = await person();
    const due = new Date('2026-11-26T08:00:00Z'); // 09:00 in Paris
    s.clock.at = due;
    await s.assistant.checkIn(p.userId, due);
    s.clock.at = new Date('2026-11-26T11:00:00Z');
    expect(await s.assistant.checkInFollowUp(p.userId, due)).toMatchObject({ kind: 'delivered' });
    expect(await s.assistant.checkInFollowUp(p.userId, due)).toMatchObject({ kind: 'delivered' }); // same message id: stored once
    const nudges = (await replies(p.conversationId)).filter((r) => r.body.includes('No pressure'));
    expect(nudges).toHaveLength(1);

    const q = await person();
    s.clock.at = due;
    await s.assistant.checkIn(q.userId, due);
    await say(q, 'taxes');
    s.clock.at = new Date('2026-11-26T11:00:00Z');
    expect(await s.assistant.checkInFollowUp(q.userId, due)).toEqual({ kind: 'skipped' });

    const r = await person();
    s.clock.at = due;
    await s.assistant.checkIn(r.userId, due);
    s.clock.at = new Date('2026-11-26T22:30:00Z'); // 23:30 in Paris: quiet
    expect(await s.assistant.checkInFollowUp(r.userId, due)).toEqual({ kind: 'skipped' });
  });
});

describe('delivering reminders', () => {
  it('delivers once, then finds nothing to do for the same or a stale job', async () => {
    const p = await person();
    s.clock.at = new Date('2026-11-25T10:00:00Z');
    await say(p, 'in 20 min check the laundry');
    const [reminder] = await s.reminders.upcoming(p.userId);
    s.clock.at = new Date('2026-11-25T10:20:00Z');
    expect(
      await s.assistant.deliverReminder(reminder?.id ?? '', reminder?.dueAt ?? new Date()),
    ).toMatchObject({
      kind: 'delivered',
    });
    // Its delivery path ran (in-app delivery recorded): the same job again, or a stale one, does nothing.
    await s.delivery.fired(
      { ...(reminder as NonNullable<typeof reminder>), alertDueAt: reminder?.dueAt ?? null },
      reminder?.dueAt ?? new Date(),
      'unused',
    );
    expect(await s.assistant.deliverReminder(reminder?.id ?? '', reminder?.dueAt ?? new Date())).toEqual({
      kind: 'skipped',
    });
    const bodies = (await replies(p.conversationId)).map((r) => r.body);
    expect(bodies.filter((b) => b.includes('laundry') && b.startsWith('⏰'))).toHaveLength(1);
    // "snooze 10" now targets the reminder that just fired.
    await say(p, 'snooze 10');
    const [moved] = await s.reminders.upcoming(p.userId);
    expect(moved?.dueAt.toISOString()).toBe('2026-11-25T10:30:00.000Z');
  });

  it('waits for the end of quiet hours', async () => {
    const p = await person();
    s.clock.at = new Date('2026-11-25T20:00:00Z');
    const reminder = await s.reminders.create(p.userId, {
      text: 'stretch',
      dueAt: new Date('2026-11-25T22:30:00Z'),
    });
    s.clock.at = new Date('2026-11-25T22:30:00Z'); // 23:30 in Paris: quiet until 08:00
    expect(await s.assistant.deliverReminder(reminder.id, reminder.dueAt)).toEqual({
      kind: 'deferred',
      until: new Date('2026-11-26T07:00:00Z'),
    });
    s.clock.at = new Date('2026-11-26T07:00:00Z');
    expect(await s.assistant.deliverReminder(reminder.id, reminder.dueAt)).toMatchObject({
      kind: 'delivered',
    });
  });

  it('moves a recurring reminder to its next occurrence after it fires', async () => {
    const p = await person({ quietStart: null, quietEnd: null });
    s.clock.at = new Date('2026-11-27T06:00:00Z'); // Friday 07:00 in Paris
    await say(p, 'every weekday at 8:00 stand-up');
    const [first] = await s.reminders.upcoming(p.userId);
    expect(first?.dueAt.toISOString()).toBe('2026-11-27T07:00:00.000Z');
    s.clock.at = new Date('2026-11-27T07:00:00Z');
    await s.assistant.deliverReminder(first?.id ?? '', first?.dueAt ?? new Date());
    const [next] = await s.reminders.upcoming(p.userId);
    expect(next?.dueAt.toISOString()).toBe('2026-11-30T07:00:00.000Z'); // Monday
  });
});

describe('delivering many reminders due at once', () => {
  /** Statements sent to PostgreSQL while `work` runs (counted at the driver, nothing replaced). */
  async function statements<T>(work: () => Promise<T>): Promise<{ result: T; count: number }> {
    const { Client } = await import('pg');
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const result = await work();
      return { result, count: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  async function dueTogether(people: number, perPerson: number, at: Date) {
    const made: { reminderId: string; dueAt: Date; userId: string; conversationId: string }[] = [];
    for (let i = 0; i < people; i++) {
      const p = await person({ quietStart: null, quietEnd: null });
      for (let k = 0; k < perPerson; k++) {
        const r = await s.reminders.create(p.userId, { text: `batch ${i}.${k}`, dueAt: at });
        made.push({ reminderId: r.id, dueAt: r.dueAt, userId: p.userId, conversationId: p.conversationId });
      }
    }
    return made;
  }

  it('costs the same few statements for 6 reminders or 60, and delivers each once', async () => {
    s.clock.at = new Date('2026-11-25T11:00:00Z');
    const due = new Date('2026-11-25T11:05:00Z');
    const small = await dueTogether(3, 2, due);
    const large = await dueTogether(20, 3, due);
    s.clock.at = due;
    const a = await statements(() => s.assistant.deliverReminders(small));
    const b = await statements(() => s.assistant.deliverReminders(large));
    expect(a.result.map((o) => o.kind)).toEqual(small.map(() => 'delivered'));
    expect(b.result.map((o) => o.kind)).toEqual(large.map(() => 'delivered'));
    expect(b.count).toBe(a.count);
    expect(b.count).toBeLessThanOrEqual(12);
    // Each reminder's message, once, in its person's conversation; dispatched and run again, nothing more.
    await s.delivery.firedMany(
      b.result.flatMap((o, i) =>
        o.kind === 'delivered' && o.reminder
          ? [{ reminder: o.reminder, occurrenceDueAt: large[i]?.dueAt as Date, messageId: o.message.id }]
          : [],
      ),
    );
    const again = await s.assistant.deliverReminders(large);
    expect(again.every((o) => o.kind === 'skipped')).toBe(true);
    for (const r of large.slice(0, 6)) {
      const bodies = (await replies(r.conversationId)).map((m) => m.body);
      expect(bodies.filter((x) => x.startsWith('⏰'))).toHaveLength(3);
    }
    const [count] = (await s.t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE client_id = ANY($1::text[])`,
      [large.map((r) => `reminder-${r.reminderId}-${r.dueAt.getTime()}`)],
    )) as { n: number }[];
    expect(count?.n).toBe(60);
  });

  it('resumes a firing whose delivery never ran (worker killed after the commit), once', async () => {
    s.clock.at = new Date('2026-11-25T14:00:00Z');
    const due = new Date('2026-11-25T14:05:00Z');
    const [r] = await dueTogether(1, 1, due);
    const item = { reminderId: r?.reminderId as string, dueAt: due };
    s.clock.at = due;
    const [first] = await s.assistant.deliverReminders([item]);
    // No delivery path ran (as if the worker died here): the retried job delivers it again, from
    // the same stored message.
    const [again] = await s.assistant.deliverReminders([item]);
    expect(first?.kind).toBe('delivered');
    expect(again).toEqual(first);
    if (again?.kind !== 'delivered' || !again.reminder) throw new Error('not delivered');
    await s.delivery.firedMany([
      { reminder: again.reminder, occurrenceDueAt: due, messageId: again.message.id },
    ]);
    expect(await s.assistant.deliverReminders([item])).toEqual([{ kind: 'skipped' }]);
    const bodies = (await replies(r?.conversationId as string)).map((m) => m.body);
    expect(bodies.filter((b) => b.startsWith('⏰'))).toHaveLength(1);
    const rows = (await s.t.runtime.dataSource.query(
      `SELECT step, channel FROM reminder_deliveries WHERE reminder_id = $1`,
      [item.reminderId],
    )) as { step: number; channel: string }[];
    expect(rows).toEqual([{ step: 0, channel: 'in_app' }]);
  });

  it('sorts out a mixed batch: quiet hours, cancelled, stale, listed twice, recurring, no conversation yet', async () => {
    s.clock.at = new Date('2026-11-25T12:00:00Z');
    const due = new Date('2026-11-25T12:10:00Z');
    const [plain, cancelled, twice, stale] = await dueTogether(4, 1, due);
    const night = await person({ timeZone: 'Pacific/Auckland' }); // 01:10 there: quiet until 08:00
    const quiet = await s.reminders.create(night.userId, { text: 'water plants', dueAt: due });
    const fresh = (
      (await s.t.runtime.dataSource.query(
        `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, 'x', 'New', 'UTC') RETURNING id`,
        [`new.${Date.now()}@example.test`],
      )) as { id: string }[]
    )[0]?.id as string;
    const homeless = await s.reminders.create(fresh, { text: 'first one', dueAt: due });
    const weekly = await person({ quietStart: null, quietEnd: null });
    s.clock.at = new Date('2026-11-25T12:00:00Z');
    await say(weekly, 'every day at 13:10 take the pill');
    const [daily] = await s.reminders.upcoming(weekly.userId);
    await s.reminders.cancel(cancelled?.userId as string, cancelled?.reminderId as string);
    const staleAt = new Date(due.getTime() - 60_000);
    s.clock.at = new Date('2026-11-25T12:10:00Z');
    const items = [
      plain,
      cancelled,
      twice,
      twice,
      { ...stale, dueAt: staleAt },
      { reminderId: quiet.id, dueAt: quiet.dueAt },
      { reminderId: homeless.id, dueAt: homeless.dueAt },
      { reminderId: daily?.id as string, dueAt: daily?.dueAt as Date },
    ].map((i) => ({ reminderId: i?.reminderId as string, dueAt: i?.dueAt as Date }));
    const outcomes = await s.assistant.deliverReminders(items);
    expect(outcomes.map((o) => o.kind)).toEqual([
      'delivered',
      'skipped', // cancelled
      'delivered',
      'skipped', // the same firing, listed twice
      'skipped', // a job for a time the reminder no longer has
      'deferred',
      'delivered', // into a new "Reminders and check-ins" conversation
      'delivered',
    ]);
    const [home] = (await s.t.runtime.dataSource.query(
      `SELECT c.title, count(m.id)::int AS n FROM conversations c JOIN messages m ON m.conversation_id = c.id
        WHERE c.user_id = $1 GROUP BY c.title`,
      [fresh],
    )) as { title: string; n: number }[];
    expect(home).toEqual({ title: 'Reminders and check-ins', n: 1 });
    const [next] = await s.reminders.upcoming(weekly.userId);
    expect(next?.dueAt.toISOString()).toBe('2026-11-26T12:10:00.000Z');
    // The stale job's reminder is still due at its own time.
    const [row] = (await s.t.runtime.dataSource.query(`SELECT status FROM reminders WHERE id = $1`, [
      stale?.reminderId,
    ])) as { status: string }[];
    expect(row?.status).toBe('scheduled');
  });
});

describe('jobs and reconciliation', () => {
  let workers: JobWorkers | undefined;
  afterEach(async () => {
    await workers?.stop(2000);
    workers = undefined;
  });

  it('answers through the real queue and workers', async () => {
    const p = await person();
    workers = createJobWorkers(s.t.runtime, { queue: s.queue });
    registerAssistantJobs({
      queue: s.queue,
      workers,
      assistant: s.assistant,
      logger: s.t.runtime.logger,
      now: () => s.clock.at.getTime(),
    });
    const { message } = await s.conversations.send(p.userId, {
      conversationId: p.conversationId,
      body: 'todo: renew passport',
      clientId: `q-${Date.now()}`,
    });
    await queueReply(s.queue, message.id);
    await queueReply(s.queue, message.id);
    await waitFor(
      () => replies(p.conversationId),
      (r) => r.length === 1,
    );
    expect(await openTitles(p.userId)).toEqual([expect.stringMatching(/passport/i)]);
  });

  it('re-creates missing jobs from PostgreSQL, and adds nothing when run again', async () => {
    const p = await person();
    s.clock.at = new Date('2026-11-25T10:00:00Z');
    // Written without its job, as after a Redis restart.
    const r = await s.reminders.create(p.userId, {
      text: 'call the bank',
      dueAt: new Date('2026-11-25T15:00:00Z'),
    });
    const before = (await s.queue.counts('reminder.fire')).delayed;
    const deps = {
      ds: s.t.runtime.dataSource,
      queue: s.queue,
      assistant: s.assistant,
      reminders: s.reminders,
      scheduler: s.scheduler,
      logger: s.t.runtime.logger,
      now: () => s.clock.at.getTime(),
    };
    const first = await reconcileAssistantJobs(deps);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    const after = (await s.queue.counts('reminder.fire')).delayed;
    expect(after).toBeGreaterThan(before);
    await reconcileAssistantJobs(deps);
    expect((await s.queue.counts('reminder.fire')).delayed).toBe(after);
    expect(r.status).toBe('scheduled');
  });
});

describe('after Redis loses the queue', () => {
  it('re-creates the jobs from PostgreSQL and delivers each reminder exactly once', async () => {
    const p = await person({ quietStart: null, quietEnd: null });
    s.clock.at = new Date('2026-11-25T12:00:00Z');
    const reminder = await s.reminders.create(p.userId, {
      text: 'drink water',
      dueAt: new Date(s.clock.at.getTime() + 800),
    });
    await s.reminders.committed(p.userId, [reminder]);
    // The queue is gone (a Redis restart without persistence): only PostgreSQL remembers.
    await deleteKeys(testServiceUrls().redisUrl, `${s.t.config.REDIS_KEY_PREFIX}bull`);
    expect((await s.queue.counts('reminder.fire')).delayed).toBe(0);
    const workers = createJobWorkers(s.t.runtime, { queue: s.queue });
    try {
      registerAssistantJobs({
        queue: s.queue,
        workers,
        assistant: s.assistant,
        logger: s.t.runtime.logger,
        now: () => s.clock.at.getTime(),
      });
      const deps = {
        ds: s.t.runtime.dataSource,
        queue: s.queue,
        assistant: s.assistant,
        reminders: s.reminders,
        scheduler: s.scheduler,
        logger: s.t.runtime.logger,
        now: () => s.clock.at.getTime(),
      };
      await reconcileAssistantJobs(deps);
      await reconcileAssistantJobs(deps); // a second worker starting at the same time
      const delivered = () =>
        s.t.runtime.dataSource.query(
          `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND body LIKE '⏰%drink water%'`,
          [p.conversationId],
        ) as Promise<{ n: number }[]>;
      await waitFor(delivered, (rows) => (rows[0]?.n ?? 0) >= 1, 10_000);
      await reconcileAssistantJobs(deps); // and once more after it fired
      await new Promise((r) => setTimeout(r, 1500));
      expect((await delivered())[0]?.n).toBe(1);
    } finally {
      await workers.stop(2000);
    }
  });
});

describe('a check-in follow-up lost with Redis’ data', () => {
  it('is re-queued by the sweep when owed, and delivered once, never twice', async () => {
    const ds = s.t.runtime.dataSource;
    const p = await person({ quietStart: null, quietEnd: null }); // does not answer: owed a follow-up
    const q = await person({ quietStart: null, quietEnd: null }); // answers: owed nothing
    s.clock.at = new Date('2026-11-25T12:00:00Z');
    const due = new Date('2026-11-25T08:00:00Z');
    for (const x of [p, q])
      expect(await s.assistant.checkIn(x.userId, due)).toMatchObject({ kind: 'delivered' });
    // Both check-ins went out 3 h ago (by the database's s.clock.at, which stamps messages); q answered since.
    await ds.query(
      `UPDATE messages SET created_at = created_at - interval '3 hours 1 minute'
        WHERE user_id = ANY($1) AND client_id LIKE 'checkin-%'`,
      [[p.userId, q.userId]],
    );
    await say(q, 'taxes, call mum');
    // Their follow-up jobs (queued 3 h ago) are gone with Redis' data.
    await deleteKeys(testServiceUrls().redisUrl, `${s.t.config.REDIS_KEY_PREFIX}bull`);

    const notified: string[] = [];
    const workers = createJobWorkers(s.t.runtime, { queue: s.queue });
    const deps = {
      ds,
      queue: s.queue,
      assistant: s.assistant,
      reminders: s.reminders,
      scheduler: s.scheduler,
      logger: s.t.runtime.logger,
      now: () => s.clock.at.getTime(),
    };
    const sweep = () => sweepAssistantJobs({ ...deps, lookbackMs: 24 * 60 * 60_000 });
    const followUps = async (userId: string) =>
      (
        (await ds.query(
          `SELECT count(*)::int AS n FROM messages WHERE user_id = $1 AND client_id LIKE 'checkin-followup-%'`,
          [userId],
        )) as { n: number }[]
      )[0]?.n ?? 0;
    try {
      registerAssistantJobs({
        queue: s.queue,
        workers,
        assistant: s.assistant,
        logger: s.t.runtime.logger,
        now: () => s.clock.at.getTime(),
        hooks: {
          notified: async (kind, message) => {
            if (kind === 'followup') notified.push(message.userId);
          },
        },
      });
      await Promise.all([sweep(), sweep()]); // two workers sweeping at once
      await waitFor(
        () => followUps(p.userId),
        (count) => count >= 1,
        10_000,
      );
      // Sent: later sweeps and a reconciliation find nothing owed.
      await sweep();
      await reconcileAssistantJobs(deps);
      await sweep();
      await new Promise((r) => setTimeout(r, 1500));
      expect(await followUps(p.userId)).toBe(1);
      expect(notified.filter((u) => u === p.userId)).toHaveLength(1);
      expect(await followUps(q.userId)).toBe(0);
    } finally {
      await workers.stop(2000);
    }
  });

  it('is re-queued for later by the reconciliation when not due yet', async () => {
    const p = await person({ quietStart: null, quietEnd: null });
    s.clock.at = new Date('2026-11-25T12:00:00Z');
    const due = new Date('2026-11-25T08:00:00Z');
    await s.assistant.checkIn(p.userId, due);
    await deleteKeys(testServiceUrls().redisUrl, `${s.t.config.REDIS_KEY_PREFIX}bull`);
    await reconcileAssistantJobs({
      ds: s.t.runtime.dataSource,
      queue: s.queue,
      assistant: s.assistant,
      reminders: s.reminders,
      scheduler: s.scheduler,
      logger: s.t.runtime.logger,
      now: () => s.clock.at.getTime(),
    });
    // Delayed until 3 h after the check-in went out (just now), under the normal path's job id.
    const jobId = `checkin-followup-${p.userId}-${due.getTime()}`;
    const delay = Number(await s.t.runtime.redis?.hget(`bull:checkin.followup:${jobId}`, 'delay'));
    expect(delay).toBeGreaterThan(3 * 60 * 60_000 - 60_000);
    expect(delay).toBeLessThanOrEqual(3 * 60 * 60_000);
  });
});

// Keeps the author enum import honest (the assistant writes as the assistant).
test('assistant messages are authored by the assistant', async () => {
  const p = await person();
  await say(p, 'hi');
  const rows = (await s.t.runtime.dataSource.query(
    `SELECT author FROM messages WHERE conversation_id = $1 ORDER BY created_at`,
    [p.conversationId],
  )) as { author: string }[];
  expect(rows.map((r) => r.author)).toEqual([AuthorEnum.USER, AuthorEnum.ASSISTANT]);
});

describe('how people actually write (issue #18)', () => {
  beforeEach(() => {
    // Wed 25 Nov 2026, 11:00 in Paris.
    s.clock.at = new Date('2026-11-25T10:00:00Z');
  });

  async function scheduled(userId: string) {
    return (await s.t.runtime.dataSource.query(
      `SELECT id, text, due_at FROM reminders WHERE user_id = $1 AND status = 'scheduled' AND kind = 'reminder' ORDER BY created_at`,
      [userId],
    )) as { id: string; text: string; due_at: Date }[];
  }

  it('changes the reminder it just set when corrected in words, instead of making another', async () => {
    const p = await person();
    await say(p, 'remind me at 5pm to call the vet');
    const [first] = await scheduled(p.userId);
    expect(first?.due_at.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    await say(p, 'no, make it 6');
    await say(p, 'rename that to call the vet about Luna');
    const after = await scheduled(p.userId);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(first?.id);
    expect(after[0]?.due_at.toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(after[0]?.text).toBe('call the vet about Luna');
    expect(await openTitles(p.userId)).toEqual([]);
  });

  it('deletes the last reminder on "delete the last one"', async () => {
    const p = await person();
    await say(p, 'remind me tomorrow at 9am to water the plants');
    await say(p, 'delete the last one');
    expect(await scheduled(p.userId)).toEqual([]);
  });

  it('answers a French-locale person in French, and files their appointment with a reminder before it', async () => {
    const p = await person();
    await s.t.runtime.dataSource.query(`UPDATE preferences SET locale = 'fr' WHERE user_id = $1`, [p.userId]);
    await say(p, 'rdv dentiste demain 14h30');
    const [r] = await scheduled(p.userId);
    // An hour before 14:30 on Thu 26 Nov in Paris (UTC+1).
    expect(r?.due_at.toISOString()).toBe('2026-11-26T12:30:00.000Z');
    expect(r?.text).toBe('Dentiste à 14h30');
    const bodies = (await replies(p.conversationId)).map((x) => x.body);
    expect(bodies.at(-1)).toBe("C'est noté : « Dentiste » demain à 14h30. Je te le rappelle 1h avant.");
  });

  it('never files a feeling as a task, but keeps the task said with it', async () => {
    const p = await person();
    await say(p, "i'm drowning");
    expect(await openTitles(p.userId)).toEqual([]);
    await say(p, "forgot the gas bill and now there's a fee, I'm hopeless");
    expect(await openTitles(p.userId)).toEqual(['Pay the gas bill']);
  });

  it('keeps a deadline as the task due date, not in its title', async () => {
    const p = await person();
    await say(p, 'finish the report by friday');
    const [row] = (await s.t.runtime.dataSource.query(`SELECT title, due_at FROM tasks WHERE user_id = $1`, [
      p.userId,
    ])) as { title: string; due_at: Date }[];
    expect(row?.title).toBe('Finish the report');
    // Fri 27 Nov 2026, 23:59 in Paris.
    expect(row?.due_at.toISOString()).toBe('2026-11-27T22:59:00.000Z');
  });
});

describe('the model path (ASSISTANT_LLM_URL)', () => {
  it('answers only a premium person (assistant:advanced:own) through the model; others get the built-in brain', async () => {
    // A local OpenAI-compatible stand-in: captures the message as a task and says it was there.
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as { messages: { content: string }[] };
        const said = body.messages[body.messages.length - 1]?.content ?? '';
        const content = JSON.stringify({
          text: `(model) ${said}`,
          intent: 'capture',
          actions: [{ type: 'createTasks', titles: [`Model: ${said}`] }],
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const builtIn = new BuiltInBrain();
      const gated = new AssistantService(
        s.t.runtime.dataSource,
        new GatedBrain({
          advanced: new OpenAiCompatibleBrain({
            baseUrl: `http://127.0.0.1:${port}/v1`,
            model: 'stand-in',
            timeoutMs: 5000,
            fallback: builtIn,
          }),
          basic: builtIn,
        }),
        s.conversations,
        s.tasks,
        s.reminders,
        s.t.runtime.logger,
        () => s.clock.at,
      );
      const premium = await person();
      await s.t.runtime.dataSource.query(
        `INSERT INTO user_roles (user_id, role) VALUES ($1, 'premium')
         ON CONFLICT (user_id) DO UPDATE SET role = 'premium'`,
        [premium.userId],
      );
      const plain = await person();
      for (const p of [premium, plain]) {
        const { message } = await s.conversations.send(p.userId, {
          conversationId: p.conversationId,
          body: 'buy milk',
          clientId: `gate-${p.userId}`,
        });
        await gated.respond(message.id);
      }
      expect(await openTitles(premium.userId)).toEqual(['Model: buy milk']);
      expect(await openTitles(plain.userId)).toEqual(['Buy milk']);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
