// "Coming up" read as now / next / later: what needs you within the hour stands apart from the rest of
// the day and from what can wait, so a long list does not hide the one thing that is close.

/** Where a reminder sits: within the hour, later today, or after today (in the person's zone). */
export type Horizon = 'hour' | 'today' | 'later';

/** The headings of the groups, in the order they are shown. */
export const HORIZON_LABELS: Record<Horizon, string> = {
  hour: 'Within the hour',
  today: 'Later today',
  later: 'After today',
};

const ORDER: readonly Horizon[] = ['hour', 'today', 'later'];
const HOUR_MS = 60 * 60 * 1000;

const dayKey = (date: Date, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );

/** The horizon of a time: due (or past) within the next hour, later on today's date, or after it. */
export function horizonOf(dueAt: string, now: number, timeZone?: string): Horizon {
  const due = Date.parse(dueAt);
  if (due - now <= HOUR_MS) return 'hour';
  return dayKey(new Date(due), timeZone) === dayKey(new Date(now), timeZone) ? 'today' : 'later';
}

/** `items` in their horizons, in order; empty groups are left out and each group keeps the items' order. */
export function byHorizon<T extends { dueAt: string }>(
  items: readonly T[],
  now: number,
  timeZone?: string,
): { horizon: Horizon; label: string; items: T[] }[] {
  const groups = new Map<Horizon, T[]>();
  for (const item of items) {
    const horizon = horizonOf(item.dueAt, now, timeZone);
    groups.set(horizon, [...(groups.get(horizon) ?? []), item]);
  }
  return ORDER.filter((h) => groups.has(h)).map((horizon) => ({
    horizon,
    label: HORIZON_LABELS[horizon],
    items: groups.get(horizon) ?? [],
  }));
}
