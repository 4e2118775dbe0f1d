import type { DataSource } from 'typeorm';
import { DEFAULT_ESCALATION, type EscalationStepValue } from '@pa/shared-domain';
import type { Logger, PubSub } from '@pa/server-core';
import type { JobQueue } from '@pa/server-jobs';
import type { PushPayload } from '@pa/server-push';
import { ReminderKindEnum, type Reminder } from '../reminder.entity';
import { endOfQuietHours, isQuiet } from '../schedule/recurrence';
import type { ActionTokens } from './action-token';
import './delivery.topics';

declare module '@pa/server-jobs' {
  interface JobPayloads {
    /** Escalation step n of one firing of a reminder (skipped once answered); keyed by reminder, firing and step. */
    'reminder.escalate': { reminderId: string; occurrenceDueAt: string; step: number; firedAt: string };
  }
}

/** The channels a reminder can go out on besides the app itself (the worker wires push and SMS here). */
export interface ReminderChannelPorts {
  push?: {
    sendToPerson(userId: string, payload: PushPayload, key: string): Promise<number>;
    deviceCount(userId: string): Promise<number>;
  };
  /** Texts a person once per key from their own number; false when they cannot be texted. */
  text?: (userId: string, key: string, body: string, messageId: string | null) => Promise<boolean>;
}

/** Lateness observer (metrics): seconds between due and the delivery leaving, per channel. */
export type LatenessObserver = (channel: string, seconds: number) => void;

interface Person {
  timeZone: string;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  channels: string[];
  escalation: EscalationStepValue[];
  canText: boolean;
}

type Channel = 'in_app' | 'push' | 'sms' | 'email';

/**
 * One delivery path for every channel: a reminder fires → a delivery per chosen channel is recorded,
 * open apps get a DUE alert, push goes to every device → the escalation ladder nudges again until it
 * is answered. Each nudge is a job keyed by reminder, firing and step, and is recorded with a unique
 * (reminder, firing, step, channel) row before it is sent: a retried job or a second worker finds the
 * row and sends nothing (a worker killed between the row and the send loses that nudge, never doubles it).
 * At most ESCALATION_MAX_STEPS (5) nudges follow the first delivery of a firing.
 */
export class ReminderDeliveryService {
  constructor(
    private readonly ds: DataSource,
    private readonly pubSub: PubSub,
    private readonly queue: JobQueue,
    private readonly ports: ReminderChannelPorts,
    private readonly tokens: ActionTokens,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly observeLateness: LatenessObserver = () => undefined,
  ) {}

  /** A reminder just fired (its chat message is stored): deliver it everywhere and start the ladder. */
  async fired(reminder: Reminder, occurrenceDueAt: Date, messageId: string): Promise<void> {
    const person = await this.person(reminder.userId);
    if (!person) return;
    const firedAt = this.now();
    // The ladder first: a worker killed after this line still nudges.
    await this.queueStep(reminder.id, occurrenceDueAt, 1, firedAt, person.escalation);
    const sends: Promise<unknown>[] = [];
    sends.push(
      (async () => {
        await this.record(reminder, occurrenceDueAt, 0, 'in_app');
        this.pubSub.publish('reminderAlerts', {
          userId: reminder.userId,
          reminderId: reminder.id,
          event: 'due',
        });
      })(),
    );
    if (person.channels.includes('push') && this.ports.push)
      sends.push(this.sendPush(reminder, occurrenceDueAt, 0));
    if (person.channels.includes('sms') && person.canText && this.ports.text) {
      const text = this.ports.text;
      sends.push(
        (async () => {
          if (!(await this.claim(reminder, occurrenceDueAt, 0, 'sms'))) return;
          const ok = await text(reminder.userId, `notify-${messageId}`, this.smsBody(reminder, 0), messageId);
          await this.mark(reminder.id, occurrenceDueAt, 0, 'sms', ok);
        })(),
      );
    }
    // One channel failing must not stop the others (a retried fire job finds the reminder delivered).
    await Promise.all(
      sends.map((p) =>
        p.catch((err: unknown) =>
          this.logger.error({ err, reminderId: reminder.id }, 'reminder channel failed'),
        ),
      ),
    );
  }

