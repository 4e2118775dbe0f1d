// The phrasing test set: realistic messages (typos, lower case, emoji, "pls", French) with the
// context each needs and what a person would expect back. Run by phrasings.spec.ts.
import type { Phrasing } from './phrasings/phrasing.types';
import { EXTRA_PHRASINGS } from './phrasings/phrasings-extra';
import {
  BREAKDOWN_PHRASINGS,
  CANCEL_PHRASINGS,
  CHECKIN_PHRASINGS,
  CLARIFY_PHRASINGS,
  FOCUS_PHRASINGS,
  LIST_REMINDER_PHRASINGS,
  SMALL_TALK_PHRASINGS,
  SNOOZE_PHRASINGS,
} from './phrasings/phrasings-more';
import {
  DST_REMINDERS,
  NY_REMINDERS,
  PARIS_REMINDERS,
  SYDNEY_REMINDERS,
  TOKYO_REMINDERS,
  UTC_REMINDERS,
} from './phrasings/phrasings-reminders';
import {
  CAPTURE_PHRASINGS,
  DELETE_PHRASINGS,
  DONE_PHRASINGS,
  FALLBACK_PHRASINGS,
  LIST_PHRASINGS,
  UNDO_PHRASINGS,
} from './phrasings/phrasings-tasks';

export type { Phrasing } from './phrasings/phrasing.types';

export const PHRASINGS: Phrasing[] = [
  ...CAPTURE_PHRASINGS,
  ...FALLBACK_PHRASINGS,
  ...LIST_PHRASINGS,
  ...DONE_PHRASINGS,
  ...UNDO_PHRASINGS,
  ...DELETE_PHRASINGS,
  ...PARIS_REMINDERS,
  ...NY_REMINDERS,
  ...TOKYO_REMINDERS,
  ...SYDNEY_REMINDERS,
  ...UTC_REMINDERS,
  ...DST_REMINDERS,
  ...SNOOZE_PHRASINGS,
  ...CANCEL_PHRASINGS,
  ...LIST_REMINDER_PHRASINGS,
  ...BREAKDOWN_PHRASINGS,
  ...FOCUS_PHRASINGS,
  ...CHECKIN_PHRASINGS,
  ...CLARIFY_PHRASINGS,
  ...SMALL_TALK_PHRASINGS,
  ...EXTRA_PHRASINGS,
];
