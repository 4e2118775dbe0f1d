import { ChannelEnum, ConversationService } from '@pa/server-conversations';
import { createJobQueue, type JobName, type JobPayloads, type JobQueue } from '@pa/server-jobs';
import { createTestRuntime, type TestRuntime } from '@pa/server-testing';
import { BuiltInBrain } from '../brain';
import { AssistantService } from '../assistant.service';
import { TaskService } from '../task.service';
import { ReminderService } from '../reminder.service';
import { QueueReminderScheduler } from '../assistant.jobs';
import { ActionTokens } from './action-token';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderAlertService } from './reminder-alert.service';
import { ReminderActionEnum } from './delivery.types';
import { assistantTestParts as parts } from '../testing/assistant-stack';

// The clock of every service under test; PostgreSQL, Redis and the job queue are real.
let clock = new Date('2026-12-01T09:00:00Z');
const now = () => clock;
const at = (iso: string) => {
  clock = new Date(iso);
  return clock;
};

/**
 * The real queue, with what was queued kept in view: delayed jobs run here when the test's clock
 * reaches their time (BullMQ's delays follow the wall clock, not this one). Same job id, one job.
 */
class ClockedQueue {
  readonly jobs = new Map<
    string,
    { payload: JobPayloads['reminder.escalate']; runAt: number; ran: boolean }
  >();
  constructor(private readonly real: JobQueue) {}
  get queue(): JobQueue {
    return {
      backend: this.real.backend,
      enqueue: async <N extends JobName>(
        name: N,
        payload: JobPayloads[N],
        options?: { jobId?: string; delayMs?: number },
      ) => {
        const out = await this.real.enqueue(name, payload, options);
        if (name === 'reminder.escalate' && !this.jobs.has(out.jobId))
          this.jobs.set(out.jobId, {
            payload: payload as JobPayloads['reminder.escalate'],
            runAt: clock.getTime() + (options?.delayMs ?? 0),
            ran: false,
          });
        return out;
      },
      counts: (n) => this.real.counts(n),
      listFailed: (n, l) => this.real.listFailed(n, l),
      forget: (n, x) => this.real.forget(n, x),
      observe: (n) => this.real.observe(n),
      close: () => this.real.close(),
    };
  }
}

interface Stack {
  t: TestRuntime;
  real: JobQueue;
  clocked: ClockedQueue;
  conversations: ConversationService;
  reminders: ReminderService;
  assistant: AssistantService;
  delivery: ReminderDeliveryService;
  alerts: ReminderAlertService;
}

let s: Stack;
beforeAll(async () => {
  const t = await createTestRuntime(parts, { JOBS_BACKOFF_MS: '50' });
  const real = createJobQueue(t.runtime);
  const clocked = new ClockedQueue(real);
  const ds = t.runtime.dataSource;
  const conversations = new ConversationService(ds, t.runtime.pubSub);
  const reminders = new ReminderService(
    ds,
    t.runtime.pubSub,
    new QueueReminderScheduler(clocked.queue, () => clock.getTime()),
    now,
  );
  const assistant = new AssistantService(
    ds,
    new BuiltInBrain(),
    conversations,
    new TaskService(ds, t.runtime.pubSub),
    reminders,
    t.runtime.logger,
    now,
  );
  // No push or SMS port: every nudge is an in-app delivery (a row and an alert to open apps).
  const delivery = new ReminderDeliveryService(
    ds,
    t.runtime.pubSub,
    clocked.queue,
    {},
    new ActionTokens('x'.repeat(40), 'tests', now),
    t.runtime.logger,
    now,
  );
  const alerts = new ReminderAlertService(
    ds,
    t.runtime.pubSub,
    reminders,
    new ActionTokens('x'.repeat(40), 'tests', now),
    now,
  );
  s = { t, real, clocked, conversations, reminders, assistant, delivery, alerts };
});
afterAll(async () => {
  await s.real.close();
  await s.t.cleanup();
});

let n = 0;
async function person(
  options: { quiet?: [string, string]; ladder?: number[]; channel?: ChannelEnum } = {},
): Promise<{ userId: string; conversationId: string }> {
  n += 1;
  const ds = s.t.runtime.dataSource;
  const [u] = (await ds.query(
    `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, 'x', 'Sam', 'UTC') RETURNING id`,
    [`answers${n}.${Date.now()}@example.test`],
  )) as { id: string }[];
  const userId = u?.id ?? '';
  await ds.query(
    `INSERT INTO preferences (user_id, quiet_hours_start, quiet_hours_end, escalation, assistant_tone)
     VALUES ($1, $2, $3, $4, 'direct')`,
    [
      userId,
      options.quiet?.[0] ?? null,
      options.quiet?.[1] ?? null,
      JSON.stringify((options.ladder ?? [5, 15]).map((afterMinutes) => ({ afterMinutes, channel: 'push' }))),
    ],
  );
  const conversation = await s.conversations.create(userId, 'Chat', options.channel ?? ChannelEnum.WEB);
  return { userId, conversationId: conversation.id };
}

