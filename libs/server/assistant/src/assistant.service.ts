import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type Logger, type ProductMetrics } from '@pa/server-core';
import {
  can,
  DEFAULT_DAY_RULE_VALUES,
  isRole,
  SMS_REPLY_LENGTHS,
  type SmsReplyLength,
} from '@pa/shared-domain';
import { AuthorEnum, type ConversationService, type StoredMessage } from '@pa/server-conversations';
import type {
  AssistantBrain,
  BrainAction,
  BrainContext,
  BrainReply,
  DayRules,
  Locale,
  PendingState,
} from './brain';
import { checkInPrompt, formatTime, toLocal } from './brain';
import { frClock } from './brain/nlu/say';
import {
  acknowledgementReply,
  shortAcknowledgement,
  type ShortAcknowledgement,
} from './brain/acknowledgement';
import { words } from './brain/text';
import { acknowledgeIn } from './delivery/reminder-alert.service';
import { ReminderActionEnum } from './delivery/delivery.types';
import { reminderChatText } from './delivery/reminder-text';
import { ReminderKindEnum, type Reminder } from './reminder.entity';
import { localisedError } from './assistant.errors';
import {
  REMINDER_COLUMNS,
  toReminder,
  type ReminderAnswer,
  type ReminderRow,
  type ReminderService,
} from './reminder.service';
import type { TaskService } from './task.service';
import { AppointmentService } from './appointment.service';
import { endOfQuietHours, isQuiet, nextOccurrence } from './schedule/recurrence';

// Web replies may be longer than an SMS, but stay short: people with ADHD skim.
const WEB_REPLY_CHARS = 600;

interface PersonSettings {
  timeZone: string;
  locale: Locale;
  /** Their role grants the model path (premium's `assistant:advanced:own`). */
  advanced: boolean;
  tone: 'gentle' | 'direct';
  smsReplyLength: SmsReplyLength;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  checkInTime: string | null;
  /** What "morning", "after lunch", "after work", "tonight" mean for them; the appointment lead. */
  dayRules: DayRules;
}

/** The text of the reminder before an appointment: its title and its local time. */
function appointmentText(
  title: string,
  startsAt: Date,
  ctx: Pick<BrainContext, 'timeZone' | 'locale'>,
): string {
  if (ctx.locale === 'fr') {
    const l = toLocal(startsAt, ctx.timeZone);
    return `${title} à ${frClock(l.hour, l.minute)}`;
  }
  return `${title} at ${formatTime(startsAt, ctx.timeZone)}`;
}

/** What a delivery attempt did: delivered, nothing to do (stale or cancelled), or wait for quiet hours to end. */
export type DeliveryOutcome =
  | { kind: 'delivered'; message: DeliveredMessage; reminder?: Reminder }
  | { kind: 'skipped' }
  | { kind: 'deferred'; until: Date };

/** A message the assistant stored for a person (to pass on through other channels, e.g. SMS). */
export interface DeliveredMessage {
  id: string;
  userId: string;
  body: string;
}

/**
 * The assistant's work: answering a person's message (the brain decides, this applies its actions
 * and the reply in one transaction, once per message), delivering reminders and check-ins outside
 * quiet hours. Runs in the worker.
 */
export class AssistantService {
  constructor(
    private readonly ds: DataSource,
    private readonly brain: AssistantBrain,
    private readonly conversations: ConversationService,
    private readonly tasks: TaskService,
    private readonly reminders: ReminderService,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    /** Reply latency and check-ins answered, counted after the reply commits. */
    private readonly metrics?: ProductMetrics,
  ) {
    this.appointments = new AppointmentService(ds, now);
  }

  private readonly appointments: AppointmentService;

