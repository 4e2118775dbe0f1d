import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_DAY_RULE_VALUES,
  DEFAULT_ESCALATION,
  DEFAULT_PREFERENCES,
  dayRulesProblems,
  parseClockTime,
  type DayRuleValues,
  type EscalationStepValue,
} from '@pa/shared-domain';
import type { AuditService } from '@pa/server-auth';
import { parseTimeZone } from '@pa/server-auth';
import type { ClientInfo, PubSub } from '@pa/server-core';
import { validationFailed } from '../users.errors';
import {
  ReminderChannelEnum,
  type AssistantToneEnum,
  type LocaleEnum,
  type SmsReplyLengthEnum,
} from '../users.enums';
import { UserPreferences } from './preferences.entity';
import { escalationProblem, toEscalation } from './escalation.types';
import type { UpdatePreferencesInput } from './preferences.inputs';
import './preferences.topics';

interface Row {
  time_zone: string;
  locale: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  reminder_channels: string[];
  check_in_time: string | null;
  assistant_tone: string;
  sms_reply_length: string;
  escalation: EscalationStepValue[] | null;
  // The person's day as stored: null is the default.
  day_start: string | null;
  lunch_time: string | null;
  work_end: string | null;
  evening_time: string | null;
  appointment_lead_minutes: number | null;
  updated_at: Date;
  email_verified: boolean;
  has_phone: boolean;
}

/** Reads and changes a person's preferences; every change is checked field by field and audited. */
export class PreferencesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly pubSub: PubSub,
  ) {}

  /** Creates the defaults for a new account, inside its registration transaction. */
  async createDefaults(m: EntityManager, userId: string): Promise<void> {
    const d = DEFAULT_PREFERENCES;
    await m.query(
      `INSERT INTO preferences (user_id, locale, quiet_hours_start, quiet_hours_end, reminder_channels,
                                check_in_time, assistant_tone, sms_reply_length)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (user_id) DO NOTHING`,
      [
        userId,
        d.locale,
        d.quietHoursStart,
        d.quietHoursEnd,
        d.reminderChannels,
        d.checkInTime,
        d.assistantTone,
        d.smsReplyLength,
      ],
    );
  }

  private async row(m: EntityManager | DataSource, userId: string, lock = false): Promise<Row | undefined> {
    // A missing row (an account made before preferences existed) reads as the defaults.
    const rows = (await m.query(
      `SELECT u.time_zone, u.email_verified_at IS NOT NULL AS email_verified,
              EXISTS (SELECT 1 FROM mfa_factors f WHERE f.user_id = u.id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL) AS has_phone,
              COALESCE(p.locale, $2) AS locale,
              CASE WHEN p.user_id IS NULL THEN $3 ELSE p.quiet_hours_start END AS quiet_hours_start,
              CASE WHEN p.user_id IS NULL THEN $4 ELSE p.quiet_hours_end END AS quiet_hours_end,
              COALESCE(p.reminder_channels, $5::text[]) AS reminder_channels,
              CASE WHEN p.user_id IS NULL THEN $6 ELSE p.check_in_time END AS check_in_time,
              COALESCE(p.assistant_tone, $7) AS assistant_tone,
              COALESCE(p.sms_reply_length, $8) AS sms_reply_length, p.escalation,
              p.day_start, p.lunch_time, p.work_end, p.evening_time, p.appointment_lead_minutes,
              COALESCE(p.updated_at, u.created_at) AS updated_at
         FROM users u LEFT JOIN preferences p ON p.user_id = u.id
        WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`,
      [
        userId,
        DEFAULT_PREFERENCES.locale,
        DEFAULT_PREFERENCES.quietHoursStart,
        DEFAULT_PREFERENCES.quietHoursEnd,
        DEFAULT_PREFERENCES.reminderChannels,
        DEFAULT_PREFERENCES.checkInTime,
        DEFAULT_PREFERENCES.assistantTone,
        DEFAULT_PREFERENCES.smsReplyLength,
      ],
    )) as Row[];
    return rows[0];
  }

  /** The caller's preferences (defaults where never set). */
  async get(userId: string): Promise<UserPreferences> {
    const row = await this.row(this.ds, userId);
    if (!row) throw validationFailed({ userId: 'No such account.' });
    return toPreferences(userId, row);
  }

  /** Applies the fields sent; all or nothing. Returns the preferences as they now are. */
  async update(userId: string, input: UpdatePreferencesInput, client: ClientInfo): Promise<UserPreferences> {
    const changed = await this.ds.transaction(async (m) => {
      const current = await this.row(m, userId, true);
      if (!current) throw validationFailed({ userId: 'No such account.' });
      const next = merge(userId, toPreferences(userId, current), input, current);
      const day = storedDay(current, input);
      await m.query(`UPDATE users SET time_zone = $2, updated_at = now() WHERE id = $1 AND time_zone <> $2`, [
        userId,
        next.timeZone,
      ]);
      await m.query(
        `INSERT INTO preferences (user_id, locale, quiet_hours_start, quiet_hours_end, reminder_channels,
                                  check_in_time, assistant_tone, sms_reply_length, escalation, day_start,
                                  lunch_time, work_end, evening_time, appointment_lead_minutes, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
         ON CONFLICT (user_id) DO UPDATE SET locale = $2, quiet_hours_start = $3, quiet_hours_end = $4,
           reminder_channels = $5, check_in_time = $6, assistant_tone = $7, sms_reply_length = $8,
           escalation = COALESCE($9, preferences.escalation), day_start = $10, lunch_time = $11,
           work_end = $12, evening_time = $13, appointment_lead_minutes = $14, updated_at = now()`,
        [
          userId,
          next.locale,
          next.quietHoursStart,
          next.quietHoursEnd,
          next.reminderChannels,
          next.checkInTime,
          next.assistantTone,
          next.smsReplyLength,
          // Written only when sent: a person who never chose a ladder follows the default.
          input.escalation === undefined
            ? null
            : JSON.stringify(
                next.escalation.map((e) => ({ afterMinutes: e.afterMinutes, channel: e.channel })),
              ),
          day.day_start,
          day.lunch_time,
          day.work_end,
          day.evening_time,
          day.appointment_lead_minutes,
        ],
      );
      return Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    });
    await this.audit.record({
      action: 'preferences_update',
      outcome: 'success',
      actorId: userId,
      client,
      details: { fields: changed },
    });
    // Schedulers (reminders, check-ins) listen: the next one is computed with the new values.
    this.pubSub.publish('preferencesChanged', { userId });
    return this.get(userId);
  }
}

