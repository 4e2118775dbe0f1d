// The phrasing test set's shape and its shared fixtures: clocks in several zones (with DST edges),
// the task list and reminders a person has, and helpers to write expected actions briefly.
// Expected values are written from what a person would expect, never copied from the brain's output.
import type {
  BrainReminder,
  BrainTask,
  CurrentTask,
  DayRules,
  Intent,
  PendingState,
  Recurrence,
} from '../brain.types';

export interface Clock {
  /** The injected "now", an ISO instant. */
  now: string;
  zone: string;
  /** What that instant is on the person's wall clock (documentation for the reader). */
  local: string;
}

export type ExpectedAction =
  | { type: 'createTasks'; titles: string[]; dueAt?: string }
  | { type: 'completeTasks'; taskIds: string[] }
  | { type: 'reopenTasks'; taskIds: string[] }
  | { type: 'deleteTasks'; taskIds: string[] }
  | { type: 'createReminder'; text: string; dueAt: string; recurrence: Recurrence | null }
  | { type: 'snoozeReminder'; reminderId: string; until: string }
  | { type: 'cancelReminder'; reminderId: string }
  | { type: 'updateReminder'; reminderId: string; dueAt?: string; text?: string }
  | { type: 'createAppointment'; title: string; startsAt: string; remindAt: string }
  | { type: 'breakdown'; titleIncludes: string; taskId?: string }
  | { type: 'startFocus'; minutes: number }
  | { type: 'setPending'; pending: null | { kind: 'clarify'; options?: number } | { kind: 'checkin' } };

export interface Phrasing {
  say: string;
  at: Clock;
  with?: {
    /** The reminder that just fired. */
    last?: 'laundry' | 'meds';
    pending?: PendingState;
    noTasks?: boolean;
    noReminders?: boolean;
    noRecentlyDone?: boolean;
    /** The reminder or task made last in the conversation (an id from the fixtures). */
    lastCreated?: string;
    /** The person's language preference. */
    locale?: 'en' | 'fr';
    /** Their own day (the rest stays DEFAULT_DAY_RULES). */
    dayRules?: Partial<DayRules>;
    /** A task with steps is being worked on (WORKING, or FR_WORKING for a French person). */
    working?: boolean;
  };
  intent: Intent;
  /** A piece the reply must contain (case-insensitive), e.g. the one task "what now?" picks. */
  replyIncludes?: string;
  /** The exact list of action types, in order, with the fields that matter. Omitted: not checked. */
  actions?: ExpectedAction[];
}

export const PARIS: Clock = {
  now: '2026-03-11T13:00:00Z',
  zone: 'Europe/Paris',
  local: 'Wed 11 Mar 2026 14:00 CET',
};
export const NY: Clock = {
  now: '2026-03-11T13:30:00Z',
  zone: 'America/New_York',
  local: 'Wed 11 Mar 2026 09:30 EDT',
};
export const TOKYO: Clock = {
  now: '2026-06-18T12:00:00Z',
  zone: 'Asia/Tokyo',
  local: 'Thu 18 Jun 2026 21:00 JST',
};
export const SYDNEY: Clock = {
  now: '2026-09-13T21:15:00Z',
  zone: 'Australia/Sydney',
  local: 'Mon 14 Sep 2026 07:15 AEST',
};
export const UTC: Clock = { now: '2026-05-02T16:45:00Z', zone: 'UTC', local: 'Sat 2 May 2026 16:45' };
export const PARIS_LATE: Clock = {
  now: '2026-03-11T22:30:00Z',
  zone: 'Europe/Paris',
  local: 'Wed 11 Mar 2026 23:30 CET',
};

