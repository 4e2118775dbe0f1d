import { inQuietHours } from '@pa/shared-domain';
import type { Recurrence } from '../brain';
import { nextOccurrence, toLocal } from '../brain/time';

/** How a recurring reminder repeats (the brain's `Recurrence`, stored as JSON on the reminder). */
export type RecurrenceRule = Recurrence;

/** Minutes after local midnight of an instant in a zone. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const local = toLocal(at, timeZone);
  return local.hour * 60 + local.minute;
}

/** Whether an instant falls in a person's quiet hours (local "HH:MM" start and end, in their zone). */
export function isQuiet(at: Date, timeZone: string, start: string | null, end: string | null): boolean {
  return inQuietHours(localMinuteOfDay(at, timeZone), start, end);
}

/** The end of quiet hours after `at` (local `end` HH:MM in `timeZone`), as an instant. */
export function endOfQuietHours(at: Date, end: string, timeZone: string): Date {
  return nextOccurrence({ kind: 'daily', time: end }, at, timeZone);
}

export { nextOccurrence };
