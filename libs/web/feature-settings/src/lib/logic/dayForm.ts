import type { DayPreferences, DayPreferencesInput } from '@pa/web-data-access/account';

// The person's day as a form: four local times (HH:MM) and the minutes an appointment's reminder rings
// before it. The API checks their order (lunch after the start, …) and names each bad field.

export type DayField = 'dayStart' | 'lunch' | 'workEnd' | 'evening' | 'appointmentLeadMinutes';
export type DayForm = Record<DayField, string>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const formFromDay = (day: DayPreferences): DayForm => ({
  dayStart: day.dayStart,
  lunch: day.lunch,
  workEnd: day.workEnd,
  evening: day.evening,
  appointmentLeadMinutes: String(day.appointmentLeadMinutes),
});

/** The notes for fields that cannot be sent as typed (empty when all can). */
export function dayFormErrors(form: DayForm): Partial<Record<DayField, string>> {
  const errors: Partial<Record<DayField, string>> = {};
  for (const key of ['dayStart', 'lunch', 'workEnd', 'evening'] as const)
    if (!TIME.test(form[key])) errors[key] = 'Enter a time, like 09:00.';
  const lead = Number(form.appointmentLeadMinutes);
  if (!/^\d+$/.test(form.appointmentLeadMinutes.trim()) || lead > 1440)
    errors.appointmentLeadMinutes = 'Enter 0 to 1440 minutes.';
  return errors;
}

/** Only what changed, ready for updatePreferences. */
export function changedDay(form: DayForm, saved: DayForm): DayPreferencesInput {
  const input: DayPreferencesInput = {};
  for (const key of ['dayStart', 'lunch', 'workEnd', 'evening'] as const)
    if (form[key] !== saved[key]) input[key] = form[key];
  if (form.appointmentLeadMinutes.trim() !== saved.appointmentLeadMinutes)
    input.appointmentLeadMinutes = Number(form.appointmentLeadMinutes);
  return input;
}
