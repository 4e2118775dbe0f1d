import type { DataSource, EntityManager } from 'typeorm';
import { SNOOZE_MINUTES } from '@pa/shared-domain';
import { isUuid, type ProductMetrics, type PubSub } from '@pa/server-core';
import { AssistantErrorCode, assistantError } from '../assistant.errors';
import { ReminderKindEnum, ReminderStatusEnum, type Reminder } from '../reminder.entity';
import { REMINDER_COLUMNS, toReminder, type ReminderRow, type ReminderService } from '../reminder.service';
import { ReminderActionEnum, ReminderDelivery } from './delivery.types';
import type { ActionTokens } from './action-token';
import './delivery.topics';

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
// Deliveries shown per reminder: the latest firings' (a daily reminder would otherwise grow forever).
const DELIVERIES_PER_REMINDER = 20;

interface DeliveryRow {
  id: string;
  reminder_id: string;
  user_id: string;
  channel: string;
  step: number;
  occurrence_due_at: Date;
  delivered_at: Date | null;
  failed_at: Date | null;
  acknowledged_at: Date | null;
  action: ReminderActionEnum | null;
}

export interface AcknowledgeOptions {
  clientId?: string | null;
  snoozeMinutes?: number | null;
  /** Only this firing (a notification's token): a newer firing of the same reminder is left alone. */
  occurrenceDueAt?: Date;
  /** Where the answer came from (metrics): the app, or a notification's action. Default app. */
  via?: 'app' | 'push';
}

/**
 * Reminders waiting for an answer, their deliveries, and the answers (Done, Snooze, opened). An answer
 * with a client id is applied once; it ends the escalation of that firing (the ladder's jobs re-read
 * the reminder and stop) and tells every open app (ACKNOWLEDGED).
 */
export class ReminderAlertService {
  constructor(
    private readonly ds: DataSource,
    // Unused since answers are announced by ReminderService.answered (the one after-commit path);
    // kept so the constructor's callers stay as they are: drop it in a later clean-up.
    _pubSub: PubSub,
    private readonly reminders: ReminderService,
    private readonly tokens: ActionTokens,
    private readonly now: () => Date = () => new Date(),
    /** Answers to a firing, by channel and action, counted after the commit. */
    private readonly metrics?: ProductMetrics,
  ) {}

  /** The caller's reminders that fired and wait for an answer, newest first. */
  async due(userId: string, limit = 50): Promise<Reminder[]> {
    const rows = (await this.ds.query(
      `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE user_id = $1 AND alert_due_at IS NOT NULL
        ORDER BY alert_due_at DESC, id LIMIT $2`,
      [userId, limit],
    )) as ReminderRow[];
    return rows.map(toReminder);
  }

  /** Deliveries of these reminders (batched for a DataLoader), latest firing first. */
  async deliveriesOf(reminderIds: readonly string[]): Promise<Map<string, ReminderDelivery[]>> {
    const rows = (await this.ds.query(
      `SELECT id, reminder_id, user_id, channel, step, occurrence_due_at, delivered_at, failed_at, acknowledged_at, action
         FROM (SELECT d.*, row_number() OVER (PARTITION BY reminder_id ORDER BY occurrence_due_at DESC, step DESC, channel) AS n
                 FROM reminder_deliveries d WHERE reminder_id = ANY($1::uuid[])) ranked
        WHERE n <= ${DELIVERIES_PER_REMINDER}
        ORDER BY occurrence_due_at DESC, step, channel`,
      [reminderIds.filter(isUuid)],
    )) as DeliveryRow[];
    const out = new Map<string, ReminderDelivery[]>(reminderIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.reminder_id)?.push(
        Object.assign(new ReminderDelivery(), {
          id: r.id,
          reminderId: r.reminder_id,
          userId: r.user_id,
          channel: r.channel,
          step: r.step,
          occurrenceDueAt: r.occurrence_due_at,
          deliveredAt: r.delivered_at,
          failedAt: r.failed_at,
          acknowledgedAt: r.acknowledged_at,
          action: r.action,
        }),
      );
    }
    return out;
  }

  /** Answers a reminder of the caller's (see the class note). Another person's reads as not found. */
  async acknowledge(
    userId: string,
    reminderId: string,
    action: ReminderActionEnum,
    options: AcknowledgeOptions = {},
  ): Promise<Reminder> {
    const { clientId } = options;
    if (clientId !== undefined && clientId !== null && !CLIENT_ID.test(clientId))
      throw assistantError(AssistantErrorCode.INVALID_CLIENT_ID);
    if (!isUuid(reminderId)) throw assistantError(AssistantErrorCode.REMINDER_NOT_FOUND);
    const {
      reminder: result,
      moved,
      answered,
      occurrence,
    } = await this.ds.transaction((m) =>
      acknowledgeIn(m, this.reminders, userId, reminderId, action, options, this.now()),
    );
    await this.reminders.committed(userId, moved ? [result] : []);
    if (answered) {
      this.metrics?.reminderAcknowledgements.inc({ channel: options.via ?? 'app', action });
      if (occurrence) this.reminders.answered(userId, { reminder: result, action, occurrence });
    }
    return result;
  }

  /** An answer from a notification with the app closed: the token names person, reminder and firing. */
  async acknowledgeByToken(token: string, action: ReminderActionEnum, clientId: string): Promise<boolean> {
    const grant = await this.tokens.verify(token);
    if (!grant) throw assistantError(AssistantErrorCode.INVALID_ACTION_TOKEN);
    try {
      await this.acknowledge(grant.userId, grant.reminderId, action, {
        clientId,
        occurrenceDueAt: grant.occurrenceDueAt,
        via: 'push',
      });
    } catch (err) {
      // The reminder was deleted, or changed hands (account deleted): the token is no longer good.
      if ((err as { code?: string }).code === AssistantErrorCode.REMINDER_NOT_FOUND)
        throw assistantError(AssistantErrorCode.INVALID_ACTION_TOKEN);
      throw err;
    }
    return true;
  }
}

