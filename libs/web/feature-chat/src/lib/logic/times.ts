import { clockTime } from '@pa/web-ui';
// Dates as the person reads them, in their own time zone (the one reminders follow).

const dayKey = (date: Date, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );

/** "14:05" today; "Mon 24 Nov, 14:05" another day this year; with the year otherwise. */
export function messageTimeLabel(iso: string, now: number, timeZone?: string, locale?: string): string {
  const date = new Date(iso);
  const time = clockTime(date, timeZone);
  if (dayKey(date, timeZone) === dayKey(new Date(now), timeZone)) return time;
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(new Date(now), timeZone).slice(0, 4);
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  return `${day}, ${time}`;
}

/** The full date and time, for a tooltip or a screen reader. */
export const fullDateTime = (iso: string, timeZone?: string, locale?: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
