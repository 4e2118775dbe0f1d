import { fromApiEnum, toApiEnum } from '@pa/web-data-access';
import { type PreferencesInfo, type UpdatePreferencesInput } from '@pa/web-data-access/account';
import {
  ASSISTANT_TONES,
  DEFAULT_PREFERENCES,
  LOCALES,
  parseClockTime,
  REMINDER_CHANNELS,
  SMS_REPLY_LENGTHS,
  type AssistantTone,
  type Locale,
  type ReminderChannel,
  type SmsReplyLength,
} from '@pa/shared-domain/profile';

/** The preferences as the form edits them: switches for the optional times, domain spellings. */
export interface PreferencesForm {
  timeZone: string;
  locale: Locale;
  quietHoursOn: boolean;
  quietHoursStart: string;
  quietHoursEnd: string;
  reminderChannels: ReminderChannel[];
  checkInOn: boolean;
  checkInTime: string;
  assistantTone: AssistantTone;
  smsReplyLength: SmsReplyLength;
}

/** The fields the API can point an error at (its `details.fields` keys). */
export type PreferencesField =
  | 'timeZone'
  | 'locale'
  | 'quietHoursStart'
  | 'quietHoursEnd'
  | 'reminderChannels'
  | 'checkInTime'
  | 'assistantTone'
  | 'smsReplyLength';

/** In page order, so focus goes to the first field with a problem. */
export const PREFERENCES_FIELD_ORDER: readonly PreferencesField[] = [
  'timeZone',
  'locale',
  'quietHoursStart',
  'quietHoursEnd',
  'reminderChannels',
  'checkInTime',
  'assistantTone',
  'smsReplyLength',
];

export type PreferencesErrors = Partial<Record<PreferencesField, string>>;

export const SMS_REPLY_LENGTH_KEYS = Object.keys(SMS_REPLY_LENGTHS) as SmsReplyLength[];

/** The form's starting values from the saved preferences (an unset time starts from the default). */
export function formFromPreferences(saved: PreferencesInfo): PreferencesForm {
  const quietOn = saved.quietHoursStart !== null && saved.quietHoursEnd !== null;
  return {
    timeZone: saved.timeZone,
    locale: fromApiEnum(saved.locale, LOCALES) ?? DEFAULT_PREFERENCES.locale,
    quietHoursOn: quietOn,
    quietHoursStart: saved.quietHoursStart ?? DEFAULT_PREFERENCES.quietHoursStart ?? '',
    quietHoursEnd: saved.quietHoursEnd ?? DEFAULT_PREFERENCES.quietHoursEnd ?? '',
    reminderChannels: saved.reminderChannels
      .map((channel) => fromApiEnum(channel, REMINDER_CHANNELS))
      .filter((channel): channel is ReminderChannel => channel !== undefined),
    checkInOn: saved.checkInTime !== null,
    checkInTime: saved.checkInTime ?? DEFAULT_PREFERENCES.checkInTime ?? '',
    assistantTone: fromApiEnum(saved.assistantTone, ASSISTANT_TONES) ?? DEFAULT_PREFERENCES.assistantTone,
    smsReplyLength:
      fromApiEnum(saved.smsReplyLength, SMS_REPLY_LENGTH_KEYS) ?? DEFAULT_PREFERENCES.smsReplyLength,
  };
}

const TIME_MESSAGE = 'Please enter a time such as 07:30.';

/**
 * Catches what is plainly missing before a round trip. The API judges the rest (equal quiet-hour
 * times, a channel the account cannot use yet) and its messages show beside the same fields.
 */
export function validatePreferencesForm(form: PreferencesForm): PreferencesErrors {
  const errors: PreferencesErrors = {};
  if (!form.timeZone) errors.timeZone = 'Please pick your time zone from the list.';
  if (form.quietHoursOn) {
    if (parseClockTime(form.quietHoursStart) === null) errors.quietHoursStart = TIME_MESSAGE;
    if (parseClockTime(form.quietHoursEnd) === null) errors.quietHoursEnd = TIME_MESSAGE;
  }
  if (form.reminderChannels.length === 0) errors.reminderChannels = 'Choose at least one way to be reminded.';
  if (form.checkInOn && parseClockTime(form.checkInTime) === null) errors.checkInTime = TIME_MESSAGE;
  return errors;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Only what changed since `saved`, spelled as the API wants it (both quiet-hour ends travel together). */
export function changedPreferences(form: PreferencesForm, saved: PreferencesForm): UpdatePreferencesInput {
  const input: UpdatePreferencesInput = {};
  if (form.timeZone !== saved.timeZone) input.timeZone = form.timeZone;
  if (form.locale !== saved.locale) input.locale = toApiEnum(form.locale);
  const quiet = (f: PreferencesForm) =>
    f.quietHoursOn ? [f.quietHoursStart.trim(), f.quietHoursEnd.trim()] : [null, null];
  const [start, end] = quiet(form);
  const [savedStart, savedEnd] = quiet(saved);
  if (start !== savedStart || end !== savedEnd) {
    input.quietHoursStart = start;
    input.quietHoursEnd = end;
  }
  if (!sameList(form.reminderChannels, saved.reminderChannels))
    input.reminderChannels = form.reminderChannels.map((channel) => toApiEnum(channel));
  const checkIn = (f: PreferencesForm) => (f.checkInOn ? f.checkInTime.trim() : null);
  if (checkIn(form) !== checkIn(saved)) input.checkInTime = checkIn(form);
  if (form.assistantTone !== saved.assistantTone) input.assistantTone = toApiEnum(form.assistantTone);
  if (form.smsReplyLength !== saved.smsReplyLength) input.smsReplyLength = toApiEnum(form.smsReplyLength);
  return input;
}

/** The first field (in page order) that has an error. */
export function firstPreferencesError(errors: PreferencesErrors): PreferencesField | undefined {
  return PREFERENCES_FIELD_ORDER.find((field) => errors[field]);
}

/** Keeps the API's per-field messages that belong to this form. */
export function preferencesErrorsFrom(fields: Record<string, string>): PreferencesErrors {
  const errors: PreferencesErrors = {};
  for (const field of PREFERENCES_FIELD_ORDER) if (fields[field]) errors[field] = fields[field];
  return errors;
}

/** "English", "français": each language named in itself, so people find their own. */
export function localeLabel(locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}
