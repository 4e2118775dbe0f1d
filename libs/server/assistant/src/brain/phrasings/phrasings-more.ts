// Phrasings for snooze, cancelling and listing reminders, breakdown, focus, the check-in, answers to
// questions we asked back, help and greetings.
// Upcoming reminders: 1 take my meds (daily), 2 stand-up (weekdays), 3 call mum, 4 call the plumber.
import type { PendingState } from '../brain.types';
import type { Phrasing } from './phrasing.types';
import {
  asks,
  breakdown,
  cancel,
  clears,
  complete,
  focus,
  NY,
  PARIS,
  PARIS_LATE,
  remind,
  remove,
  snooze,
  SYDNEY,
  tasks,
  TOKYO,
  UTC,
} from './phrasing.types';

const L = { last: 'laundry' as const };

export const SNOOZE_PHRASINGS: Phrasing[] = [
  { say: 'snooze', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:15:00Z')] },
  { say: 'snooze 10', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:10:00Z')] },
  { say: 'later', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:15:00Z')] },
  {
    say: 'snooze until 6pm',
    at: PARIS,
    with: L,
    intent: 'snooze',
    actions: [snooze('2026-03-11T17:00:00Z')],
  },
  {
    say: 'snooze for an hour',
    at: PARIS,
    with: L,
    intent: 'snooze',
    actions: [snooze('2026-03-11T14:00:00Z')],
  },
  { say: 'snooze 30 min', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:30:00Z')] },
  { say: 'not now', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:15:00Z')] },
  {
    say: 'snooze till tomorrow',
    at: PARIS,
    with: L,
    intent: 'snooze',
    actions: [snooze('2026-03-12T08:00:00Z')],
  },
  { say: 'remind me later', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:15:00Z')] },
  { say: 'snooze 1h', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T14:00:00Z')] },
  { say: 'snoze 5', at: PARIS, with: L, intent: 'snooze', actions: [snooze('2026-03-11T13:05:00Z')] },
  {
    say: 'Later pls 🙏',
    at: PARIS_LATE,
    with: L,
    intent: 'snooze',
    actions: [snooze('2026-03-11T22:45:00Z')],
  },
  { say: 'snooze until 11', at: NY, with: L, intent: 'snooze', actions: [snooze('2026-03-11T15:00:00Z')] },
  { say: 'snooze', at: PARIS, intent: 'snooze', actions: [] },
];

export const CANCEL_PHRASINGS: Phrasing[] = [
  { say: 'cancel the meds reminder', at: PARIS, intent: 'cancel_reminder', actions: [cancel('r1')] },
  { say: 'stop reminding me about stand-up', at: PARIS, intent: 'cancel_reminder', actions: [cancel('r2')] },
  { say: 'cancel reminder 2', at: NY, intent: 'cancel_reminder', actions: [cancel('r2')] },
  { say: 'delete my reminder to call mum', at: UTC, intent: 'cancel_reminder', actions: [cancel('r3')] },
  { say: 'no more stand-up reminders', at: TOKYO, intent: 'cancel_reminder', actions: [cancel('r2')] },
  { say: 'cancel reminder 9', at: PARIS, intent: 'cancel_reminder', actions: [] },
  { say: 'cancel the gym reminder', at: PARIS, intent: 'cancel_reminder', actions: [] },
  { say: 'cancel my reminders', at: PARIS, intent: 'clarify', actions: [asks(4)] },
  { say: 'cancel the call reminder', at: SYDNEY, intent: 'clarify', actions: [asks(2)] },
  {
    say: "don't remind me about meds anymore",
    at: PARIS,
    intent: 'cancel_reminder',
    actions: [cancel('r1')],
  },
  { say: 'turn off the stand-up reminder', at: NY, intent: 'cancel_reminder', actions: [cancel('r2')] },
  { say: 'cancel that reminder', at: PARIS, with: L, intent: 'cancel_reminder', actions: [cancel('r0')] },
];

export const LIST_REMINDER_PHRASINGS: Phrasing[] = [
  { say: 'what are my reminders', at: PARIS, intent: 'list_reminders', actions: [] },
  { say: 'upcoming', at: NY, intent: 'list_reminders', actions: [] },
  { say: 'reminders', at: TOKYO, intent: 'list_reminders', actions: [] },
  { say: 'show my reminders', at: UTC, intent: 'list_reminders', actions: [] },
  { say: 'any reminders today?', at: SYDNEY, intent: 'list_reminders', actions: [] },
  { say: "what's coming up", at: PARIS, intent: 'list_reminders', actions: [] },
];

export const BREAKDOWN_PHRASINGS: Phrasing[] = [
  { say: 'break down clean the kitchen', at: PARIS, intent: 'breakdown', actions: [breakdown('kitchen')] },
  { say: 'help me start the taxes', at: PARIS, intent: 'breakdown', actions: [breakdown('taxes')] },
  { say: 'break down laundry', at: NY, intent: 'breakdown', actions: [breakdown('laundry')] },
  { say: "I can't start my essay", at: TOKYO, intent: 'breakdown', actions: [breakdown('essay')] },
  { say: 'how do i start studying for the exam', at: UTC, intent: 'breakdown', actions: [breakdown('exam')] },
  { say: 'break down task 6', at: PARIS, intent: 'breakdown', actions: [breakdown('Lisbon', 't6')] },
  { say: 'help me with my inbox', at: SYDNEY, intent: 'breakdown', actions: [breakdown('inbox')] },
  {
    say: 'where do I start with packing for the trip',
    at: PARIS,
    intent: 'breakdown',
    actions: [breakdown('packing')],
  },
  {
    say: 'break it down: plan birthday party',
    at: NY,
    intent: 'breakdown',
    actions: [breakdown('birthday party')],
  },
  { say: 'break down 3', at: PARIS, intent: 'breakdown', actions: [breakdown('report', 't3')] },
  { say: "i'm stuck on the workout plan", at: UTC, intent: 'breakdown', actions: [breakdown('workout')] },
  { say: 'break it down', at: PARIS, intent: 'clarify', actions: [asks(4)] },
];

export const FOCUS_PHRASINGS: Phrasing[] = [
  { say: 'focus 25', at: PARIS, intent: 'focus', actions: [focus(25)] },
  { say: 'focus for 45 minutes', at: PARIS, intent: 'focus', actions: [focus(45)] },
  { say: 'pomodoro', at: NY, intent: 'focus', actions: [focus(25)] },
  { say: 'focus', at: TOKYO, intent: 'focus', actions: [focus(25)] },
  { say: 'focus 1h', at: UTC, intent: 'focus', actions: [focus(60)] },
  { say: 'start a 30 min focus', at: SYDNEY, intent: 'focus', actions: [focus(30)] },
  { say: 'focus 300', at: PARIS, intent: 'clarify', actions: [asks(3)] },
  { say: 'focus 0', at: PARIS, intent: 'clarify', actions: [asks(3)] },
  { say: 'timer 10', at: NY, intent: 'focus', actions: [focus(10)] },
  { say: '25 min pomodoro', at: PARIS, intent: 'focus', actions: [focus(25)] },
  { say: 'focus on taxes for 50 min', at: UTC, intent: 'focus', actions: [focus(50)] },
  { say: 'deep work 90', at: PARIS, intent: 'focus', actions: [focus(90)] },
  { say: 'focus mode pls', at: TOKYO, intent: 'focus', actions: [focus(25)] },
];

const CHECKIN = { pending: { kind: 'checkin' } as PendingState };

export const CHECKIN_PHRASINGS: Phrasing[] = [
  {
    say: '1. taxes 2. call mum 3. gym',
    at: PARIS,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Taxes', 'Call mum', 'Gym'), clears],
  },
  {
    say: 'taxes, mum, gym',
    at: NY,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Taxes', 'Mum', 'Gym'), clears],
  },
  {
    say: 'taxes and gym',
    at: PARIS,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Taxes', 'Gym'), clears],
  },
  {
    say: '- finish report\n- groceries\n- run',
    at: TOKYO,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Finish report', 'Groceries', 'Run'), clears],
  },
  { say: 'skip', at: PARIS, with: CHECKIN, intent: 'checkin_answer', actions: [clears] },
  { say: 'nothing today', at: UTC, with: CHECKIN, intent: 'checkin_answer', actions: [clears] },
  // Picks from the open list: nothing new to create.
  { say: '2 and 4', at: PARIS, with: CHECKIN, intent: 'checkin_answer', actions: [clears] },
  // Commands still work during a check-in, and leave the question open.
  { say: 'list', at: PARIS, with: CHECKIN, intent: 'list', actions: [] },
  { say: 'done 2', at: PARIS, with: CHECKIN, intent: 'done', actions: [complete('t2')] },
  {
    say: 'emails, laundry, call the bank, gym',
    at: SYDNEY,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Emails', 'Laundry', 'Call the bank', 'Gym'), clears],
  },
  {
    say: 'my top 3: essay; dentist; groceries',
    at: PARIS,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Essay', 'Dentist', 'Groceries'), clears],
  },
  {
    say: 'call the bank, pick up meds and finish the essay',
    at: NY,
    with: CHECKIN,
    intent: 'checkin_answer',
    actions: [tasks('Call the bank', 'Pick up meds', 'Finish the essay'), clears],
  },
];

const WHICH_DENTIST: PendingState = {
  kind: 'clarify',
  question: 'Which one is done?',
  options: [
    { label: 'Call the dentist', action: { type: 'completeTasks', taskIds: ['t1'] } },
    { label: 'Dentist insurance form', action: { type: 'completeTasks', taskIds: ['t5'] } },
  ],
};
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
const WHAT_AT_FIVE: PendingState = {
  kind: 'clarify',
  question: 'What should I remind you about today at 17:00?',
  expects: 'reminderText',
  options: [
    {
      label: 'reminder',
      action: { type: 'createReminder', text: '', dueAt: new Date('2026-03-11T16:00:00Z'), recurrence: null },
    },
  ],
};
const DELETE_ALL: PendingState = {
  kind: 'clarify',
  question: 'Remove all 6 tasks?',
  options: [
    {
      label: 'Yes, remove them all',
      action: { type: 'deleteTasks', taskIds: ['t1', 't2', 't3', 't4', 't5', 't6'] },
    },
  ],
};

export const CLARIFY_PHRASINGS: Phrasing[] = [
  {
    say: '2',
    at: PARIS,
    with: { pending: WHICH_DENTIST },
    intent: 'done',
    actions: [complete('t5'), clears],
  },
  {
    say: 'the first one',
    at: PARIS,
    with: { pending: WHICH_DENTIST },
    intent: 'done',
    actions: [complete('t1'), clears],
  },
  {
    say: 'insurance',
    at: PARIS,
    with: { pending: WHICH_DENTIST },
    intent: 'done',
    actions: [complete('t5'), clears],
  },
  {
    say: 'pm',
    at: NY,
    with: { pending: LANDLORD_AM_PM },
    intent: 'remind',
    actions: [remind('call the landlord', '2026-03-12T02:00:00Z'), clears],
  },
  {
    say: '10am',
    at: NY,
    with: { pending: LANDLORD_AM_PM },
    intent: 'remind',
    actions: [remind('call the landlord', '2026-03-11T14:00:00Z'), clears],
  },
  {
    say: 'take my meds',
    at: PARIS,
    with: { pending: WHAT_AT_FIVE },
    intent: 'remind',
    actions: [remind('take my meds', '2026-03-11T16:00:00Z'), clears],
  },
  { say: 'never mind', at: PARIS, with: { pending: WHICH_DENTIST }, intent: 'clarify', actions: [clears] },
  { say: 'list', at: PARIS, with: { pending: WHICH_DENTIST }, intent: 'list', actions: [clears] },
  {
    say: 'yes',
    at: PARIS,
    with: { pending: DELETE_ALL },
    intent: 'delete',
    actions: [remove('t1', 't2', 't3', 't4', 't5', 't6'), clears],
  },
];

export const SMALL_TALK_PHRASINGS: Phrasing[] = [
  { say: 'help', at: PARIS, intent: 'help', actions: [] },
  { say: '?', at: NY, intent: 'help', actions: [] },
  { say: 'what can you do', at: TOKYO, intent: 'help', actions: [] },
  { say: 'HELP!', at: UTC, intent: 'help', actions: [] },
  { say: 'how does this work', at: SYDNEY, intent: 'help', actions: [] },
  { say: 'aide', at: PARIS, intent: 'help', actions: [] },
  { say: 'hi', at: PARIS, intent: 'greeting', actions: [] },
  { say: 'thanks', at: PARIS, intent: 'greeting', actions: [] },
  { say: 'thank you so much!', at: NY, intent: 'greeting', actions: [] },
  { say: 'hey there', at: TOKYO, intent: 'greeting', actions: [] },
  { say: 'good morning', at: UTC, intent: 'greeting', actions: [] },
  { say: 'ok', at: SYDNEY, intent: 'greeting', actions: [] },
  { say: '👍', at: PARIS, intent: 'greeting', actions: [] },
  { say: 'merci', at: PARIS, intent: 'greeting', actions: [] },
  { say: 'thx 🙏', at: NY, intent: 'greeting', actions: [] },
  { say: 'Hello!', at: UTC, intent: 'greeting', actions: [] },
];