async function createReminder(
  p: { userId: string; conversationId: string },
  text: string,
  dueAt: Date,
  recurrence: { kind: 'daily'; time: string } | null = null,
): Promise<string> {
  const r = await s.reminders.create(p.userId, { text, dueAt, recurrence, conversationId: p.conversationId });
  return r.id;
}

/** The fire job at the reminder's time, then the delivery path (as the worker runs them). */
async function fire(id: string, dueAt: Date): Promise<void> {
  clock = dueAt;
  const outcome = await s.assistant.deliverReminder(id, dueAt);
  if (outcome.kind !== 'delivered' || !outcome.reminder) throw new Error(`not delivered: ${outcome.kind}`);
  await s.delivery.fired(outcome.reminder, dueAt, outcome.message.id);
}

/** Runs one reminder's escalation jobs whose time has come on the test's clock, in time order (bounded). */
async function runDueEscalations(reminderId: string): Promise<number> {
  let ran = 0;
  for (let i = 0; i < 50; i++) {
    const next = [...s.clocked.jobs.values()]
      .filter((j) => j.payload.reminderId === reminderId && !j.ran && j.runAt <= clock.getTime())
      .sort((a, b) => a.runAt - b.runAt)[0];
    if (!next) return ran;
    next.ran = true;
    await s.delivery.escalate(next.payload);
    ran += 1;
  }
  throw new Error('escalation jobs kept coming');
}

async function say(p: { userId: string; conversationId: string }, body: string): Promise<string> {
  n += 1;
  const { message } = await s.conversations.send(p.userId, {
    conversationId: p.conversationId,
    body,
    clientId: `answer-${Date.now()}-${n}`,
  });
  const reply = await s.assistant.respond(message.id);
  return reply?.body ?? '';
}

const nudges = async (reminderId: string) =>
  (await s.t.runtime.dataSource.query(
    `SELECT step, channel, action FROM reminder_deliveries WHERE reminder_id = $1 AND step > 0 ORDER BY step`,
    [reminderId],
  )) as { step: number; channel: string; action: string | null }[];

const reminderRow = async (id: string) =>
  (
    (await s.t.runtime.dataSource.query(
      `SELECT status, due_at, alert_due_at, acknowledged_at FROM reminders WHERE id = $1`,
      [id],
    )) as { status: string; due_at: Date; alert_due_at: Date | null; acknowledged_at: Date | null }[]
  )[0];

