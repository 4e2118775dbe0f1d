// Profile and preference limits, shared by the settings forms and the API that enforces them.

export const DISPLAY_NAME_MAX = 80;

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const REMINDER_CHANNELS = ['in_app', 'push', 'sms', 'email'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const ASSISTANT_TONES = ['gentle', 'direct'] as const;
export type AssistantTone = (typeof ASSISTANT_TONES)[number];

/** How long the assistant's SMS replies may be, in characters (one, two or four GSM segments). */
export const SMS_REPLY_LENGTHS = { short: 160, standard: 306, long: 612 } as const;
export type SmsReplyLength = keyof typeof SMS_REPLY_LENGTHS;

/** Avatar colours people can pick (all reach 4.5:1 contrast with white initials). */
export const AVATAR_COLORS = [
  '#1d4ed8',
  '#0f766e',
  '#15803d',
  '#a16207',
  '#b91c1c',
  '#7e22ce',
  '#be185d',
  '#334155',
] as const;

/** Uploaded avatar images: small, square-ish pictures in a common format. */
export const AVATAR_IMAGE = {
  maxBytes: 64 * 1024,
  maxSide: 512,
  minSide: 32,
  types: ['image/png', 'image/jpeg', 'image/webp'] as const,
};

export interface PreferenceValues {
  timeZone: string;
  locale: Locale;
  /** Local "HH:MM"; no nudges between start and end (may cross midnight). Both null: no quiet hours. */
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  reminderChannels: ReminderChannel[];
  /** Local "HH:MM" for the daily check-in; null turns the check-in off. */
  checkInTime: string | null;
  assistantTone: AssistantTone;
  smsReplyLength: SmsReplyLength;
}

/** What a new account starts with (its time zone comes from the sign-up form). */
export const DEFAULT_PREFERENCES: Omit<PreferenceValues, 'timeZone'> = {
  locale: 'en',
  quietHoursStart: '22:00',
  quietHoursEnd: '08:00',
  reminderChannels: ['in_app'],
  checkInTime: '09:00',
  assistantTone: 'gentle',
  smsReplyLength: 'short',
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a "HH:MM" time, or null when it is not one. */
export function parseClockTime(value: string): number | null {
  const m = HH_MM.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Whether a local time of day (minutes after midnight) falls inside quiet hours. */
export function inQuietHours(minuteOfDay: number, start: string | null, end: string | null): boolean {
  if (start === null || end === null) return false;
  const s = parseClockTime(start);
  const e = parseClockTime(end);
  if (s === null || e === null || s === e) return false;
  return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
}

/** Initials for an avatar: first letters of the first and last words, upper case. */
export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '?')][0] ?? '?';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase();
}

/**
 * The person's day, which the assistant reads vague times against ("first thing" = day start,
 * "after lunch" = lunch + 1 h, "after work" = work end, "evening", "tonight" = evening + 1 h), and how
 * long before an appointment its reminder rings. Local "HH:MM".
 */
export interface DayRuleValues {
  dayStart: string;
  lunch: string;
  workEnd: string;
  evening: string;
  appointmentLeadMinutes: number;
}

/** Everyone's day until they say otherwise (docs/assistant-language.md). */
export const DEFAULT_DAY_RULE_VALUES: DayRuleValues = {
  dayStart: '09:00',
  lunch: '12:30',
  workEnd: '18:00',
  evening: '19:00',
  appointmentLeadMinutes: 60,
};

/** How long before an appointment its reminder may ring, in minutes (0: at the appointment; a day at most). */
export const APPOINTMENT_LEAD_MINUTES = { min: 0, max: 1440 } as const;

/**
 * Problems with a day, by field (empty when fine): each time "HH:MM", the day in order (day start
 * before lunch, lunch before the evening, work ending after the day starts), the lead in range.
 */
export function dayRulesProblems(rules: DayRuleValues): Partial<Record<keyof DayRuleValues, string>> {
  const out: Partial<Record<keyof DayRuleValues, string>> = {};
  const clock = {
    dayStart: parseClockTime(rules.dayStart),
    lunch: parseClockTime(rules.lunch),
    workEnd: parseClockTime(rules.workEnd),
    evening: parseClockTime(rules.evening),
  };
  for (const key of ['dayStart', 'lunch', 'workEnd', 'evening'] as const)
    if (clock[key] === null) out[key] = 'Use a 24-hour time such as 07:30.';
  const { dayStart, lunch, workEnd, evening } = clock;
  if (dayStart !== null && lunch !== null && lunch <= dayStart)
    out.lunch ??= 'Lunch comes after the start of your day.';
  if (lunch !== null && evening !== null && evening <= lunch)
    out.evening ??= 'The evening comes after lunch.';
  if (dayStart !== null && workEnd !== null && workEnd <= dayStart)
    out.workEnd ??= 'Work ends after the start of your day.';
  const lead = rules.appointmentLeadMinutes;
  if (!Number.isInteger(lead) || lead < APPOINTMENT_LEAD_MINUTES.min || lead > APPOINTMENT_LEAD_MINUTES.max)
    out.appointmentLeadMinutes = `From ${APPOINTMENT_LEAD_MINUTES.min} to ${APPOINTMENT_LEAD_MINUTES.max} minutes before.`;
  return out;
}
