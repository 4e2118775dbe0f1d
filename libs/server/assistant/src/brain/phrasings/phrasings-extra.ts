// A second batch, written after the brain passed the first one and before running it against the
// brain: messier phrasings across every intent, to keep the pass rate honest.
import type { PendingState } from '../brain.types';
import type { Phrasing } from './phrasing.types';
import {
  appointment,
  breakdown,
  cancel,
  clears,
  complete,
  daily,
  focus,
  NY,
  PARIS,
  remind,
  remove,
  reopen,
  snooze,
  SYDNEY,
  tasks,
  TOKYO,
  UTC,
  weekdays,
  weekly,
} from './phrasing.types';

const L = { last: 'laundry' as const };
const CHECKIN = { pending: { kind: 'checkin' } as PendingState };
const LANDLORD_AM_PM: PendingState = {
  kind: 'clarify',
  question: 'Which time for "call the landlord"?',
  options: [
    {
      label: 'today 10am',
      action: {
        type: 'createReminder',
        text: 'call the landlord',
        dueAt: new Date('2026-03-11T14:00:00Z'),
        recurrence: null,
      },
    },
    {
      label: 'today 10pm',
      action: {
        type: 'createReminder',
        text: 'call the landlord',
        dueAt: new Date('2026-03-12T02:00:00Z'),
        recurrence: null,
      },
    },
  ],
};
const WHICH_DENTIST: PendingState = {
  kind: 'clarify',
  question: 'Which one is done?',
  options: [
    { label: 'Call the dentist', action: { type: 'completeTasks', taskIds: ['t1'] } },
    { label: 'Dentist insurance form', action: { type: 'completeTasks', taskIds: ['t5'] } },
  ],
};

const r = (say: string, at: Phrasing['at'], ...actions: NonNullable<Phrasing['actions']>): Phrasing => ({
  say,
  at,
  intent: 'remind',
  actions,
});