/** The reminderAlerts events of one reminder, from now on. */
function listen(reminderId: string): { events: string[]; stop: () => Promise<void> } {
  const events: string[] = [];
  const it = s.t.runtime.pubSub.subscribe('reminderAlerts')[Symbol.asyncIterator]();
  const loop = (async () => {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      if (next.value.reminderId === reminderId) events.push(next.value.event);
    }
  })();
  return {
    events,
    stop: async () => {
      await it.return?.();
      await loop;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('answering a ringing reminder in chat or by SMS', () => {
  it('a bare "ok, done" answers a ringing RECURRING reminder: its nudges stop and every app drops the alert', async () => {
    const p = await person({ ladder: [5, 15] });
    at('2026-12-01T08:50:00Z');
    const id = await createReminder(p, 'take my meds', new Date('2026-12-01T09:00:00Z'), {
      kind: 'daily',
      time: '09:00',
    });
    await fire(id, new Date('2026-12-01T09:00:00Z'));
    const alerts = listen(id);
    at('2026-12-01T09:02:00Z');
    const reply = await say(p, 'Ok, done ✅');
    expect(reply).toMatch(/^Done: "take my meds"\. Next: /);
    const row = await reminderRow(id);
    expect(row?.alert_due_at).toBeNull();
    expect(row?.status).toBe('scheduled');
    expect(row?.due_at.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    const acks = (await s.t.runtime.dataSource.query(
      `SELECT action FROM reminder_deliveries WHERE reminder_id = $1 AND step = 0`,
      [id],
    )) as { action: string }[];
    expect(acks).toEqual([{ action: 'done' }]);
    await settle();
    // The firing's own DUE may reach a listener that subscribed just after it (Redis pub/sub delivers
    // asynchronously, and publishes leave in batches): nothing but the answer comes after it.
    expect(alerts.events.filter((e, i) => !(i === 0 && e === 'due'))).toEqual(['acknowledged']);
    await alerts.stop();
    // The ladder's next steps find it answered and nudge nothing.
    at('2026-12-01T09:30:00Z');
    await runDueEscalations(id);
    expect(await nudges(id)).toEqual([]);
  });

  it.each([
    ['c’est fait !', 'done'],
    ['FAIT.', 'done'],
    ['snooze 10', 'snoozed'],
    ['plus tard', 'snoozed'],
  ])('by SMS, %j answers the most recent ringing reminder (%s)', async (text, action) => {
    const p = await person({ channel: ChannelEnum.SMS });
    at('2026-12-01T08:00:00Z');
    const older = await createReminder(p, 'water plants', new Date('2026-12-01T08:30:00Z'));
    const newer = await createReminder(p, 'call the bank', new Date('2026-12-01T08:45:00Z'));
    await fire(older, new Date('2026-12-01T08:30:00Z'));
    await fire(newer, new Date('2026-12-01T08:45:00Z'));
    at('2026-12-01T08:46:00Z');
    const reply = await say(p, text);
    expect(reply).toContain('"call the bank"');
    const answered = await reminderRow(newer);
    expect(answered?.alert_due_at).toBeNull();
    // The older one still rings.
    expect((await reminderRow(older))?.alert_due_at).not.toBeNull();
    if (action === 'snoozed') {
      expect(answered?.status).toBe('scheduled');
      expect(answered?.due_at.toISOString()).toBe('2026-12-01T08:56:00.000Z');
      expect(reply).toMatch(/until 08:56|until 8:56/);
    } else {
      expect(answered?.status).toBe('delivered');
    }
    const rows = (await s.t.runtime.dataSource.query(
      `SELECT DISTINCT action FROM reminder_deliveries WHERE reminder_id = $1`,
      [newer],
    )) as { action: string }[];
    expect(rows).toEqual([{ action }]);
  });

  it('with nothing ringing, "done" and "snooze" are read as before', async () => {
    const p = await person();
    at('2026-12-01T10:00:00Z');
    expect(await say(p, 'done')).toBe('Nothing open.');
    expect(await say(p, 'snooze 10')).toBe('No reminder to snooze right now.');
    // An answered reminder no longer rings: a second "done" does not touch it again.
    const id = await createReminder(p, 'stretch', new Date('2026-12-01T10:05:00Z'));
    await fire(id, new Date('2026-12-01T10:05:00Z'));
    expect(await say(p, 'done')).toBe('Done: "stretch".');
    const first = (await reminderRow(id))?.acknowledged_at;
    at('2026-12-01T10:20:00Z');
    await say(p, 'done');
    expect((await reminderRow(id))?.acknowledged_at?.getTime()).toBe(first?.getTime());
  });
});

describe('quiet hours and the escalation ladder', () => {
  it('at the end of quiet hours, one nudge per firing (the latest step held), never a burst', async () => {
    const ladder = [5, 15, 30, 45];
    const p = await person({ quiet: ['22:00', '07:00'], ladder });
    at('2026-12-01T21:40:00Z');
    const id = await createReminder(p, 'lock the door', new Date('2026-12-01T21:50:00Z'));
    await fire(id, new Date('2026-12-01T21:50:00Z'));
    at('2026-12-01T21:55:00Z');
    expect(await runDueEscalations(id)).toBe(1);
    expect((await nudges(id)).map((d) => d.step)).toEqual([1]);
    // 22:05: step 2 is held by quiet hours, and nothing else is queued behind it.
    at('2026-12-01T22:05:00Z');
    await runDueEscalations(id);
    expect((await nudges(id)).map((d) => d.step)).toEqual([1]);
    const alerts = listen(id);
    at('2026-12-02T07:00:00Z');
    await runDueEscalations(id);
    await settle();
    // Steps 2, 3 and 4 all fell due in the night: only the latest is sent, once.
    expect((await nudges(id)).map((d) => d.step)).toEqual([1, 4]);
    expect(alerts.events).toEqual(['due']);
    await alerts.stop();
    at('2026-12-02T09:00:00Z');
    await runDueEscalations(id);
    expect((await nudges(id)).length).toBeLessThanOrEqual(ladder.length);
    expect((await nudges(id)).map((d) => d.step)).toEqual([1, 4]);
  });

  it('a step held by quiet hours with later steps still ahead goes on with the ladder from there', async () => {
    const p = await person({ quiet: ['22:00', '07:00'], ladder: [5, 600, 700] });
    at('2026-12-01T21:55:00Z');
    const id = await createReminder(p, 'charge the phone', new Date('2026-12-01T21:58:00Z'));
    await fire(id, new Date('2026-12-01T21:58:00Z'));
    at('2026-12-02T07:00:00Z');
    await runDueEscalations(id);
    // 21:58 + 600 min = 07:58: step 2 is still ahead, so step 1 is the one sent at 07:00.
    expect((await nudges(id)).map((d) => d.step)).toEqual([1]);
    at('2026-12-02T08:00:00Z');
    await runDueEscalations(id);
    expect((await nudges(id)).map((d) => d.step)).toEqual([1, 2]);
  });
});

describe('check-ins ring in the open app like reminders', () => {
  async function checkIn(p: { userId: string }, iso: string): Promise<string> {
    const due = at(iso);
    const outcome = await s.assistant.checkIn(p.userId, due);
    if (outcome.kind !== 'delivered') throw new Error(`check-in not delivered: ${outcome.kind}`);
    return (await s.delivery.checkInDelivered(outcome.message.id)) ?? 'none';
  }
  const deliveriesOf = async (id: string) =>
    (await s.t.runtime.dataSource.query(
      `SELECT occurrence_due_at, step, channel, action FROM reminder_deliveries WHERE reminder_id = $1
        ORDER BY occurrence_due_at`,
      [id],
    )) as { occurrence_due_at: Date; step: number; channel: string; action: string | null }[];

  it('a check-in raises the alert (recorded as an in-app delivery), Open answers it everywhere, the next day it rings again', async () => {
    const p = await person();
    await s.t.runtime.dataSource.query(`UPDATE preferences SET check_in_time = '09:00' WHERE user_id = $1`, [
      p.userId,
    ]);
    const events: string[] = [];
    const it = s.t.runtime.pubSub.subscribe('reminderAlerts')[Symbol.asyncIterator]();
    const loop = (async () => {
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        if (next.value.userId === p.userId) events.push(next.value.event);
      }
    })();
    const id = await checkIn(p, '2026-12-03T09:00:00Z');
    // Run twice (a retried job): one alert row, one delivery.
    const again = await s.assistant.checkIn(p.userId, clock);
    if (again.kind === 'delivered') expect(await s.delivery.checkInDelivered(again.message.id)).toBe(id);
    const due = await s.alerts.due(p.userId);
    expect(due.map((r) => [r.id, r.kind, r.text])).toEqual([
      [id, 'checkin', 'Check-in: what matters most today?'],
    ]);
    expect((await deliveriesOf(id)).map((d) => [d.step, d.channel, d.action])).toEqual([[0, 'in_app', null]]);
    // A short "ok done" is for reminders: with only a check-in ringing, it does not answer the check-in.
    expect(await say(p, 'snooze 10')).toBe('No reminder to snooze right now.');
    expect((await s.alerts.due(p.userId)).length).toBe(1);

    at('2026-12-03T09:03:00Z');
    const opened = await s.alerts.acknowledge(p.userId, id, ReminderActionEnum.OPENED, {
      clientId: 'checkin-open-1',
    });
    expect(opened.acknowledgedAt).not.toBeNull();
    expect(await s.alerts.due(p.userId)).toEqual([]);
    expect((await deliveriesOf(id)).map((d) => d.action)).toEqual(['opened']);
    // Snoozing a check-in answers it and never turns it into a timed reminder.
    const next = await checkIn(p, '2026-12-04T09:00:00Z');
    expect(next).toBe(id);
    expect((await s.alerts.due(p.userId)).map((r) => r.id)).toEqual([id]);
    const snoozed = await s.alerts.acknowledge(p.userId, id, ReminderActionEnum.SNOOZED);
    expect(snoozed.status).toBe('delivered');
    expect(await s.alerts.due(p.userId)).toEqual([]);
    expect((await deliveriesOf(id)).map((d) => d.action)).toEqual(['opened', 'snoozed']);
    // Answering the check-in in the chat answers its alert too.
    await checkIn(p, '2026-12-05T09:00:00Z');
    at('2026-12-05T09:01:00Z');
    await say(p, 'taxes, call mum, gym');
    expect(await s.alerts.due(p.userId)).toEqual([]);
    expect((await deliveriesOf(id)).map((d) => d.action)).toEqual(['opened', 'snoozed', 'opened']);
    await settle();
    expect(events).toEqual(['due', 'due', 'acknowledged', 'due', 'acknowledged', 'due', 'acknowledged']);
    await it.return?.();
    await loop;
  });
});