// DST edges.
export const PARIS_BEFORE_SPRING: Clock = {
  now: '2026-03-28T19:00:00Z',
  zone: 'Europe/Paris',
  local: 'Sat 28 Mar 2026 20:00 CET; clocks jump 02:00→03:00 tonight',
};
export const PARIS_BEFORE_FALL: Clock = {
  now: '2026-10-24T20:00:00Z',
  zone: 'Europe/Paris',
  local: 'Sat 24 Oct 2026 22:00 CEST; 02:00-03:00 happens twice tonight',
};
export const NY_BEFORE_SPRING: Clock = {
  now: '2026-03-08T04:00:00Z',
  zone: 'America/New_York',
  local: 'Sat 7 Mar 2026 23:00 EST; clocks jump 02:00→03:00 tonight',
};
export const NY_BEFORE_FALL: Clock = {
  now: '2026-11-01T02:00:00Z',
  zone: 'America/New_York',
  local: 'Sat 31 Oct 2026 22:00 EDT; 01:00-02:00 happens twice tonight',
};
export const NY_FALL_NIGHT: Clock = {
  now: '2026-11-01T04:30:00Z',
  zone: 'America/New_York',
  local: 'Sun 1 Nov 2026 00:30 EDT, before the repeated hour',
};
export const SYDNEY_BEFORE_SPRING: Clock = {
  now: '2026-10-03T11:00:00Z',
  zone: 'Australia/Sydney',
  local: 'Sat 3 Oct 2026 21:00 AEST; clocks jump 02:00→03:00 tonight',
};
export const SYDNEY_BEFORE_FALL: Clock = {
  now: '2026-04-04T09:00:00Z',
  zone: 'Australia/Sydney',
  local: 'Sat 4 Apr 2026 20:00 AEDT; 02:00-03:00 happens twice tonight',
};

/** Wed 11 Mar 2026, 09:00 in Paris: the morning, for "after lunch", "this afternoon". */
export const PARIS_MORNING: Clock = {
  now: '2026-03-11T08:00:00Z',
  zone: 'Europe/Paris',
  local: 'Wed 11 Mar 2026 09:00 CET',
};
/** Wed 11 Mar 2026, 19:30 in Paris: the meds reminder (21:00) is coming up. */
export const PARIS_EVENING: Clock = {
  now: '2026-03-11T18:30:00Z',
  zone: 'Europe/Paris',
  local: 'Wed 11 Mar 2026 19:30 CET',
};

const open = (id: string, title: string): BrainTask => ({ id, title, doneAt: null });

/** The person's open list, in display order (numbers 1..6). */
export const TASKS: BrainTask[] = [
  open('t1', 'Call the dentist'),
  open('t2', 'Buy milk'),
  open('t3', 'Email Sam about the report'),
  open('t4', 'Pay rent'),
  open('t5', 'Dentist insurance form'),
  open('t6', 'Book flights to Lisbon'),
];

/** The same list for a French-speaking person. */
export const FR_TASKS: BrainTask[] = [
  open('f1', 'Appeler le dentiste'),
  open('f2', 'Acheter du lait'),
  open('f3', 'Envoyer le mail à Sam'),
  open('f4', 'Payer le loyer'),
  open('f5', 'Formulaire mutuelle'),
  open('f6', 'Réserver les billets pour Lisbonne'),
];

export const RECENTLY_DONE: BrainTask[] = [
  { id: 'd1', title: 'Water the plants', doneAt: new Date('2026-03-11T12:40:00Z') },
  { id: 'd2', title: 'Take out the trash', doneAt: new Date('2026-03-11T09:00:00Z') },
];

/** Upcoming reminders, soonest first (numbers 1..4 in "cancel reminder N"). */
export const REMINDERS: BrainReminder[] = [
  {
    id: 'r1',
    text: 'take my meds',
    dueAt: new Date('2026-03-11T20:00:00Z'),
    recurrence: { kind: 'daily', time: '21:00' },
  },
  {
    id: 'r2',
    text: 'stand-up',
    dueAt: new Date('2026-03-12T07:00:00Z'),
    recurrence: { kind: 'weekdays', time: '08:00' },
  },
  { id: 'r3', text: 'call mum', dueAt: new Date('2026-03-13T17:00:00Z'), recurrence: null },
  { id: 'r4', text: 'call the plumber', dueAt: new Date('2026-03-14T09:00:00Z'), recurrence: null },
];