function toPreferences(userId: string, r: Row): UserPreferences {
  return Object.assign(new UserPreferences(), {
    userId,
    timeZone: r.time_zone,
    locale: r.locale as LocaleEnum,
    quietHoursStart: r.quiet_hours_start,
    quietHoursEnd: r.quiet_hours_end,
    reminderChannels: r.reminder_channels as ReminderChannelEnum[],
    checkInTime: r.check_in_time,
    assistantTone: r.assistant_tone as AssistantToneEnum,
    smsReplyLength: r.sms_reply_length as SmsReplyLengthEnum,
    escalation: toEscalation(r.escalation ?? DEFAULT_ESCALATION),
    dayStart: r.day_start ?? DEFAULT_DAY_RULE_VALUES.dayStart,
    lunch: r.lunch_time ?? DEFAULT_DAY_RULE_VALUES.lunch,
    workEnd: r.work_end ?? DEFAULT_DAY_RULE_VALUES.workEnd,
    evening: r.evening_time ?? DEFAULT_DAY_RULE_VALUES.evening,
    appointmentLeadMinutes: r.appointment_lead_minutes ?? DEFAULT_DAY_RULE_VALUES.appointmentLeadMinutes,
    updatedAt: r.updated_at,
  });
}

/** The day fields → their columns. */
const DAY_COLUMNS = {
  dayStart: 'day_start',
  lunch: 'lunch_time',
  workEnd: 'work_end',
  evening: 'evening_time',
  appointmentLeadMinutes: 'appointment_lead_minutes',
} as const satisfies Record<keyof DayRuleValues, keyof Row>;

type StoredDay = Pick<Row, (typeof DAY_COLUMNS)[keyof DayRuleValues]>;

