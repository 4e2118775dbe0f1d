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