  /** The `reminder.escalate` job. */
  async escalate(job: {
    reminderId: string;
    occurrenceDueAt: string;
    step: number;
    firedAt: string;
  }): Promise<void> {
    const occurrence = new Date(job.occurrenceDueAt);
    const [row] = (await this.ds.query(
      `SELECT id, user_id, kind, text, alert_due_at FROM reminders WHERE id = $1`,
      [job.reminderId],
    )) as { id: string; user_id: string; kind: ReminderKindEnum; text: string; alert_due_at: Date | null }[];
    // Answered, snoozed, cancelled, deleted, or a newer firing took over: the ladder of this firing stops.
    if (!row || row.alert_due_at?.getTime() !== occurrence.getTime()) return;
    const person = await this.person(row.user_id);
    const step = person?.escalation[job.step - 1];
    if (!person || !step) return;
    const now = this.now();
    if (person.quietHoursEnd && isQuiet(now, person.timeZone, person.quietHoursStart, person.quietHoursEnd)) {
      const until = endOfQuietHours(now, person.quietHoursEnd, person.timeZone);
      await this.queue.enqueue('reminder.escalate', job, {
        jobId: `${stepJobId(job.reminderId, occurrence, job.step)}-q${until.getTime()}`,
        delayMs: Math.max(0, until.getTime() - now.getTime()),
      });
      return;
    }
    const reminder = { id: row.id, userId: row.user_id, kind: row.kind, text: row.text };
    // Quiet hours just ended (or the worker ran late): of the steps now past due, only the latest
    // nudges, once, and the ladder goes on from there (never a burst of every held step).
    const stepNo = latestDueStep(person.escalation, job.step, new Date(job.firedAt), now);
    const due = person.escalation[stepNo - 1] ?? step;
    await this.queueStep(row.id, occurrence, stepNo + 1, new Date(job.firedAt), person.escalation);
    const channel = await this.channelFor(due.channel, person, row.user_id);
    if (channel === 'push') return void (await this.sendPush(reminder, occurrence, stepNo));
    if (!(await this.claim(reminder, occurrence, stepNo, channel))) return;
    this.pubSub.publish('reminderAlerts', { userId: row.user_id, reminderId: row.id, event: 'due' });
    if (channel === 'sms' && this.ports.text) {
      const key = `nudge-${row.id}-${occurrence.getTime()}-${stepNo}`;
      const ok = await this.ports.text(row.user_id, key, this.smsBody(reminder, stepNo), null);
      await this.mark(row.id, occurrence, stepNo, 'sms', ok);
    } else {
      await this.mark(row.id, occurrence, stepNo, 'in_app', true);
    }
  }

  /**
   * A check-in was delivered (its chat message `messageId` is stored): it rings in every open app like
   * a reminder, through the person's one `checkin` reminder row (its firing is the check-in's due time,
   * read from the message), recorded as an in-app delivery and answered with acknowledgeReminder. Safe
   * to run twice for the same check-in.
   */
  async checkInDelivered(messageId: string): Promise<string | undefined> {
    const [message] = (await this.ds.query(
      `SELECT user_id, client_id, body FROM messages WHERE id = $1 AND client_id LIKE 'checkin-%'`,
      [messageId],
    )) as { user_id: string; client_id: string; body: string }[];
    const dueMs = Number(message?.client_id.split('-').pop());
    if (!message || !Number.isFinite(dueMs)) return undefined;
    const occurrence = new Date(dueMs);
    const [row] = (await this.ds.query(
      `INSERT INTO reminders (user_id, kind, text, due_at, status, delivered_at, alert_due_at, acknowledged_at)
       VALUES ($1, 'checkin', $2, $3, 'delivered', now(), $3, NULL)
       ON CONFLICT (user_id) WHERE kind = 'checkin' DO UPDATE
          SET due_at = EXCLUDED.due_at, delivered_at = now(), updated_at = now(),
              alert_due_at = CASE WHEN reminders.due_at = EXCLUDED.due_at THEN reminders.alert_due_at ELSE EXCLUDED.due_at END,
              acknowledged_at = CASE WHEN reminders.due_at = EXCLUDED.due_at THEN reminders.acknowledged_at ELSE NULL END
       RETURNING id`,
      [message.user_id, CHECK_IN_TEXT, occurrence],
    )) as { id: string }[];
    if (!row) return undefined;
    await this.record({ id: row.id, userId: message.user_id }, occurrence, 0, 'in_app');
    this.pubSub.publish('reminderAlerts', { userId: message.user_id, reminderId: row.id, event: 'due' });
    return row.id;
  }

  /** A nudge's channel as it can work now: SMS only with a number, push only with a device; else in-app. */
  private async channelFor(wanted: string, person: Person, userId: string): Promise<Channel> {
    const devices = this.ports.push ? await this.ports.push.deviceCount(userId) : 0;
    if (wanted === 'sms' && person.channels.includes('sms') && person.canText && this.ports.text)
      return 'sms';
    if ((wanted === 'push' || wanted === 'sms') && devices > 0) return 'push';
    return 'in_app';
  }

  private async sendPush(
    reminder: Pick<Reminder, 'id' | 'userId' | 'kind' | 'text'>,
    occurrence: Date,
    step: number,
  ): Promise<void> {
    const push = this.ports.push;
    if (!push || !(await this.claim(reminder, occurrence, step, 'push'))) return;
    if (step > 0)
      this.pubSub.publish('reminderAlerts', {
        userId: reminder.userId,
        reminderId: reminder.id,
        event: 'due',
      });
    const focus = reminder.kind === ReminderKindEnum.FOCUS;
    const payload: PushPayload = {
      v: 1,
      kind: focus ? 'focus' : 'reminder',
      reminderId: reminder.id,
      title: step > 0 ? 'Still waiting for you' : focus ? "Time's up" : 'Reminder',
      body: reminder.text,
      tag: `reminder-${reminder.id}`,
      url: `/today?reminder=${reminder.id}`,
      occurrenceDueAt: occurrence.toISOString(),
      step,
      actionToken: await this.tokens.mint({
        userId: reminder.userId,
        reminderId: reminder.id,
        occurrenceDueAt: occurrence,
      }),
    };
    const reached = await push.sendToPerson(
      reminder.userId,
      payload,
      `r-${reminder.id}-${occurrence.getTime()}-${step}`,
    );
    if (step === 0) this.observeLateness('push', (this.now().getTime() - occurrence.getTime()) / 1000);
    await this.mark(reminder.id, occurrence, step, 'push', reached > 0);
  }