/** A French-speaking person's reminders (numbers 1..4), the same times as REMINDERS. */
export const FR_REMINDERS: BrainReminder[] = [
  {
    id: 'q1',
    text: 'prendre mes médicaments',
    dueAt: new Date('2026-03-11T20:00:00Z'),
    recurrence: { kind: 'daily', time: '21:00' },
  },
  {
    id: 'q2',
    text: "réunion d'équipe",
    dueAt: new Date('2026-03-12T07:00:00Z'),
    recurrence: { kind: 'weekdays', time: '08:00' },
  },
  { id: 'q3', text: 'appeler maman', dueAt: new Date('2026-03-13T17:00:00Z'), recurrence: null },
  { id: 'q4', text: 'appeler le plombier', dueAt: new Date('2026-03-14T09:00:00Z'), recurrence: null },
];

export const LAUNDRY: BrainReminder = {
  id: 'r0',
  text: 'check the laundry',
  dueAt: new Date('2026-03-11T12:55:00Z'),
  recurrence: null,
};

// Short builders for expected actions.
export const tasks = (...titles: string[]): ExpectedAction => ({ type: 'createTasks', titles });
export const dueTask = (title: string, dueAt: string): ExpectedAction => ({
  type: 'createTasks',
  titles: [title],
  dueAt,
});
export const moveTo = (reminderId: string, dueAt: string): ExpectedAction => ({
  type: 'updateReminder',
  reminderId,
  dueAt,
});
export const renameTo = (reminderId: string, text: string): ExpectedAction => ({
  type: 'updateReminder',
  reminderId,
  text,
});
export const appointment = (title: string, startsAt: string, remindAt: string): ExpectedAction => ({
  type: 'createAppointment',
  title,
  startsAt,
  remindAt,
});
export const complete = (...taskIds: string[]): ExpectedAction => ({ type: 'completeTasks', taskIds });
export const reopen = (...taskIds: string[]): ExpectedAction => ({ type: 'reopenTasks', taskIds });
export const remove = (...taskIds: string[]): ExpectedAction => ({ type: 'deleteTasks', taskIds });
export const remind = (
  text: string,
  dueAt: string,
  recurrence: Recurrence | null = null,
): ExpectedAction => ({
  type: 'createReminder',
  text,
  dueAt,
  recurrence,
});
export const snooze = (until: string, reminderId = 'r0'): ExpectedAction => ({
  type: 'snoozeReminder',
  reminderId,
  until,
});
export const cancel = (reminderId: string): ExpectedAction => ({ type: 'cancelReminder', reminderId });
export const breakdown = (titleIncludes: string, taskId?: string): ExpectedAction =>
  taskId ? { type: 'breakdown', titleIncludes, taskId } : { type: 'breakdown', titleIncludes };
export const focus = (minutes: number): ExpectedAction => ({ type: 'startFocus', minutes });
export const asks = (options?: number): ExpectedAction => ({
  type: 'setPending',
  pending: options === undefined ? { kind: 'clarify' } : { kind: 'clarify', options },
});
export const clears: ExpectedAction = { type: 'setPending', pending: null };

export const daily = (time: string): Recurrence => ({ kind: 'daily', time });
export const weekdays = (time: string): Recurrence => ({ kind: 'weekdays', time });
export const weekly = (time: string, ...days: number[]): Recurrence => ({
  kind: 'weekly',
  time,
  weekdays: days,
});

/** The task being worked on: four steps, none ticked yet (w1..w4). */
export const WORKING: CurrentTask = {
  id: 'w0',
  title: 'Do my taxes',
  steps: [
    { id: 'w1', title: 'Set a 2-minute timer and open the tax site', doneAt: null },
    { id: 'w2', title: 'Find last year’s return', doneAt: null },
    { id: 'w3', title: 'Fill in the income page', doneAt: null },
    { id: 'w4', title: 'Submit and save the receipt', doneAt: null },
  ],
};

/** The same for a French-speaking person (g1..g4). */
export const FR_WORKING: CurrentTask = {
  id: 'g0',
  title: 'Ranger le garage',
  steps: [
    { id: 'g1', title: 'Mettre un minuteur de 2 minutes', doneAt: null },
    { id: 'g2', title: 'Sortir les cartons', doneAt: null },
    { id: 'g3', title: 'Jeter ce qui est cassé', doneAt: null },
    { id: 'g4', title: 'Balayer', doneAt: null },
  ],
};