/** The day columns to store: the fields sent (null: back to the default), the others as they were. */
function storedDay(current: Row, input: UpdatePreferencesInput): StoredDay {
  const out = {
    day_start: current.day_start,
    lunch_time: current.lunch_time,
    work_end: current.work_end,
    evening_time: current.evening_time,
    appointment_lead_minutes: current.appointment_lead_minutes,
  };
  for (const key of Object.keys(DAY_COLUMNS) as (keyof DayRuleValues)[]) {
    const v = input[key];
    if (v === undefined) continue;
    (out as Record<string, string | number | null>)[DAY_COLUMNS[key]] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

const CLOCK_MESSAGE = 'Use a 24-hour time such as 07:30.';

/** The preferences after applying `input`, or one VALIDATION_FAILED naming every bad field. */
export function merge(
  userId: string,
  current: UserPreferences,
  input: UpdatePreferencesInput,
  facts: { email_verified: boolean; has_phone: boolean },
): UserPreferences {
  const errors: Record<string, string> = {};
  const next = Object.assign(new UserPreferences(), current, { userId });
  if (input.timeZone !== undefined) {
    try {
      if (input.timeZone === null) throw new Error('required');
      next.timeZone = parseTimeZone(input.timeZone);
    } catch {
      errors['timeZone'] = 'Pick a time zone from the list, e.g. Europe/Paris.';
    }
  }
  for (const key of ['locale', 'assistantTone', 'smsReplyLength'] as const) {
    if (input[key] === null) errors[key] = 'This one cannot be empty.';
    else if (input[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = input[key];
  }
  for (const key of ['quietHoursStart', 'quietHoursEnd', 'checkInTime'] as const) {
    const v = input[key];
    if (v === undefined) continue;
    if (v === null) next[key] = null;
    else if (parseClockTime(v) === null) errors[key] = CLOCK_MESSAGE;
    else next[key] = v.trim();
  }
  if (!errors['quietHoursStart'] && !errors['quietHoursEnd']) {
    if ((next.quietHoursStart === null) !== (next.quietHoursEnd === null))
      errors[next.quietHoursStart === null ? 'quietHoursStart' : 'quietHoursEnd'] =
        'Set both the start and the end of quiet hours, or clear both.';
    else if (next.quietHoursStart !== null && next.quietHoursStart === next.quietHoursEnd)
      errors['quietHoursEnd'] = 'Quiet hours need to end at a different time than they start.';
  }
  if (input.reminderChannels !== undefined) {
    const channels = [...new Set(input.reminderChannels ?? [])];
    if (channels.length === 0) errors['reminderChannels'] = 'Choose at least one way to be reminded.';
    else if (channels.includes(ReminderChannelEnum.SMS) && !facts.has_phone)
      errors['reminderChannels'] = 'Add and verify your phone number first to get reminders by SMS.';
    else if (channels.includes(ReminderChannelEnum.EMAIL) && !facts.email_verified)
      errors['reminderChannels'] = 'Confirm your email address first to get reminders by email.';
    else next.reminderChannels = channels;
  }
  // The day: a field sent as null goes back to its default; the whole day must stay in order.
  const dayKeys = (Object.keys(DAY_COLUMNS) as (keyof DayRuleValues)[]).filter((k) => input[k] !== undefined);
  if (dayKeys.length > 0) {
    const day: DayRuleValues = {
      dayStart: next.dayStart,
      lunch: next.lunch,
      workEnd: next.workEnd,
      evening: next.evening,
      appointmentLeadMinutes: next.appointmentLeadMinutes,
    };
    for (const key of dayKeys) {
      const v = input[key];
      (day as unknown as Record<string, unknown>)[key] =
        v === null ? DEFAULT_DAY_RULE_VALUES[key] : typeof v === 'string' ? v.trim() : v;
    }
    const problems = dayRulesProblems(day);
    for (const [key, message] of Object.entries(problems)) errors[key] = message;
    if (Object.keys(problems).length === 0) Object.assign(next, day);
  }
  if (input.escalation !== undefined) {
    const steps = input.escalation ?? [];
    const problem = escalationProblem(steps);
    if (problem) errors['escalation'] = problem;
    else next.escalation = toEscalation(steps);
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return next;
}