export const EXTRA_PHRASINGS: Phrasing[] = [
  // Capture.
  {
    say: 'Get new batteries for the smoke alarm',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Get new batteries for the smoke alarm')],
  },
  {
    say: 'buy apples, pears, and a watermelon',
    at: NY,
    intent: 'capture',
    actions: [tasks('Buy apples', 'Buy pears', 'Buy a watermelon')],
  },
  {
    say: 'email HR re: parental leave',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Email HR re: parental leave')],
  },
  {
    say: '* call insurance\n* book MOT',
    at: UTC,
    intent: 'capture',
    actions: [tasks('Call insurance', 'Book MOT')],
  },
  {
    say: 'Pick up prescription from pharmacy 💊💊',
    at: SYDNEY,
    intent: 'capture',
    actions: [tasks('Pick up prescription from pharmacy')],
  },
  { say: 'todo - vacuum the stairs', at: TOKYO, intent: 'capture', actions: [tasks('Vacuum the stairs')] },
  { say: 'add: buy cat food', at: PARIS, intent: 'capture', actions: [tasks('Buy cat food')] },
  {
    say: 'wash car and clean windows',
    at: NY,
    intent: 'capture',
    actions: [tasks('Wash car', 'Clean windows')],
  },
  {
    say: 'I need to sort out my pension',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Sort out my pension')],
  },
  {
    say: 'is it going to rain tomorrow?',
    at: PARIS,
    intent: 'fallback',
    actions: [tasks('Is it going to rain tomorrow?')],
  },
  // Done, undo, delete.
  { say: 'done w/ 3', at: PARIS, intent: 'done', actions: [complete('t3')] },
  { say: '3 done', at: PARIS, intent: 'done', actions: [complete('t3')] },
  { say: '#2 done ✅', at: NY, intent: 'done', actions: [complete('t2')] },
  { say: 'finished the dentist insurance form', at: PARIS, intent: 'done', actions: [complete('t5')] },
  { say: 'done paying rent', at: UTC, intent: 'done', actions: [complete('t4')] },
  { say: 'crossed off milk', at: PARIS, intent: 'done', actions: [complete('t2')] },
  { say: 'done 1 2 3', at: TOKYO, intent: 'done', actions: [complete('t1', 't2', 't3')] },
  { say: 'done 1-3', at: PARIS, intent: 'done', actions: [complete('t1', 't2', 't3')] },
  { say: 'undo last', at: PARIS, intent: 'undo', actions: [reopen('d1')] },
  { say: 'remove 2 and 3', at: NY, intent: 'delete', actions: [remove('t2', 't3')] },
  { say: 'delete the lisbon flights', at: PARIS, intent: 'delete', actions: [remove('t6')] },
  { say: 'get rid of task 4', at: SYDNEY, intent: 'delete', actions: [remove('t4')] },
  // Reminders.
  r('remind me in 10 minutes to flip the laundry', PARIS, remind('flip the laundry', '2026-03-11T13:10:00Z')),
  r('remind me at 7:00 pm to call Ana', PARIS, remind('call Ana', '2026-03-11T18:00:00Z')),
  r('at 18h remind me to call Ana', PARIS, remind('call Ana', '2026-03-11T17:00:00Z')),
  {
    say: 'tomorrow 8am dentist appointment',
    at: PARIS,
    intent: 'appointment',
    actions: [appointment('Dentist', '2026-03-12T07:00:00Z', '2026-03-12T06:00:00Z')],
  },
  r(
    'remind me wednesday next week to send the report',
    PARIS,
    remind('send the report', '2026-03-18T08:00:00Z'),
  ),
  r(
    'remind me at 3 to pick up Max from school',
    NY,
    remind('pick up Max from school', '2026-03-11T19:00:00Z'),
  ),
  r(
    'remind me in 1 hour and 15 minutes to check the roast',
    NY,
    remind('check the roast', '2026-03-11T14:45:00Z'),
  ),
  r('remind me tomorrow night to pack lunch', NY, remind('pack lunch', '2026-03-13T00:00:00Z')),
  r(
    'every weekday at 6:45am wake up kids',
    NY,
    remind('wake up kids', '2026-03-12T10:45:00Z', weekdays('06:45')),
  ),
  r('every tuesday at 7pm trash out', NY, remind('trash out', '2026-03-17T23:00:00Z', weekly('19:00', 2))),
  r('remind me at 21:30 to take a bath', TOKYO, remind('take a bath', '2026-06-18T12:30:00Z')),
  r('every night at 11 brush teeth', TOKYO, remind('brush teeth', '2026-06-18T14:00:00Z', daily('23:00'))),
  r('remind me in 2 days to call grandma', TOKYO, remind('call grandma', '2026-06-20T12:00:00Z')),
  r('remind me at 6pm tomorrow to go to yoga', SYDNEY, remind('go to yoga', '2026-09-15T08:00:00Z')),
  r('remind me at 9.30 to call the bank', SYDNEY, remind('call the bank', '2026-09-13T23:30:00Z')),
  r('remind me at 5:30pm to start cooking', UTC, remind('start cooking', '2026-05-02T17:30:00Z')),
  r('remind me sunday morning to call my sister', UTC, remind('call my sister', '2026-05-03T09:00:00Z')),
  r('remind me to check the mail in 2 hours', UTC, remind('check the mail', '2026-05-02T18:45:00Z')),
  r('remind me in a week to water the cactus', UTC, remind('water the cactus', '2026-05-09T16:45:00Z')),
  // Snooze, cancel.
  { say: 'snooze 20 mins', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:20:00Z')] },
  { say: 'snooze pls', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:15:00Z')] },
  {
    say: 'give me 10 more minutes',
    at: PARIS,
    with: L,
    intent: 'snooze',
    actions: [snooze('2026-03-11T13:10:00Z')],
  },
  { say: 'cancel my stand up reminder', at: PARIS, intent: 'cancel_reminder', actions: [cancel('r2')] },
  { say: 'delete reminder for the plumber', at: UTC, intent: 'cancel_reminder', actions: [cancel('r4')] },
  // Focus, breakdown.
  { say: 'focus 20 min', at: PARIS, intent: 'focus', actions: [focus(20)] },
  { say: 'lets focus for 40', at: NY, intent: 'focus', actions: [focus(40)] },
  { say: 'pomodoro 50', at: TOKYO, intent: 'focus', actions: [focus(50)] },
  { say: 'break down: sort the garage', at: PARIS, intent: 'breakdown', actions: [breakdown('garage')] },
  { say: 'help me tackle my emails', at: UTC, intent: 'breakdown', actions: [breakdown('emails')] },
  // Check-in.
  {
    say: 'gym\ncall dad\nbudget',
    at: PARIS,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Gym', 'Call dad', 'Budget'), clears],
  },
  {
    say: 'only one thing: finish the essay',
    at: PARIS,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Finish the essay'), clears],
  },
  // Answers to questions.
  {
    say: 'call',
    at: PARIS,
    with: { pending: WHICH_DENTIST },
    intent: 'done',
    actions: [complete('t1'), clears],
  },
  {
    say: 'evening',
    at: NY,
    with: { pending: LANDLORD_AM_PM },
    intent: 'remind',
    actions: [remind('call the landlord', '2026-03-12T02:00:00Z'), clears],
  },
  {
    say: 'the 2nd',
    at: NY,
    with: { pending: LANDLORD_AM_PM },
    intent: 'remind',
    actions: [remind('call the landlord', '2026-03-12T02:00:00Z'), clears],
  },
  // Small talk.
  { say: 'hey!', at: PARIS, intent: 'greeting', actions: [] },
  { say: 'tysm', at: NY, intent: 'greeting', actions: [] },
  { say: 'what do i text you?', at: PARIS, intent: 'help', actions: [] },
  { say: 'commands', at: UTC, intent: 'help', actions: [] },
];
