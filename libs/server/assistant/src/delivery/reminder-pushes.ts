import type { DataSource } from 'typeorm';
import type { PushPayload } from '@pa/server-push';
import { ReminderKindEnum, type Reminder } from '../reminder.entity';
import type { ActionTokens } from './action-token';
import { pushTitle } from './reminder-text';

type PushedReminder = Pick<Reminder, 'id' | 'userId' | 'kind' | 'text'>;

/** One push of one firing's step: for the push port. */
export interface ReminderPush {
  userId: string;
  payload: PushPayload;
  key: string;
}

/** Tokens minted ahead of a firing are kept this long at most, and this many at most. */
const TOKEN_TTL_MS = 10 * 60_000;
const TOKENS_MAX = 100_000;

/** The key of the push of one step of one firing (retries and prepared pushes are keyed by it). */
export function reminderPushKey(reminderId: string, occurrence: Date, step: number): string {
  return `r-${reminderId}-${occurrence.getTime()}-${step}`;
}

/**
 * The pushes of reminders: each person's language, what the notification shows, and the action token
 * that lets Done / Snooze work from it. A push prepared before its reminder is due (`forFiring(…,
 * true)`) keeps its token, so the same push built at the due time is byte for byte the one already
 * encrypted, and only has to be posted.
 */
export class ReminderPushes {
  private readonly minted = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: ActionTokens,
    private readonly now: () => number = Date.now,
  ) {}

  /** The pushes of step `step` of these firings, in order (one read of their people's languages). */
  async forFiring(
    firings: { reminder: PushedReminder; occurrenceDueAt: Date }[],
    step: number,
    ahead = false,
  ): Promise<ReminderPush[]> {
    if (firings.length === 0) return [];
    const french = new Set(
      (
        (await this.ds.query(
          `SELECT user_id FROM preferences WHERE user_id = ANY($1::uuid[]) AND locale = 'fr'`,
          [[...new Set(firings.map((c) => c.reminder.userId))]],
        )) as { user_id: string }[]
      ).map((r) => r.user_id),
    );
    if (ahead) this.forget();
    return Promise.all(
      firings.map(async ({ reminder, occurrenceDueAt: occurrence }) => {
        const key = reminderPushKey(reminder.id, occurrence, step);
        const focus = reminder.kind === ReminderKindEnum.FOCUS;
        const checkIn = reminder.kind === ReminderKindEnum.CHECKIN;
        const payload: PushPayload = {
          v: 1,
          kind: focus ? 'focus' : checkIn ? 'checkin' : 'reminder',
          reminderId: reminder.id,
          title: pushTitle(reminder.kind, step, french.has(reminder.userId) ? 'fr' : 'en'),
          body: reminder.text,
          // One check-in notification at a time (yesterday's is replaced), answered in the chat.
          tag: checkIn ? 'checkin' : `reminder-${reminder.id}`,
          url: checkIn ? '/chat' : `/today?reminder=${reminder.id}`,
          occurrenceDueAt: occurrence.toISOString(),
          step,
          actionToken: await this.token(key, reminder, occurrence, ahead),
        };
        return { userId: reminder.userId, payload, key };
      }),
    );
  }

  /** A token minted ahead for this push (used once), or a new one. */
  private async token(
    key: string,
    reminder: PushedReminder,
    occurrence: Date,
    ahead: boolean,
  ): Promise<string> {
    const kept = this.minted.get(key);
    if (kept && kept.until > this.now()) {
      if (!ahead) this.minted.delete(key);
      return kept.token;
    }
    const token = await this.tokens.mint({
      userId: reminder.userId,
      reminderId: reminder.id,
      occurrenceDueAt: occurrence,
    });
    if (ahead && this.minted.size < TOKENS_MAX)
      this.minted.set(key, { token, until: this.now() + TOKEN_TTL_MS });
    return token;
  }

  /** Drops the tokens of firings that never came (cancelled, moved) once they are too old. */
  private forget(): void {
    const now = this.now();
    for (const [key, kept] of this.minted) if (kept.until <= now) this.minted.delete(key);
  }
}
