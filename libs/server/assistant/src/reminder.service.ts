import type { DataSource, EntityManager } from 'typeorm';
import { TASK_TITLE_MAX, limitsOf, isRole } from '@pa/shared-domain';
import { isUuid, type PubSub } from '@pa/server-core';
import { Reminder, ReminderKindEnum, ReminderStatusEnum } from './reminder.entity';
import { AssistantErrorCode, assistantError } from './assistant.errors';
import type { RecurrenceRule } from './schedule/recurrence';
import type { ReminderActionEnum } from './delivery/delivery.types';
import './assistant.topics';
import './delivery/delivery.topics';

export const REMINDER_COLUMNS = `id, user_id, conversation_id, task_id, kind, text, due_at, recurrence, status, delivered_at, alert_due_at, acknowledged_at, created_at`;
type Db = DataSource | EntityManager;

export interface ReminderRow {
  id: string;
  user_id: string;
  conversation_id: string | null;
  task_id: string | null;
  kind: ReminderKindEnum;
  text: string;
  due_at: Date;
  recurrence: RecurrenceRule | null;
  status: ReminderStatusEnum;
  delivered_at: Date | null;
  alert_due_at: Date | null;
  acknowledged_at: Date | null;
  created_at: Date;
}

export const toReminder = (r: ReminderRow): Reminder =>
  Object.assign(new Reminder(), {
    id: r.id,
    userId: r.user_id,
    conversationId: r.conversation_id,
    taskId: r.task_id,
    kind: r.kind,
    text: r.text,
    dueAt: r.due_at,
    recurrence: r.recurrence,
    status: r.status,
    deliveredAt: r.delivered_at,
    alertDueAt: r.alert_due_at,
    acknowledgedAt: r.acknowledged_at,
    createdAt: r.created_at,
  });

/** Where reminder jobs are (re)scheduled: the job queue in the product, keyed by reminder and time. */
export interface ReminderScheduler {
  schedule(reminder: Pick<Reminder, 'id' | 'userId' | 'dueAt'>): Promise<void>;
}

export interface NewReminder {
  text: string;
  dueAt: Date;
  recurrence?: RecurrenceRule | null;
  kind?: ReminderKindEnum;
  conversationId?: string | null;
  taskId?: string | null;
}

/**
 * Reminders, scoped by owner. PostgreSQL is the truth: a job only says "look at reminder X due at T";
 * delivery re-reads the row, so a moved, snoozed or cancelled reminder never fires from a stale job.
 * Writes take an optional transaction; `schedule` runs after commit.
 */
/** An answer to a firing, committed: by its buttons, a notification, or "done" / "snooze" in chat or SMS. */
export interface ReminderAnswer {
  reminder: Reminder;
  action: ReminderActionEnum;
  /** The firing that was answered. */
  occurrence: Date;
}

