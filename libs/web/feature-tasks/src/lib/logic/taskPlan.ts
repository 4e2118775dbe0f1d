// "Now / Next / Later": the open tasks read by what needs you first, without changing the list's own
// order (which the person sets by moving tasks). Each group keeps list order.

export type Priority = 'HIGH' | 'NORMAL' | 'LOW';
export type PlanGroup = 'now' | 'next' | 'later';

interface Plannable {
  dueAt?: string | null;
  priority?: Priority | null;
}

export const PLAN_LABELS: Record<PlanGroup, string> = { now: 'Now', next: 'Next', later: 'Later' };
const ORDER: readonly PlanGroup[] = ['now', 'next', 'later'];
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const dayKey = (at: number, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

/** Where a deadline stands: past, today (in the person's zone), within a week, or further. */
export function dueState(
  dueAt: string,
  now: number,
  timeZone?: string,
): 'overdue' | 'today' | 'week' | 'later' {
  const due = Date.parse(dueAt);
  if (due < now) return 'overdue';
  if (dayKey(due, timeZone) === dayKey(now, timeZone)) return 'today';
  return due - now <= WEEK_MS ? 'week' : 'later';
}

/**
 * Now: late, due today, or high priority. Later: low priority, or due more than a week away. Next: the
 * rest. When nothing is "now", the first of "next" moves up, so there is always one thing to start.
 */
export function planOf<T extends Plannable>(tasks: readonly T[], now: number, timeZone?: string) {
  const groups: Record<PlanGroup, T[]> = { now: [], next: [], later: [] };
  for (const task of tasks) {
    const due = task.dueAt ? dueState(task.dueAt, now, timeZone) : null;
    if (task.priority === 'HIGH' || due === 'overdue' || due === 'today') groups.now.push(task);
    else if (task.priority === 'LOW' || due === 'later') groups.later.push(task);
    else groups.next.push(task);
  }
  if (groups.now.length === 0) {
    const first = groups.next.shift() ?? groups.later.shift();
    if (first) groups.now.push(first);
  }
  return ORDER.filter((g) => groups[g].length > 0).map((group) => ({
    group,
    label: PLAN_LABELS[group],
    tasks: groups[group],
  }));
}