  /**
   * Answers one of a person's messages, and returns the answer. Safe to run twice: the second run
   * finds the stored answer and returns it without thinking again.
   */
  async respond(messageId: string): Promise<DeliveredMessage | undefined> {
    const [source] = (await this.ds.query(
      `SELECT m.id, m.user_id, m.conversation_id, m.body, m.parent_id, m.author, c.channel, m.created_at
         FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = $1`,
      [messageId],
    )) as {
      id: string;
      user_id: string;
      conversation_id: string;
      body: string;
      parent_id: string | null;
      author: string;
      channel: string;
      created_at: Date;
    }[];
    if (!source || source.author !== AuthorEnum.USER) return undefined;
    let answeredCheckIn = false;
    let snoozes = 0;
    const userId = source.user_id;
    const scheduled: Reminder[] = [];
    let tasksChanged = false;
    let remindersChanged = false;
    let earlier: DeliveredMessage | undefined;
    let answered: ReminderAnswer | undefined;
    const stored = await this.ds.transaction(async (m) => {
      // One reply at a time per person, in order: their state row is the lock.
      await m.query(`INSERT INTO assistant_state (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
      await m.query(`SELECT 1 FROM assistant_state WHERE user_id = $1 FOR UPDATE`, [userId]);
      const replyId = `reply-${source.id}`;
      const existing = (await m.query(`SELECT id, body FROM messages WHERE user_id = $1 AND client_id = $2`, [
        userId,
        replyId,
      ])) as { id: string; body: string }[];
      if (existing[0]) {
        earlier = { id: existing[0].id, userId, body: existing[0].body };
        return undefined;
      }
      const settings = await this.settings(m, userId);
      const maxReplyChars =
        source.channel === 'sms' ? SMS_REPLY_LENGTHS[settings.smsReplyLength] : WEB_REPLY_CHARS;
      // "done" / "snooze 10" while a reminder rings answers it, like its Done / Snooze buttons.
      const ack = shortAcknowledgement(source.body);
      const answer = ack ? await this.answerRinging(m, userId, source.id, ack, settings) : undefined;
      if (answer) {
        answered = answer.answered;
        if (answer.moved) scheduled.push(answer.reminder);
        remindersChanged = true;
        tasksChanged ||= answer.tasks;
        return this.conversations.storeIn(
          m,
          userId,
          source.conversation_id,
          AuthorEnum.ASSISTANT,
          answer.text.slice(0, maxReplyChars),
          source.parent_id,
          replyId,
        );
      }
      const ctx = await this.context(m, userId, settings, maxReplyChars);
      answeredCheckIn = ctx.pending?.kind === 'checkin';
      const reply = await this.think(source.body, ctx);
      const notes: string[] = [];
      for (const action of reply.actions) {
        try {
          const effect = await this.apply(m, userId, source, action, ctx);
          // "snooze 10" in the chat or by text answers the reminder that fired.
          if (action.type === 'snoozeReminder') snoozes += 1;
          scheduled.push(...effect.reminders);
          tasksChanged ||= effect.tasks;
          remindersChanged ||= effect.remindersTouched;
        } catch (err) {
          // A refused action (a plan limit, a reminder already gone) is told, never hidden.
          if (!(err instanceof AppError)) throw err;
          notes.push(localisedError(err, ctx.locale ?? 'en'));
        }
      }
      // Answering the check-in answers its alert too.
      if (reply.intent === 'checkin_answer') answered = await this.answerCheckIn(m, userId);
      const text = notes.length > 0 ? `${notes.join(' ')}` : reply.text;
      return this.conversations.storeIn(
        m,
        userId,
        source.conversation_id,
        AuthorEnum.ASSISTANT,
        text.slice(0, 4000),
        source.parent_id,
        replyId,
      );
    });
    if (!stored) return earlier;
    this.conversations.announce(stored);
    if (stored.created && this.metrics) {
      // Both times are PostgreSQL's: stored → reply stored, whatever the queue and the brain took.
      const seconds = (stored.message.createdAt.getTime() - new Date(source.created_at).getTime()) / 1000;
      this.metrics.assistantReplyLatency.observe({ channel: source.channel }, Math.max(0, seconds));
      if (answeredCheckIn) this.metrics.checkInsAnswered.inc({ channel: source.channel });
      const channel = source.channel === 'sms' ? 'sms' : 'app';
      if (snoozes > 0) this.metrics.reminderAcknowledgements.inc({ channel, action: 'snoozed' }, snoozes);
    }
    if (tasksChanged) this.tasks.changed(userId);
    if (remindersChanged) await this.reminders.committed(userId, scheduled);
    // The same after-commit path as the acknowledge mutation: alerts drop, `reminder.acknowledged` is raised.
    if (answered) this.reminders.answered(userId, answered);
    return { id: stored.message.id, userId, body: stored.message.body };
  }

  /** Answers the person's ringing check-in alert (OPENED), if one rings. */
  private async answerCheckIn(m: EntityManager, userId: string): Promise<ReminderAnswer | undefined> {
    const [ringing] = (await m.query(
      `SELECT id FROM reminders WHERE user_id = $1 AND kind = 'checkin' AND alert_due_at IS NOT NULL`,
      [userId],
    )) as { id: string }[];
    if (!ringing) return undefined;
    const action = ReminderActionEnum.OPENED;
    const { reminder, occurrence } = await acknowledgeIn(
      m,
      this.reminders,
      userId,
      ringing.id,
      action,
      {},
      this.now(),
    );
    return occurrence ? { reminder, action, occurrence } : undefined;
  }

  /**
   * Answers the person's most recent ringing reminder (fired, not yet answered; a check-in is answered
   * by its own buttons or by answering it) with a short
   * "done" / "snooze"; undefined when none rings (the brain reads the message as before). A Done
   * also closes an open task with the reminder's exact words.
   */
  private async answerRinging(
    m: EntityManager,
    userId: string,
    messageId: string,
    ack: ShortAcknowledgement,
    settings: PersonSettings,
  ): Promise<
    | {
        answered: ReminderAnswer | undefined;
        reminder: Reminder;
        moved: boolean;
        tasks: boolean;
        text: string;
      }
    | undefined
  > {
    const [ringing] = (await m.query(
      `SELECT id FROM reminders WHERE user_id = $1 AND alert_due_at IS NOT NULL AND kind <> 'checkin'
        ORDER BY alert_due_at DESC, id LIMIT 1`,
      [userId],
    )) as { id: string }[];
    if (!ringing) return undefined;
    const now = this.now();
    const done = ack.action === 'done';
    const action = done ? ReminderActionEnum.DONE : ReminderActionEnum.SNOOZED;
    const result = await acknowledgeIn(
      m,
      this.reminders,
      userId,
      ringing.id,
      action,
      { clientId: `msg-${messageId}`, snoozeMinutes: ack.action === 'snoozed' ? ack.minutes : null },
      now,
    );
    const { reminder } = result;
    let tasks = false;
    if (done) {
      const same = (await this.tasks.list(userId, false, m, 100)).filter(
        (t) => words(t.title).join(' ') === words(reminder.text).join(' '),
      );
      if (same.length > 0) {
        await this.tasks.complete(
          userId,
          same.map((t) => t.id),
          m,
        );
        tasks = true;
      }
    }
    return {
      answered: result.occurrence ? { reminder, action, occurrence: result.occurrence } : undefined,
      reminder,
      moved: result.moved,
      tasks,
      text: acknowledgementReply(ack.action, reminder, {
        tone: settings.tone,
        timeZone: settings.timeZone,
        now,
        locale: settings.locale,
      }),
    };
  }

  private async think(text: string, ctx: BrainContext): Promise<BrainReply> {
    try {
      return await this.brain.reply(text, ctx);
    } catch (err) {
      this.logger.error({ err }, 'assistant brain failed; capturing the message instead');
      return {
        intent: 'fallback',
        text: 'I saved that to your list so it is not lost.',
        actions: [{ type: 'createTasks', titles: [text.slice(0, 500)] }],
      };
    }
  }

  private async apply(
    m: EntityManager,
    userId: string,
    source: { id: string; conversation_id: string },
    action: BrainAction,
    ctx: Pick<BrainContext, 'timeZone' | 'locale'>,
  ): Promise<{ reminders: Reminder[]; tasks: boolean; remindersTouched: boolean }> {
    const none = { reminders: [] as Reminder[], tasks: false, remindersTouched: false };
    switch (action.type) {
      case 'createTasks':
        await this.tasks.create(
          userId,
          action.titles,
          { sourceMessageId: source.id, dueAt: action.dueAt ?? null },
          m,
        );
        return { ...none, tasks: true };
      case 'completeTasks':
        await this.tasks.complete(userId, action.taskIds, m);
        return { ...none, tasks: true };
      case 'reopenTasks':
        await this.tasks.reopen(userId, action.taskIds, m);
        return { ...none, tasks: true };
      case 'deleteTasks':
        await this.tasks.delete(userId, action.taskIds, m);
        return { ...none, tasks: true };
      case 'breakdown': {
        // "break down 3" breaks an existing task into steps; otherwise the task is new.
        const parentId = action.taskId
          ? (await this.tasks.get(userId, action.taskId, m)).id
          : (await this.tasks.create(userId, [action.title], { sourceMessageId: source.id }, m))[0]?.id;
        if (parentId) await this.tasks.create(userId, action.steps, { parentId }, m);
        return { ...none, tasks: true };
      }
      case 'createReminder': {
        const reminder = await this.reminders.create(
          userId,
          {
            text: action.text,
            dueAt: action.dueAt,
            recurrence: action.recurrence,
            conversationId: source.conversation_id,
          },
          m,
        );
        return { ...none, reminders: [reminder], remindersTouched: true };
      }
      case 'startFocus': {
        const reminder = await this.reminders.create(
          userId,
          {
            kind: ReminderKindEnum.FOCUS,
            text:
              ctx.locale === 'fr'
                ? `session de focus de ${action.minutes} min`
                : `${action.minutes}-minute focus`,
            dueAt: action.endsAt,
            conversationId: source.conversation_id,
          },
          m,
        );
        return { ...none, reminders: [reminder], remindersTouched: true };
      }
      case 'snoozeReminder':
        // "snooze 10" answers the reminder that fired: its escalation stops.
        return {
          ...none,
          reminders: [
            await this.reminders.moveTo(userId, action.reminderId, action.until, m, { acknowledge: true }),
          ],
          remindersTouched: true,
        };
      case 'cancelReminder':
        await this.reminders.cancel(userId, action.reminderId, m);
        return { ...none, remindersTouched: true };
      case 'updateReminder': {
        // A correction in words ("no, make it 8", "rename that to…"): the same reminder, changed.
        let reminder = action.text
          ? await this.reminders.rename(userId, action.reminderId, action.text, m)
          : undefined;
        if (action.dueAt) reminder = await this.reminders.moveTo(userId, action.reminderId, action.dueAt, m);
        return { ...none, reminders: reminder && action.dueAt ? [reminder] : [], remindersTouched: true };
      }
      case 'createAppointment': {
        // The appointment is kept first: if its reminder is refused (a plan limit), it still exists.
        const appointment = await this.appointments.create(
          userId,
          { title: action.title, startsAt: action.startsAt, sourceMessageId: source.id },
          m,
        );
        // Its reminder rings before it, its text saying when.
        const reminder = await this.reminders.create(
          userId,
          {
            text: appointmentText(action.title, action.startsAt, ctx),
            dueAt: action.remindAt,
            conversationId: source.conversation_id,
          },
          m,
        );
        await this.appointments.linkReminder(userId, appointment.id, reminder.id, m);
        return { ...none, reminders: [reminder], remindersTouched: true };
      }
      case 'setPending':
        await this.setPending(m, userId, action.pending);
        return none;
    }
  }

  private async setPending(m: EntityManager, userId: string, pending: PendingState | null): Promise<void> {
    await m.query(
      `INSERT INTO assistant_state (user_id, pending) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET pending = EXCLUDED.pending, updated_at = now()`,
      [userId, pending ? JSON.stringify(pending) : null],
    );
  }

  private async settings(db: EntityManager | DataSource, userId: string): Promise<PersonSettings> {
    const [row] = (await db.query(
      `SELECT u.time_zone, p.locale, COALESCE(ur.role, 'user') AS role, p.assistant_tone, p.sms_reply_length, p.quiet_hours_start, p.quiet_hours_end, p.check_in_time,
              p.day_start, p.lunch_time, p.work_end, p.evening_time, p.appointment_lead_minutes,
              p.user_id IS NOT NULL AS has_prefs
         FROM users u LEFT JOIN preferences p ON p.user_id = u.id
         LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as {
      time_zone: string;
      locale: string | null;
      role: string;
      assistant_tone: 'gentle' | 'direct' | null;
      sms_reply_length: SmsReplyLength | null;
      quiet_hours_start: string | null;
      quiet_hours_end: string | null;
      check_in_time: string | null;
      day_start: string | null;
      lunch_time: string | null;
      work_end: string | null;
      evening_time: string | null;
      appointment_lead_minutes: number | null;
    }[];
    const d = DEFAULT_DAY_RULE_VALUES;
    return {
      dayRules: {
        dayStart: row?.day_start ?? d.dayStart,
        lunch: row?.lunch_time ?? d.lunch,
        workEnd: row?.work_end ?? d.workEnd,
        evening: row?.evening_time ?? d.evening,
        appointmentLeadMinutes: row?.appointment_lead_minutes ?? d.appointmentLeadMinutes,
      },
      timeZone: row?.time_zone ?? 'UTC',
      locale: row?.locale === 'fr' ? 'fr' : 'en',
      advanced: isRole(row?.role) && can(row.role, 'assistant:advanced:own'),
      tone: row?.assistant_tone ?? 'gentle',
      smsReplyLength: row?.sms_reply_length ?? 'short',
      quietHoursStart: row?.quiet_hours_start ?? null,
      quietHoursEnd: row?.quiet_hours_end ?? null,
      checkInTime: row?.check_in_time ?? null,
    };
  }

  private async context(
    m: EntityManager,
    userId: string,
    settings: PersonSettings,
    maxReplyChars: number,
  ): Promise<BrainContext> {
    const [open, done, upcoming] = await Promise.all([
      this.tasks.list(userId, false, m, 100),
      this.tasks.list(userId, true, m, 5),
      this.reminders.upcoming(userId, m, 50),
    ]);
    const [state] = (await m.query(
      `SELECT s.pending, r.id AS r_id, r.text AS r_text, r.due_at AS r_due, r.recurrence AS r_rec
         FROM assistant_state s LEFT JOIN reminders r ON r.id = s.last_reminder_id WHERE s.user_id = $1`,
      [userId],
    )) as {
      pending: PendingState | null;
      r_id: string | null;
      r_text: string;
      r_due: Date;
      r_rec: BrainContext['upcomingReminders'][number]['recurrence'];
    }[];
    const now = this.now();
    // The reminder or task made last, within the hour: what "no, make it 8" / "delete that" change.
    const [last] = (await m.query(
      `SELECT kind, id FROM (
         SELECT 'reminder' AS kind, id, created_at FROM reminders
          WHERE user_id = $1 AND status = 'scheduled' AND kind = 'reminder' AND created_at > $2
         UNION ALL
         SELECT 'task', id, created_at FROM tasks
          WHERE user_id = $1 AND done_at IS NULL AND parent_id IS NULL AND created_at > $2
       ) x ORDER BY created_at DESC LIMIT 1`,
      [userId, new Date(now.getTime() - 3_600_000)],
    )) as { kind: 'reminder' | 'task'; id: string }[];
    return {
      currentTask: await this.currentTask(m, userId),
      now,
      timeZone: settings.timeZone,
      locale: settings.locale,
      dayRules: settings.dayRules,
      advanced: settings.advanced,
      lastCreated: last ? { kind: last.kind, id: last.id } : null,
      tone: settings.tone,
      maxReplyChars,
      openTasks: open.map((t) => ({
        id: t.id,
        title: t.title,
        doneAt: null,
        createdAt: t.createdAt,
        dueAt: t.dueAt,
      })),
      recentlyDone: done.map((t) => ({ id: t.id, title: t.title, doneAt: t.doneAt })),
      upcomingReminders: upcoming.map((r) => ({
        id: r.id,
        text: r.text,
        dueAt: r.dueAt,
        recurrence: r.recurrence,
      })),
      lastDeliveredReminder: state?.r_id
        ? { id: state.r_id, text: state.r_text, dueAt: state.r_due, recurrence: state.r_rec }
        : null,
      pending: state?.pending ?? null,
    };
  }

  /**
   * The task being worked on: the open task with an open step whose steps were touched last (made or
   * ticked), with its steps in order; what "I did the first one" ticks.
   */
  private async currentTask(m: EntityManager, userId: string): Promise<BrainContext['currentTask']> {
    const rows = (await m.query(
      `WITH current AS (
         SELECT p.id, p.title FROM tasks p JOIN tasks s ON s.parent_id = p.id
          WHERE p.user_id = $1 AND p.parent_id IS NULL AND p.done_at IS NULL
          GROUP BY p.id, p.title
         HAVING bool_or(s.done_at IS NULL)
          ORDER BY max(greatest(s.created_at, COALESCE(s.done_at, s.created_at))) DESC, p.id
          LIMIT 1)
       SELECT c.id, c.title, s.id AS step_id, s.title AS step_title, s.done_at
         FROM current c JOIN tasks s ON s.parent_id = c.id
        ORDER BY s.position, s.created_at, s.id`,
      [userId],
    )) as { id: string; title: string; step_id: string; step_title: string; done_at: Date | null }[];
    const first = rows[0];
    if (!first) return null;
    return {
      id: first.id,
      title: first.title,
      steps: rows.map((r) => ({ id: r.step_id, title: r.step_title, doneAt: r.done_at })),
    };
  }

  /**
   * Delivers a reminder due at `dueAt`, once: in quiet hours it waits for their end; a reminder that
   * was moved, snoozed or cancelled since the job was queued is left alone. A recurring one is moved
   * to its next occurrence in the person's current zone.
   */
  async deliverReminder(reminderId: string, dueAt: Date): Promise<DeliveryOutcome> {
    const [outcome] = await this.deliverReminders([{ reminderId, dueAt }]);
    return outcome ?? { kind: 'skipped' };
  }

  /** The firings of the second ending at `end`, for its job (see ReminderService.dueInSecond). */
  dueInSecond(end: Date, limit: number): Promise<{ reminderId: string; dueAt: Date }[]> {
    return this.reminders.dueInSecond(end, limit);
  }

  /**
   * Delivers reminders due now, many at once in a fixed number of statements (reminders pile up on
   * the same second: ":00", on the hour). Each is claimed only if still scheduled for that due time
   * (moved, cancelled or already delivered ones are skipped), its message is stored in the person's
   * conversation and a recurring one moves to its next occurrence, all in one transaction. Outcomes
   * follow `items`.
   */
  async deliverReminders(items: { reminderId: string; dueAt: Date }[]): Promise<DeliveryOutcome[]> {
    const now = this.now();
    const owners = (await this.ds.query(
      `SELECT r.id, r.user_id, u.time_zone, p.quiet_hours_start, p.quiet_hours_end, p.locale
         FROM reminders r JOIN users u ON u.id = r.user_id LEFT JOIN preferences p ON p.user_id = r.user_id
        WHERE r.id = ANY($1::uuid[])`,
      [items.map((i) => i.reminderId)],
    )) as {
      id: string;
      user_id: string;
      time_zone: string;
      quiet_hours_start: string | null;
      quiet_hours_end: string | null;
      locale: string | null;
    }[];
    const owner = new Map(owners.map((o) => [o.id, o]));
    const outcomes = new Map<number, DeliveryOutcome>();
    const due: { index: number; reminderId: string; dueAt: Date; timeZone: string; locale: Locale }[] = [];
    items.forEach((item, index) => {
      const o = owner.get(item.reminderId);
      if (!o) return void outcomes.set(index, { kind: 'skipped' });
      if (o.quiet_hours_end && isQuiet(now, o.time_zone, o.quiet_hours_start, o.quiet_hours_end))
        return void outcomes.set(index, {
          kind: 'deferred',
          until: endOfQuietHours(now, o.quiet_hours_end, o.time_zone),
        });
      due.push({ index, ...item, timeZone: o.time_zone, locale: o.locale === 'fr' ? 'fr' : 'en' });
    });
    if (due.length > 0) {
      const { fired, stored, next } = await this.ds.transaction(async (m) => {
        const fired = await this.reminders.claimDueMany(due, m);
        const zone = new Map(due.map((d) => [d.reminderId, { timeZone: d.timeZone, locale: d.locale }]));
        const recurring = fired.flatMap((r) =>
          r.recurrence
            ? [{ id: r.id, dueAt: nextOccurrence(r.recurrence, now, zone.get(r.id)?.timeZone ?? 'UTC') }]
            : [],
        );
        const next = await this.reminders.rescheduleMany(recurring, m);
        // The last reminder per person is what a bare "done" or "snooze" answers.
        const last = new Map(fired.map((r) => [r.userId, r.id]));
        await m.query(
          `INSERT INTO assistant_state (user_id, last_reminder_id)
           SELECT * FROM unnest($1::uuid[], $2::uuid[])
           ON CONFLICT (user_id) DO UPDATE SET last_reminder_id = EXCLUDED.last_reminder_id, updated_at = now()`,
          [[...last.keys()], [...last.values()]],
        );
        const stored = await this.conversations.storeAssistantMessages(
          m,
          fired.map((r) => ({
            userId: r.userId,
            conversationId: r.conversationId,
            body: reminderChatText(r, zone.get(r.id)?.locale ?? 'en'),
            clientId: `reminder-${r.id}-${(r.alertDueAt as Date).getTime()}`,
          })),
        );
        return { fired, stored, next };
      });
      const byReminder = new Map(fired.map((r, i) => [r.id, { reminder: r, stored: stored[i] }]));
      for (const s of stored) this.conversations.announce(s);
      const nextByUser = new Map<string, Reminder[]>();
      for (const r of fired) nextByUser.set(r.userId, []);
      for (const r of next) nextByUser.get(r.userId)?.push(r);
      for (const [userId, changed] of nextByUser) await this.reminders.committed(userId, changed);
      for (const d of due) {
        const hit = byReminder.get(d.reminderId);
        // Only the job of the firing claimed delivers it (a second job for the same firing, or one
        // for a stale time, is skipped).
        if (!hit?.stored || hit.reminder.alertDueAt?.getTime() !== d.dueAt.getTime()) {
          outcomes.set(d.index, { kind: 'skipped' });
          continue;
        }
        byReminder.delete(d.reminderId);
        const { message } = hit.stored;
        outcomes.set(d.index, {
          kind: 'delivered',
          message: { id: message.id, userId: message.userId, body: message.body },
          reminder: hit.reminder,
        });
      }
      await this.resumeInterrupted(due, outcomes);
    }
    return items.map((_, i) => outcomes.get(i) ?? { kind: 'skipped' });
  }

  /**
   * A worker killed after a batch committed (messages stored, reminders claimed) and before the
   * delivery path ran (no in-app delivery recorded yet, see ReminderDeliveryService.firedMany) left
   * those firings with no push and no ladder; their retried jobs find them claimed. Such a firing,
   * still current and unanswered, is delivered again from its stored message (the delivery path's
   * own records keep every channel at most once).
   */
  private async resumeInterrupted(
    due: { index: number; reminderId: string; dueAt: Date }[],
    outcomes: Map<number, DeliveryOutcome>,
  ): Promise<void> {
    const delivered = new Set(
      [...outcomes.values()].flatMap((o) => (o.kind === 'delivered' && o.reminder ? [o.reminder.id] : [])),
    );
    const candidates = due.filter(
      (d) => outcomes.get(d.index)?.kind === 'skipped' && !delivered.has(d.reminderId),
    );
    if (candidates.length === 0) return;
    const rows = (await this.ds.query(
      `SELECT ${REMINDER_COLUMNS.split(', ')
        .map((c) => `r.${c}`)
        .join(', ')}, m.id AS message_id, m.body AS message_body
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS t(id, due, client_id)
         JOIN reminders r ON r.id = t.id AND r.alert_due_at = t.due AND r.status <> 'cancelled'
         JOIN messages m ON m.user_id = r.user_id AND m.client_id = t.client_id
        WHERE r.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.reminder_id = r.id
                            AND d.occurrence_due_at = t.due AND d.step = 0 AND d.channel = 'in_app')`,
      [
        candidates.map((c) => c.reminderId),
        candidates.map((c) => c.dueAt),
        candidates.map((c) => `reminder-${c.reminderId}-${c.dueAt.getTime()}`),
      ],
    )) as (ReminderRow & { message_id: string; message_body: string })[];
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const c of candidates) {
      const row = found.get(c.reminderId);
      if (!row) continue;
      found.delete(c.reminderId);
      this.logger.info({ reminderId: row.id }, 'reminder delivery resumed after an interrupted firing');
      outcomes.set(c.index, {
        kind: 'delivered',
        message: { id: row.message_id, userId: row.user_id, body: row.message_body },
        reminder: toReminder(row),
      });
    }
  }

  /** Sends the daily check-in (outside quiet hours) and remembers that the answer becomes tasks. */
  async checkIn(userId: string, dueAt: Date): Promise<DeliveryOutcome> {
    const settings = await this.settings(this.ds, userId);
    if (!settings.checkInTime) return { kind: 'skipped' };
    const now = this.now();
    if (
      settings.quietHoursEnd &&
      isQuiet(now, settings.timeZone, settings.quietHoursStart, settings.quietHoursEnd)
    )
      return { kind: 'deferred', until: endOfQuietHours(now, settings.quietHoursEnd, settings.timeZone) };
    const stored = await this.ds.transaction(async (m) => {
      const conversation = await this.conversations.latestConversation(userId, m);
      const ctx = await this.context(m, userId, settings, WEB_REPLY_CHARS);
      await this.setPending(m, userId, { kind: 'checkin' });
      return this.conversations.storeIn(
        m,
        userId,
        conversation.id,
        AuthorEnum.ASSISTANT,
        checkInPrompt(ctx),
        null,
        `checkin-${userId.slice(0, 8)}-${dueAt.getTime()}`,
      );
    });
    this.conversations.announce(stored);
    const { message } = stored;
    return { kind: 'delivered', message: { id: message.id, userId: message.userId, body: message.body } };
  }

  /**
   * One gentle nudge a few hours after an unanswered check-in (at most one a day, never in quiet
   * hours, never once the person has written anything since). Skipped otherwise: it is optional.
   */
  async checkInFollowUp(userId: string, checkInDueAt: Date): Promise<DeliveryOutcome> {
    const settings = await this.settings(this.ds, userId);
    const now = this.now();
    if (
      settings.quietHoursEnd &&
      isQuiet(now, settings.timeZone, settings.quietHoursStart, settings.quietHoursEnd)
    )
      return { kind: 'skipped' };
    const stored = await this.ds.transaction(async (m): Promise<StoredMessage | undefined> => {
      const [state] = (await m.query(`SELECT pending FROM assistant_state WHERE user_id = $1 FOR UPDATE`, [
        userId,
      ])) as {
        pending: PendingState | null;
      }[];
      if (state?.pending?.kind !== 'checkin') return undefined;
      const [checkIn] = (await m.query(
        `SELECT conversation_id, created_at FROM messages WHERE user_id = $1 AND client_id = $2`,
        [userId, `checkin-${userId.slice(0, 8)}-${checkInDueAt.getTime()}`],
      )) as { conversation_id: string; created_at: Date }[];
      if (!checkIn) return undefined;
      const answered = (await m.query(
        `SELECT 1 FROM messages WHERE user_id = $1 AND author = 'user' AND created_at > $2 LIMIT 1`,
        [userId, checkIn.created_at],
      )) as unknown[];
      if (answered.length > 0) return undefined;
      const text = checkInFollowUpText(settings);
      return this.conversations.storeIn(
        m,
        userId,
        checkIn.conversation_id,
        AuthorEnum.ASSISTANT,
        text,
        null,
        `checkin-followup-${userId.slice(0, 8)}-${checkInDueAt.getTime()}`,
      );
    });
    if (!stored) return { kind: 'skipped' };
    this.conversations.announce(stored);
    const { message } = stored;
    return { kind: 'delivered', message: { id: message.id, userId: message.userId, body: message.body } };
  }

  /** Whether `at` falls in the person's quiet hours (as their settings say now). */
  async quietAt(userId: string, at: Date): Promise<boolean> {
    const settings = await this.settings(this.ds, userId);
    return (
      !!settings.quietHoursEnd &&
      isQuiet(at, settings.timeZone, settings.quietHoursStart, settings.quietHoursEnd)
    );
  }

  /** When the next check-in is due for a person (null: none), in their current zone. */
  async nextCheckIn(userId: string, after: Date): Promise<Date | null> {
    const settings = await this.settings(this.ds, userId);
    if (!settings.checkInTime) return null;
    return nextOccurrence({ kind: 'daily', time: settings.checkInTime }, after, settings.timeZone);
  }
}

/** The one nudge after an unanswered check-in, in the person's language and tone. */
function checkInFollowUpText(settings: Pick<PersonSettings, 'tone' | 'locale'>): string {
  if (settings.locale === 'fr')
    return settings.tone === 'direct'
      ? 'Toujours là ? Écris-moi une chose pour aujourd’hui et je la garde.'
      : 'Aucune pression. Si une chose compte pour aujourd’hui, écris-la-moi et je la garde pour toi.';
  return settings.tone === 'direct'
    ? 'Still there? Text me one thing for today and I will keep it.'
    : 'No pressure at all. If one thing stands out for today, just text it to me and I will keep it for you.';
}