export class ReminderService {
  /** Called after any answer to a firing commits, whatever answered it (e.g. webhook events). Must not throw. */
  readonly acknowledged: ((reminder: Reminder, action: ReminderActionEnum, occurrence: Date) => void)[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly pubSub: PubSub,
    private readonly scheduler: ReminderScheduler,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Scheduled reminders, soonest first. */
  async upcoming(userId: string, db: Db = this.ds, limit = 100): Promise<Reminder[]> {
    const rows = (await db.query(
      `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE user_id = $1 AND status = 'scheduled' ORDER BY due_at, id LIMIT $2`,
      [userId, limit],
    )) as ReminderRow[];
    return rows.map(toReminder);
  }

  async get(userId: string, id: string, db: Db = this.ds): Promise<Reminder> {
    const rows = isUuid(id)
      ? ((await db.query(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1 AND user_id = $2`, [
          id,
          userId,
        ])) as ReminderRow[])
      : [];
    if (!rows[0]) throw assistantError(AssistantErrorCode.REMINDER_NOT_FOUND);
    return toReminder(rows[0]);
  }

  /** Creates a reminder within the person's plan (active reminders and recurring ones are limited). */
  async create(userId: string, input: NewReminder, db: Db = this.ds): Promise<Reminder> {
    const text = input.text.replace(/\s+/g, ' ').trim();
    if (text.length === 0 || [...text].length > TASK_TITLE_MAX || Number.isNaN(input.dueAt.getTime()))
      throw assistantError(AssistantErrorCode.INVALID_REMINDER);
    if (input.dueAt.getTime() < this.now().getTime() - 60_000)
      throw assistantError(AssistantErrorCode.INVALID_REMINDER);
    const [counts] = (await db.query(
      `SELECT COALESCE(ur.role, 'user') AS role,
              (SELECT count(*)::int FROM reminders WHERE user_id = $1 AND status = 'scheduled') AS active,
              (SELECT count(*)::int FROM reminders WHERE user_id = $1 AND status = 'scheduled' AND recurrence IS NOT NULL) AS recurring
         FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as { role: string; active: number; recurring: number }[];
    const limits = limitsOf(isRole(counts?.role) ? counts.role : 'user');
    if (
      (counts?.active ?? 0) >= limits.activeReminders ||
      (input.recurrence && (counts?.recurring ?? 0) >= limits.recurringReminders)
    )
      throw assistantError(AssistantErrorCode.REMINDER_LIMIT);
    const rows = (await db.query(
      `INSERT INTO reminders (user_id, conversation_id, task_id, kind, text, due_at, recurrence)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${REMINDER_COLUMNS}`,
      [
        userId,
        input.conversationId ?? null,
        input.taskId ?? null,
        input.kind ?? ReminderKindEnum.REMINDER,
        text,
        input.dueAt,
        input.recurrence ? JSON.stringify(input.recurrence) : null,
      ],
    )) as ReminderRow[];
    return toReminder(rows[0] as ReminderRow);
  }

  /**
   * Moves a reminder (snooze, or the next occurrence of a recurring one) and keeps it scheduled. A
   * snooze by the person (`acknowledge`) also answers the firing waiting for them: its nudges stop.
   */
  async moveTo(
    userId: string,
    id: string,
    dueAt: Date,
    db: Db = this.ds,
    options: { acknowledge?: boolean } = {},
  ): Promise<Reminder> {
    if (options.acknowledge && isUuid(id))
      await db.query(
        `UPDATE reminder_deliveries d SET acknowledged_at = now(), action = 'snoozed'
           FROM reminders r WHERE r.id = $1 AND r.user_id = $2 AND d.reminder_id = r.id
            AND d.occurrence_due_at = r.alert_due_at AND d.acknowledged_at IS NULL`,
        [id, userId],
      );
    const [rows] = isUuid(id)
      ? ((await db.query(
          `UPDATE reminders SET due_at = $3, status = 'scheduled', updated_at = now(),
                  acknowledged_at = CASE WHEN $4 AND alert_due_at IS NOT NULL THEN now() ELSE acknowledged_at END,
                  alert_due_at = CASE WHEN $4 THEN NULL ELSE alert_due_at END
            WHERE id = $1 AND user_id = $2 AND status <> 'cancelled' AND kind <> 'checkin' RETURNING ${REMINDER_COLUMNS}`,
          [id, userId, dueAt, options.acknowledge === true],
        )) as [ReminderRow[], number])
      : [[] as ReminderRow[]];
    if (!rows[0]) throw assistantError(AssistantErrorCode.REMINDER_NOT_FOUND);
    return toReminder(rows[0]);
  }

  /** A new text for a scheduled reminder ("rename that to…"). */
  async rename(userId: string, id: string, text: string, db: Db = this.ds): Promise<Reminder> {
    const [rows] = isUuid(id)
      ? ((await db.query(
          `UPDATE reminders SET text = $3, updated_at = now()
            WHERE id = $1 AND user_id = $2 AND status = 'scheduled' RETURNING ${REMINDER_COLUMNS}`,
          [id, userId, text.slice(0, 500)],
        )) as [ReminderRow[], number])
      : [[] as ReminderRow[]];
    if (!rows[0]) throw assistantError(AssistantErrorCode.REMINDER_NOT_FOUND);
    return toReminder(rows[0]);
  }

  async cancel(userId: string, id: string, db: Db = this.ds): Promise<Reminder> {
    const [rows] = isUuid(id)
      ? ((await db.query(
          `UPDATE reminders SET status = 'cancelled', alert_due_at = NULL, updated_at = now()
            WHERE id = $1 AND user_id = $2 AND kind <> 'checkin' RETURNING ${REMINDER_COLUMNS}`,
          [id, userId],
        )) as [ReminderRow[], number])
      : [[] as ReminderRow[]];
    if (!rows[0]) throw assistantError(AssistantErrorCode.REMINDER_NOT_FOUND);
    return toReminder(rows[0]);
  }

  /**
   * The firings of the second ending at `end` (the job of that second delivers them together): the
   * reminders due in (end − 1 s, end], and that second's firings whose delivery was interrupted
   * (claimed and stored, no in-app delivery recorded: a worker killed mid-batch; deliverReminders
   * resumes them). At most `limit`, the soonest first.
   */
  async dueInSecond(end: Date, limit: number): Promise<{ reminderId: string; dueAt: Date }[]> {
    const start = new Date(end.getTime() - 1000);
    const rows = (await this.ds.query(
      `(SELECT id, due_at AS due FROM reminders
         WHERE status = 'scheduled' AND due_at > $1 AND due_at <= $2)
       UNION ALL
       (SELECT r.id, r.alert_due_at FROM reminders r
         WHERE r.alert_due_at > $1 AND r.alert_due_at <= $2 AND r.status <> 'cancelled' AND r.kind <> 'checkin'
           AND NOT EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.reminder_id = r.id
                             AND d.occurrence_due_at = r.alert_due_at AND d.step = 0 AND d.channel = 'in_app'))
       ORDER BY due, id LIMIT $3`,
      [start, end, limit],
    )) as { id: string; due: Date }[];
    return rows.map((r) => ({ reminderId: r.id, dueAt: new Date(r.due) }));
  }

  /**
   * Claims due reminders for delivery, once, in one statement: only the job for a reminder's current
   * time and status wins (a retried or stale job finds nothing; one listed twice is claimed once).
   * One-off reminders become delivered; recurring ones stay scheduled (the caller moves them on).
   * Each now awaits acknowledgement of this firing. The claimed ones come back, in no order.
   */
  async claimDueMany(items: { reminderId: string; dueAt: Date }[], m: EntityManager): Promise<Reminder[]> {
    if (items.length === 0) return [];
    const [rows] = (await m.query(
      `UPDATE reminders r SET delivered_at = now(), alert_due_at = t.due, acknowledged_at = NULL, updated_at = now(),
              status = CASE WHEN r.recurrence IS NULL THEN 'delivered' ELSE r.status END
         FROM (SELECT DISTINCT id, due FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, due)) t
        WHERE r.id = ANY($1::uuid[]) AND r.id = t.id AND r.status = 'scheduled' AND r.due_at = t.due
        RETURNING ${REMINDER_COLUMNS.split(', ')
          .map((c) => `r.${c}`)
          .join(', ')}`,
      [items.map((i) => i.reminderId), items.map((i) => i.dueAt)],
    )) as [ReminderRow[], number];
    return rows.map(toReminder);
  }

  /** Moves fired recurring reminders to their next occurrence (the `moveTo` of many), in one statement. */
  async rescheduleMany(items: { id: string; dueAt: Date }[], m: EntityManager): Promise<Reminder[]> {
    if (items.length === 0) return [];
    const [rows] = (await m.query(
      `UPDATE reminders r SET due_at = t.due, status = 'scheduled', updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, due)
        WHERE r.id = ANY($1::uuid[]) AND r.id = t.id AND r.status <> 'cancelled'
        RETURNING ${REMINDER_COLUMNS.split(', ')
          .map((c) => `r.${c}`)
          .join(', ')}`,
      [items.map((i) => i.id), items.map((i) => i.dueAt)],
    )) as [ReminderRow[], number];
    return rows.map(toReminder);
  }

  /** Every scheduled reminder (for reconciling the queue with PostgreSQL), in pages. */
  async allScheduled(afterId: string | null, limit: number): Promise<Reminder[]> {
    const rows = (await this.ds.query(
      `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE status = 'scheduled' AND ($1::uuid IS NULL OR id > $1::uuid)
        ORDER BY id LIMIT $2`,
      [afterId, limit],
    )) as ReminderRow[];
    return rows.map(toReminder);
  }

  /**
   * A firing was answered (committed): every open app and device drops its alert, and the hooks run.
   * The one path of every answer: the acknowledge mutation, a notification's token, and a short answer
   * typed in chat or by SMS.
   */
  answered(userId: string, answer: ReminderAnswer): void {
    this.pubSub.publish('reminderAlerts', { userId, reminderId: answer.reminder.id, event: 'acknowledged' });
    for (const hook of this.acknowledged) hook(answer.reminder, answer.action, answer.occurrence);
  }

  /** Schedules jobs for reminders written in a committed transaction, and tells open views. */
  async committed(
    userId: string,
    changed: Pick<Reminder, 'id' | 'userId' | 'dueAt' | 'status'>[],
  ): Promise<void> {
    for (const r of changed) if (r.status === ReminderStatusEnum.SCHEDULED) await this.scheduler.schedule(r);
    this.pubSub.publish('todayChanged', { userId, what: 'reminders' });
  }
}
