// The in-app alert's list of due reminders, kept from `dueReminders` and the `reminderAlerts` events.
// Pure: unit-tested.

/** What the alert needs of a reminder. */
export interface DueItem {
  id: string;
  text: string;
  dueAt: string;
  awaitingAcknowledgement: boolean;
}

export type AlertEvent = 'DUE' | 'ACKNOWLEDGED';

/**
 * The list after an event: a DUE reminder comes first (newest first; a nudge for one already shown moves
 * it up, never doubles it); an answered one (ACKNOWLEDGED, or no longer awaiting) leaves.
 */
export function applyAlert<T extends DueItem>(list: readonly T[], event: AlertEvent, reminder: T): T[] {
  const others = list.filter((item) => item.id !== reminder.id);
  if (event === 'ACKNOWLEDGED' || !reminder.awaitingAcknowledgement) return others;
  return [reminder, ...others];
}

/** The list without the reminders answered here (the server's answer may come after the click). */
export function withoutAnswered<T extends DueItem>(list: readonly T[], answered: ReadonlySet<string>): T[] {
  return list.filter((item) => !answered.has(item.id));
}

/** The alert's heading: the reminder itself, or how many when several are grouped. */
export function alertHeading(list: readonly DueItem[]): string {
  if (list.length === 0) return '';
  if (list.length === 1) return 'Reminder due now';
  return `${list.length} reminders due now`;
}

/** What the tab title says while reminders wait (it alternates with the page's own title). */
export function flashTitle(list: readonly DueItem[]): string | null {
  const first = list[0];
  if (!first) return null;
  return list.length === 1 ? `⏰ ${first.text}` : `⏰ (${list.length}) ${first.text}`;
}

/** What a screen reader hears when reminders arrive (only those not announced before). */
export function announcement(arrived: readonly DueItem[]): string {
  if (arrived.length === 0) return '';
  const [first] = arrived;
  if (arrived.length === 1 && first) return `Reminder: ${first.text}`;
  return `${arrived.length} reminders due: ${arrived.map((item) => item.text).join('; ')}`;
}
