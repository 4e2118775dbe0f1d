import { clockTime } from '@pa/web-ui';
// Times of reminders as the person reads them, in their own time zone (the one reminders follow).

const dayKey = (date: Date, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );

/** The calendar day after a YYYY-MM-DD day (calendar arithmetic: no daylight-saving surprises). */
const nextDay = (day: string) => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/** "Today at 22:10", "Tomorrow at 08:00", "Wed 26 Nov at 08:00" (with the year when it differs). */
export function dueLabel(iso: string, now: number, timeZone?: string, locale?: string): string {
  const date = new Date(iso);
  const time = clockTime(date, timeZone);
  const day = dayKey(date, timeZone);
  const today = dayKey(new Date(now), timeZone);
  if (day === today) return `Today at ${time}`;
  if (day === nextDay(today)) return `Tomorrow at ${time}`;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const date_ = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  return `${date_} at ${time}`;
}

/** "in 5 min", "in 2 h", or null when it is more than a day away or already due. */
export function dueSoon(iso: string, now: number): string | null {
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  if (minutes < 1) return minutes < 0 ? null : 'in less than a minute';
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 24 * 60) return `in ${Math.round(minutes / 60)} h`;
  return null;
}

/** "Tuesday 25 November": the heading of the day, in the person's zone. */
export const todayLabel = (now: number, timeZone?: string, locale?: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(now),
  );

// The API's snoozeReminder counts its minutes from now and takes 1–1440 of them.
const SNOOZE_MAX_MINUTES = 1440;

/**
 * The minutes to ask `snoozeReminder` for so a reminder rings `by` minutes later than planned: the API
 * counts from now, so a reminder still 20 minutes away needs 30. Null when that is past what the API
 * accepts (a reminder more than a day away: snoozing it means little).
 */
export function snoozeMinutes(dueAt: string, now: number, by: number): number | null {
  const untilDue = Math.max(0, Math.ceil((Date.parse(dueAt) - now) / 60_000));
  const minutes = untilDue + by;
  return minutes <= SNOOZE_MAX_MINUTES ? minutes : null;
}