  private smsBody(reminder: Pick<Reminder, 'kind' | 'text'>, step: number): string {
    if (step === 0) return `⏰ Reminder: ${reminder.text}. Reply "done", or "snooze 10" for a bit more time.`;
    return `⏰ Still on your list: ${reminder.text}. Reply "done", or "snooze 10".`;
  }

  private async queueStep(
    reminderId: string,
    occurrence: Date,
    step: number,
    firedAt: Date,
    ladder: EscalationStepValue[],
  ): Promise<void> {
    const next = ladder[step - 1];
    if (!next) return;
    const at = firedAt.getTime() + next.afterMinutes * 60_000;
    await this.queue.enqueue(
      'reminder.escalate',
      { reminderId, occurrenceDueAt: occurrence.toISOString(), step, firedAt: firedAt.toISOString() },
      { jobId: stepJobId(reminderId, occurrence, step), delayMs: Math.max(0, at - this.now().getTime()) },
    );
  }

  /** Records a delivery about to be attempted; false when it already was (by a retry or another worker). */
  private async claim(
    reminder: Pick<Reminder, 'id' | 'userId'>,
    occurrence: Date,
    step: number,
    channel: Channel,
  ): Promise<boolean> {
    const rows = (await this.ds.query(
      `INSERT INTO reminder_deliveries (reminder_id, user_id, occurrence_due_at, step, channel)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [reminder.id, reminder.userId, occurrence, step, channel],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Records a delivery that happened as it was recorded (in the app: the stored message is the delivery). */
  private async record(
    reminder: Pick<Reminder, 'id' | 'userId'>,
    occurrence: Date,
    step: number,
    channel: Channel,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO reminder_deliveries (reminder_id, user_id, occurrence_due_at, step, channel, delivered_at)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp()) ON CONFLICT DO NOTHING`,
      [reminder.id, reminder.userId, occurrence, step, channel],
    );
  }

  private async mark(reminderId: string, occurrence: Date, step: number, channel: Channel, ok: boolean) {
    await this.ds.query(
      `UPDATE reminder_deliveries SET ${ok ? 'delivered_at' : 'failed_at'} = clock_timestamp()
        WHERE reminder_id = $1 AND occurrence_due_at = $2 AND step = $3 AND channel = $4`,
      [reminderId, occurrence, step, channel],
    );
  }

  private async person(userId: string): Promise<Person | undefined> {
    const [row] = (await this.ds.query(
      `SELECT u.time_zone, p.quiet_hours_start, p.quiet_hours_end, COALESCE(p.reminder_channels, '{in_app}') AS channels,
              p.escalation,
              EXISTS (SELECT 1 FROM user_phone_numbers n JOIN mfa_factors f ON f.user_id = n.user_id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL
                       WHERE n.user_id = u.id AND n.status = 'active') AS can_text
         FROM users u LEFT JOIN preferences p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as {
      time_zone: string;
      quiet_hours_start: string | null;
      quiet_hours_end: string | null;
      channels: string[];
      escalation: EscalationStepValue[] | null;
      can_text: boolean;
    }[];
    if (!row) return undefined;
    return {
      timeZone: row.time_zone,
      quietHoursStart: row.quiet_hours_start,
      quietHoursEnd: row.quiet_hours_end,
      channels: row.channels,
      escalation: (row.escalation ?? DEFAULT_ESCALATION).slice(0, 5),
      canText: row.can_text,
    };
  }
}

/**
 * The step to nudge with now: `from`, or a later one whose time (fired + its afterMinutes) has also
 * passed (steps held by quiet hours fall due together; only the latest is sent).
 */
export function latestDueStep(
  ladder: readonly EscalationStepValue[],
  from: number,
  firedAt: Date,
  now: Date,
): number {
  let step = from;
  for (let next = ladder[step]; next; next = ladder[step]) {
    if (firedAt.getTime() + next.afterMinutes * 60_000 > now.getTime()) break;
    step += 1;
  }
  return step;
}

/** What the in-app alert of a check-in says. */
export const CHECK_IN_TEXT = 'Check-in: what matters most today?';

/** The key of one escalation step: a retry or a second worker adds no second job. */
export function stepJobId(reminderId: string, occurrence: Date, step: number): string {
  return `escalate-${reminderId}-${occurrence.getTime()}-${step}`;
}
