import { reminderSmsText } from './reminder-text';
import type { DataSource } from 'typeorm';
import type { EscalationStepValue } from '@pa/shared-domain';
import type { Logger, ProductMetrics, PubSub } from '@pa/server-core';
import type { JobQueue } from '@pa/server-jobs';
import { ReminderKindEnum, type Reminder } from '../reminder.entity';
import { endOfQuietHours, isQuiet } from '../schedule/recurrence';
import type { ActionTokens } from './action-token';
import { ReminderPushes } from './reminder-pushes';
import { readPeople, type Person } from './delivery-people';
import type { LatenessObserver, ReminderChannelPorts } from './delivery.ports';
export type { LatenessObserver, ReminderChannelPorts } from './delivery.ports';
import { latestDueStep, stepJobId, CHECK_IN_TEXT } from './ladder';
export { latestDueStep, stepJobId, CHECK_IN_TEXT } from './ladder';
import './delivery.topics';

declare module '@pa/server-jobs' {
  interface JobPayloads {
    /** Escalation step n of one firing of a reminder (skipped once answered); keyed by reminder, firing and step. */
    'reminder.escalate': { reminderId: string; occurrenceDueAt: string; step: number; firedAt: string };
  }
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
    tokens: ActionTokens,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly observeLateness: LatenessObserver = () => undefined,
    /** Deliveries by channel and outcome. */
    private readonly metrics?: ProductMetrics,
  ) {
    this.pushes = new ReminderPushes(ds, tokens, () => this.now().getTime());
  }

  private readonly pushes: ReminderPushes;

  /**
   * Before a second on which reminders are due: their first pushes are built and encrypted now (the
   * CPU of a burst spent before it), for the people who chose push. Nothing is claimed or recorded:
   * at the due time the firing runs as always, and a prepared push it finds unchanged is only posted.
   * Stops at `until`. Resolves to the pushes prepared.
   */
  async prepareMany(items: { reminderId: string; dueAt: Date }[], until: Date): Promise<number> {
    const prepare = this.ports.push?.prepare;
    if (!prepare || items.length === 0) return 0;
    const rows = (await this.ds.query(
      `SELECT r.id, r.user_id, r.kind, r.text FROM reminders r JOIN preferences p ON p.user_id = r.user_id
        WHERE r.id = ANY($1::uuid[]) AND r.status = 'scheduled' AND 'push' = ANY(p.reminder_channels)`,
      [items.map((i) => i.reminderId)],
    )) as { id: string; user_id: string; kind: ReminderKindEnum; text: string }[];
    const dueAt = new Map(items.map((i) => [i.reminderId, i.dueAt]));
    const firings = rows.flatMap((r) => {
      const occurrenceDueAt = dueAt.get(r.id);
      return occurrenceDueAt
        ? [{ reminder: { id: r.id, userId: r.user_id, kind: r.kind, text: r.text }, occurrenceDueAt }]
        : [];
    });
    const pushes = await this.pushes.forFiring(firings, 0, true);
    return prepare.call(this.ports.push, pushes, until.getTime());
  }

  /** A reminder just fired (its chat message is stored): deliver it everywhere and start the ladder. */
  async fired(reminder: Reminder, occurrenceDueAt: Date, messageId: string): Promise<void> {
    await this.firedMany([{ reminder, occurrenceDueAt, messageId }]);
  }

  /**
   * `fired` for many reminders at once (they pile up on the same second): a fixed number of statements
   * for the lot, whatever its size. One channel failing never stops the others.
   */
  async firedMany(items: { reminder: Reminder; occurrenceDueAt: Date; messageId: string }[]): Promise<void> {
    await (
      await this.dispatchMany(items)
    ).sent;
  }

  /**
   * Like firedMany, but resolves once every delivery is recorded, with the sends (push, SMS) still
   * under way in `sent` (which never rejects: a failed send is logged and left to its records). The
   * worker's batches use it so that the next batch's claims overlap this batch's sends.
   */
  async dispatchMany(
    items: { reminder: Reminder; occurrenceDueAt: Date; messageId: string }[],
  ): Promise<{ sent: Promise<void> }> {
    if (items.length === 0) return { sent: Promise.resolve() };
    const people = await this.people(items.map((i) => i.reminder.userId));
    const firedAt = this.now();
    const live = items.flatMap((i) => {
      const person = people.get(i.reminder.userId);
      return person ? [{ ...i, person }] : [];
    });
    const guard = (what: string, ids: string[]) => (err: unknown) =>
      this.logger.error({ err, reminderIds: ids.slice(0, 20), count: ids.length }, `reminder ${what} failed`);
    // The ladder first, then each channel's delivery is recorded before anything is sent, the in-app
    // one last: it marks the firing as dispatched. A failure before it (Redis or PostgreSQL away, the
    // worker killed) leaves the firing to its retried job, which resumes it; the records keep every
    // channel at most once.
    await Promise.all(
      live.map((i) => this.queueStep(i.reminder.id, i.occurrenceDueAt, 1, firedAt, i.person.escalation)),
    );
    const pushes = this.ports.push
      ? await this.claimMany(
          live.filter((i) => i.person.channels.includes('push')),
          0,
          'push',
        )
      : [];
    const text = this.ports.text;
    const texts = text
      ? await this.claimMany(
          live.filter((l) => l.person.channels.includes('sms') && l.person.canText),
          0,
          'sms',
        )
      : [];
    await this.claimMany(live, 0, 'in_app', true);
    for (const i of live)
      this.pubSub.publish('reminderAlerts', {
        userId: i.reminder.userId,
        reminderId: i.reminder.id,
        event: 'due',
      });
    const sends: Promise<unknown>[] = [
      this.sendClaimedPushes(pushes, 0).catch(
        guard(
          'push',
          pushes.map((i) => i.reminder.id),
        ),
      ),
    ];
    if (text)
      for (const i of texts)
        sends.push(
          (async () => {
            const ok = await text.send(
              i.reminder.userId,
              `notify-${i.messageId}`,
              reminderSmsText(i.reminder, 0, i.person.locale),
              i.messageId,
            );
            await this.markMany([{ reminderId: i.reminder.id, occurrence: i.occurrenceDueAt, ok }], 0, 'sms');
          })().catch(guard('sms', [i.reminder.id])),
        );
    return { sent: Promise.all(sends).then(() => undefined) };
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
    if (channel === 'push')
      return void (await this.sendPushMany([{ reminder, occurrenceDueAt: occurrence }], stepNo));
    if ((await this.claimMany([{ reminder, occurrenceDueAt: occurrence }], stepNo, channel)).length === 0)
      return;
    this.pubSub.publish('reminderAlerts', { userId: row.user_id, reminderId: row.id, event: 'due' });
    if (channel === 'sms' && this.ports.text) {
      const key = `nudge-${row.id}-${occurrence.getTime()}-${stepNo}`;
      const ok = await this.ports.text.send(
        row.user_id,
        key,
        reminderSmsText(reminder, stepNo, person.locale),
        null,
      );
      await this.markMany([{ reminderId: row.id, occurrence, ok }], stepNo, 'sms');
    } else {
      await this.markMany([{ reminderId: row.id, occurrence, ok: true }], stepNo, 'in_app');
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
    const firing = {
      reminder: { id: row.id, userId: message.user_id, kind: ReminderKindEnum.CHECKIN, text: message.body },
      occurrenceDueAt: occurrence,
    };
    await this.claimMany([firing], 0, 'in_app', true);
    this.pubSub.publish('reminderAlerts', { userId: message.user_id, reminderId: row.id, event: 'due' });
    // On their devices too, answerable like a reminder's push (a tap answers the alert everywhere).
    if (
      this.ports.push &&
      (await this.people([message.user_id])).get(message.user_id)?.channels.includes('push')
    )
      await this.sendPushMany([firing], 0);
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

  /** Pushes step `step` of each firing to its person's devices (each claimed once; a claimed one is skipped). */
  private async sendPushMany(
    items: { reminder: Pick<Reminder, 'id' | 'userId' | 'kind' | 'text'>; occurrenceDueAt: Date }[],
    step: number,
  ): Promise<void> {
    if (!this.ports.push) return;
    await this.sendClaimedPushes(await this.claimMany(items, step, 'push'), step);
  }

  /** Sends pushes whose deliveries this worker recorded (claimed), and records how each went. */
  private async sendClaimedPushes(
    claimed: { reminder: Pick<Reminder, 'id' | 'userId' | 'kind' | 'text'>; occurrenceDueAt: Date }[],
    step: number,
  ): Promise<void> {
    const push = this.ports.push;
    if (!push || claimed.length === 0) return;
    if (step > 0)
      for (const { reminder } of claimed)
        this.pubSub.publish('reminderAlerts', {
          userId: reminder.userId,
          reminderId: reminder.id,
          event: 'due',
        });
    const pushes = await this.pushes.forFiring(claimed, step);
    const reached = await push.sendToPeople(pushes);
    if (step === 0) {
      const at = this.now().getTime();
      for (const c of claimed) this.observeLateness('push', (at - c.occurrenceDueAt.getTime()) / 1000);
    }
    await this.markMany(
      claimed.map((c, i) => ({
        reminderId: c.reminder.id,
        occurrence: c.occurrenceDueAt,
        ok: (reached[i] ?? 0) > 0,
      })),
      step,
      'push',
    );
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

  /**
   * Records deliveries about to be attempted, in one statement; returns the ones this call recorded
   * (a delivery recorded already, by a retry or another worker, is left out). With `delivered`, they
   * are recorded as done (in the app, the stored message is the delivery).
   */
  private async claimMany<T extends { reminder: Pick<Reminder, 'id' | 'userId'>; occurrenceDueAt: Date }>(
    items: T[],
    step: number,
    channel: Channel,
    delivered = false,
  ): Promise<T[]> {
    if (items.length === 0) return [];
    const rows = (await this.ds.query(
      `INSERT INTO reminder_deliveries (reminder_id, user_id, occurrence_due_at, step, channel, delivered_at)
       SELECT r, u, o, $4, $5, CASE WHEN $6 THEN clock_timestamp() END
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS t(r, u, o)
       ON CONFLICT DO NOTHING RETURNING reminder_id, occurrence_due_at`,
      [
        items.map((i) => i.reminder.id),
        items.map((i) => i.reminder.userId),
        items.map((i) => i.occurrenceDueAt),
        step,
        channel,
        delivered,
      ],
    )) as { reminder_id: string; occurrence_due_at: Date }[];
    const won = new Set(rows.map((r) => `${r.reminder_id}@${r.occurrence_due_at.getTime()}`));
    const claimed = items.filter((i) => won.delete(`${i.reminder.id}@${i.occurrenceDueAt.getTime()}`));
    // Recorded as done now: counted once (a retried job finds the rows and counts nothing).
    if (delivered) for (const i of claimed) this.delivered(i.occurrenceDueAt, step, channel, true);
    return claimed;
  }

  private async markMany(
    results: { reminderId: string; occurrence: Date; ok: boolean }[],
    step: number,
    channel: Channel,
  ): Promise<void> {
    // `reminder_id = ANY(…)` first: on a table that grew by thousands of rows since its statistics
    // (a burst of reminders), the planner otherwise joins a full scan with the list row by row
    // (955 ms for 100 rows of 30,000, against 9 ms with it; docs/benchmarks.md).
    for (const ok of [true, false]) {
      const these = results.filter((r) => r.ok === ok);
      if (these.length === 0) continue;
      await this.ds.query(
        `UPDATE reminder_deliveries d SET ${ok ? 'delivered_at' : 'failed_at'} = clock_timestamp()
           FROM unnest($1::uuid[], $2::timestamptz[]) AS t(r, o)
          WHERE d.reminder_id = ANY($1::uuid[]) AND d.reminder_id = t.r AND d.occurrence_due_at = t.o
            AND d.step = $3 AND d.channel = $4`,
        [these.map((r) => r.reminderId), these.map((r) => r.occurrence), step, channel],
      );
    }
    for (const r of results) this.delivered(r.occurrence, step, channel, r.ok);
  }

  /** Metrics of one recorded delivery: its outcome, and at the first step how late it left. */
  private delivered(occurrence: Date, step: number, channel: Channel, ok: boolean): void {
    this.metrics?.reminderDeliveries.inc({ channel, outcome: ok ? 'sent' : 'failed' });
    // Push observes its own lateness when the push leaves (sendClaimedPushes).
    if (step === 0 && ok && channel !== 'push')
      this.observeLateness(channel, (this.now().getTime() - occurrence.getTime()) / 1000);
  }

  private async person(userId: string): Promise<Person | undefined> {
    return (await this.people([userId])).get(userId);
  }
  private people(userIds: string[]): Promise<Map<string, Person>> {
    return readPeople(this.ds, this.ports.text, userIds);
  }
}
