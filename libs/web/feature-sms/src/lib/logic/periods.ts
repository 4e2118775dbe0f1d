// Usage comes back as the periods that had any traffic ("2026-11-03", or "2026-11" by month). A chart
// reads better with the quiet days in it: these helpers lay out every period of a range, in the time
// zone the API grouped by, and read the date inputs of the analytics page.

export type Grouping = 'DAY' | 'MONTH';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest range the API accepts (2 years, with a leap day). */
export const MAX_RANGE_DAYS = 2 * 366;

/** The calendar day of `instant` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(instant: Date, timeZone: string): string {
  // en-CA lays a date out as YYYY-MM-DD.
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  try {
    return format(timeZone).format(instant);
  } catch {
    return format('UTC').format(instant);
  }
}

function parseDay(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  // Refuse 2026-02-31 and the like.
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? time : null;
}

const asDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Every period from the one holding `from` to the one holding the last instant before `to`, in
 * `timeZone`: YYYY-MM-DD by day, YYYY-MM by month. Bounded (a bad range gives at most MAX_RANGE_DAYS).
 */
export function periodsBetween(from: string, to: string, grouping: Grouping, timeZone: string): string[] {
  const start = new Date(from);
  const end = new Date(new Date(to).getTime() - 1);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return [];
  const first = parseDay(dayIn(start, timeZone));
  const last = parseDay(dayIn(end, timeZone));
  if (first === null || last === null) return [];
  const periods: string[] = [];
  if (grouping === 'DAY') {
    for (let t = first; t <= last && periods.length <= MAX_RANGE_DAYS; t += DAY_MS) periods.push(asDay(t));
    return periods;
  }
  // Months: walk from the first day's month to the last day's month.
  const a = new Date(first);
  const endMonth = new Date(last).getUTCFullYear() * 12 + new Date(last).getUTCMonth();
  for (
    let month = a.getUTCFullYear() * 12 + a.getUTCMonth();
    month <= endMonth && periods.length <= 36;
    month += 1
  )
    periods.push(`${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`);
  return periods;
}

/**
 * The figures of every period of the range, quiet ones made from `empty` (periods the API sent that
 * fall outside the laid-out range are kept, in order, so nothing it reported is hidden).
 */
export function fillPeriods<T extends { period: string }>(
  reported: readonly T[],
  all: readonly string[],
  empty: (period: string) => T,
): T[] {
  const byPeriod = new Map(reported.map((p) => [p.period, p]));
  const periods = new Set([...all, ...reported.map((p) => p.period)]);
  return [...periods].sort().map((period) => byPeriod.get(period) ?? empty(period));
}

/** A short label for a period: "3 Nov" by day, "Nov 2026" by month. */
export function periodLabel(period: string, locale?: string): string {
  const day = parseDay(period);
  if (day !== null)
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(day);
  const month = parseDay(`${period}-01`);
  if (month !== null)
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      month,
    );
  return period;
}

export interface DayRange {
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

/** The last `days` days up to today (UTC, as the analytics are grouped). */
export function lastDays(days: number, now: Date): DayRange {
  const today = parseDay(asDay(now.getTime())) ?? now.getTime();
  return { from: asDay(today - (days - 1) * DAY_MS), to: asDay(today) };
}

export type RangeProblem = 'from' | 'to' | 'order' | 'length';

/**
 * The instants the API wants for whole UTC days from `range.from` to `range.to` included, or what is
 * wrong with the range (a field that is not a date, an end before the start, more than 2 years).
 */
export function rangeInstants(range: DayRange): { from: string; to: string } | { problem: RangeProblem } {
  const from = parseDay(range.from);
  if (from === null) return { problem: 'from' };
  const to = parseDay(range.to);
  if (to === null) return { problem: 'to' };
  if (to < from) return { problem: 'order' };
  if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS) return { problem: 'length' };
  return { from: new Date(from).toISOString(), to: new Date(to + DAY_MS).toISOString() };
}