/** What an answer did: the reminder after it, whether it moved (snooze), whether a firing was answered. */
export interface Acknowledged {
  reminder: Reminder;
  moved: boolean;
  answered: boolean;
  /** The firing that was answered (null when none was ringing). */
  occurrence: Date | null;
}

/**
 * Applies an answer inside the caller's transaction (the alert's buttons, a notification, or "done"
 * typed in chat or by SMS). After commit the caller runs `reminders.committed` (when moved) and
 * `reminders.answered` (when answered).
 */
export async function acknowledgeIn(
  m: EntityManager,
  reminders: ReminderService,
  userId: string,
  reminderId: string,
  action: ReminderActionEnum,
  options: AcknowledgeOptions,
  now: Date,
): Promise<Acknowledged> {
  const { clientId } = options;
  const minutes = Math.min(
    Math.max(Math.round(options.snoozeMinutes ?? SNOOZE_MINUTES.default), SNOOZE_MINUTES.min),
    SNOOZE_MINUTES.max,
  );
  const [row] = (await m.query(
    `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1 AND user_id = $2 FOR UPDATE`,
    [reminderId, userId],
  )) as ReminderRow[];
  if (!row) throw assistantError(AssistantErrorCode.REMINDER_NOT_FOUND);
  const current = toReminder(row);
  const unchanged = { reminder: current, moved: false, answered: false, occurrence: null };
  if (clientId) {
    const inserted = (await m.query(
      `INSERT INTO reminder_acknowledgements (user_id, client_id, reminder_id, action) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING client_id`,
      [userId, clientId, reminderId, action],
    )) as unknown[];
    // Sent before (a retried request, the outbox replaying): applied once, answered as it is now.
    if (inserted.length === 0) return unchanged;
  }
  const occurrence = current.alertDueAt;
  // A notification about an older firing: that firing is already over, leave the newer one alone.
  if (options.occurrenceDueAt && occurrence?.getTime() !== options.occurrenceDueAt.getTime())
    return unchanged;
  let moved = false;
  // A check-in is not moved (it comes back tomorrow): a snooze of it only answers it.
  if (
    action === ReminderActionEnum.SNOOZED &&
    current.status !== ReminderStatusEnum.CANCELLED &&
    current.kind !== ReminderKindEnum.CHECKIN
  ) {
    // A firing snoozes from now; a reminder not rung yet never comes closer.
    const from = occurrence ? now.getTime() : Math.max(now.getTime(), current.dueAt.getTime());
    await reminders.moveTo(userId, reminderId, new Date(from + minutes * 60_000), m);
    moved = true;
  }
  if (
    action === ReminderActionEnum.DONE &&
    !current.recurrence &&
    current.status === ReminderStatusEnum.SCHEDULED
  )
    await m.query(`UPDATE reminders SET status = 'delivered', updated_at = now() WHERE id = $1`, [
      reminderId,
    ]);
  if (occurrence) {
    await m.query(
      `UPDATE reminders SET alert_due_at = NULL, acknowledged_at = $2, updated_at = now() WHERE id = $1`,
      [reminderId, now],
    );
    await m.query(
      `UPDATE reminder_deliveries SET acknowledged_at = $3, action = $4
        WHERE reminder_id = $1 AND occurrence_due_at = $2 AND acknowledged_at IS NULL`,
      [reminderId, occurrence, now, action],
    );
  }
  const [after] = (await m.query(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1`, [
    reminderId,
  ])) as ReminderRow[];
  return { reminder: toReminder(after as ReminderRow), moved, answered: occurrence !== null, occurrence };
}
