// Phrasings about the task list: capture, the kind fallback, list, done, undo, delete.
// Open tasks: 1 Call the dentist, 2 Buy milk, 3 Email Sam about the report, 4 Pay rent,
// 5 Dentist insurance form, 6 Book flights to Lisbon. Recently done: Water the plants, Take out the trash.
import type { Phrasing } from './phrasing.types';
import {
  asks,
  cancel,
  clears,
  complete,
  dueTask,
  NY,
  PARIS,
  remove,
  reopen,
  SYDNEY,
  tasks,
  TOKYO,
  UTC,
} from './phrasing.types';

export const CAPTURE_PHRASINGS: Phrasing[] = [
  { say: 'buy milk', at: PARIS, intent: 'capture', actions: [tasks('Buy milk')] },
  {
    say: 'Buy milk, eggs and bread',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Buy milk', 'Buy eggs', 'Buy bread')],
  },
  { say: 'todo: call the dentist', at: PARIS, intent: 'capture', actions: [tasks('Call the dentist')] },
  { say: 'add pick up parcel', at: NY, intent: 'capture', actions: [tasks('Pick up parcel')] },
  {
    say: 'pick up dry cleaning\nrenew passport\nbook haircut',
    at: NY,
    intent: 'capture',
    actions: [tasks('Pick up dry cleaning', 'Renew passport', 'Book haircut')],
  },
  {
    say: '- laundry\n- groceries\n- call grandma',
    at: TOKYO,
    intent: 'capture',
    actions: [tasks('Laundry', 'Groceries', 'Call grandma')],
  },
  {
    say: '• water plants • pay gas bill',
    at: UTC,
    intent: 'capture',
    actions: [tasks('Water plants', 'Pay gas bill')],
  },
  {
    say: 'call bank; renew car insurance; cancel gym',
    at: UTC,
    intent: 'capture',
    actions: [tasks('Call bank', 'Renew car insurance', 'Cancel gym')],
  },
  {
    say: 'need to book a vet appointment for Luna',
    at: SYDNEY,
    intent: 'capture',
    actions: [tasks('Book a vet appointment for Luna')],
  },
  {
    say: 'i have to return the library books',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Return the library books')],
  },
  { say: 'add oat milk to my list pls', at: PARIS, intent: 'capture', actions: [tasks('Oat milk')] },
  { say: 'TODO call plumber', at: NY, intent: 'capture', actions: [tasks('Call plumber')] },
  { say: 'fix the bike tire', at: NY, intent: 'capture', actions: [tasks('Fix the bike tire')] },
  {
    say: 'buy birthday present for Ana 🎁',
    at: TOKYO,
    intent: 'capture',
    actions: [tasks('Buy birthday present for Ana')],
  },
  {
    say: 'call mum and book the dentist',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Call mum', 'Book the dentist')],
  },
  { say: 'groceries', at: UTC, intent: 'capture', actions: [tasks('Groceries')] },
  { say: 'schedule car service', at: SYDNEY, intent: 'capture', actions: [tasks('Schedule car service')] },
  {
    say: 'note: ask Leo about the rent split',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Ask Leo about the rent split')],
  },
  { say: 'ajoute acheter du pain', at: PARIS, intent: 'capture', actions: [tasks('Acheter du pain')] },
  { say: 'pls add clean the fridge', at: PARIS, intent: 'capture', actions: [tasks('Clean the fridge')] },
  {
    say: 'send invoice to Acme, update timesheet',
    at: UTC,
    intent: 'capture',
    actions: [tasks('Send invoice to Acme', 'Update timesheet')],
  },
  { say: 'dont forget to water the plants', at: NY, intent: 'capture', actions: [tasks('Water the plants')] },
  {
    say: '1. laundry 2. dishes 3. vacuum',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Laundry', 'Dishes', 'Vacuum')],
  },
  { say: 'buy bread and butter', at: PARIS, intent: 'capture', actions: [tasks('Buy bread and butter')] },
  {
    say: 'task: finish slides for monday',
    at: PARIS,
    intent: 'capture',
    actions: [tasks('Finish slides for monday')],
  },
  { say: 'finish slides', at: PARIS, intent: 'capture', actions: [tasks('Finish slides')] },
  {
    say: 'check the oil in the car',
    at: NY,
    intent: 'capture',
    actions: [tasks('Check the oil in the car')],
  },
  {
    say: 'remove the stain from my white shirt',
    at: TOKYO,
    intent: 'capture',
    actions: [tasks('Remove the stain from my white shirt')],
  },
];

export const FALLBACK_PHRASINGS: Phrasing[] = [
  {
    say: 'why is everything so hard today?',
    at: PARIS,
    intent: 'fallback',
    actions: [tasks('Why is everything so hard today?')],
  },
  {
    say: "I'm so tired of everything",
    at: NY,
    // A feeling is never filed as a task (issue #18).
    intent: 'feeling',
    actions: [],
  },
  {
    say: "what's the weather like",
    at: UTC,
    intent: 'fallback',
    actions: [tasks("What's the weather like")],
  },
  {
    say: 'ugh my boss moved the deadline and now I have to redo all of the slides by thursday',
    at: PARIS,
    intent: 'capture',
    // The context is not a task; the deadline is a due date (Thu 12 Mar, end of day in Paris).
    actions: [dueTask('Redo all of the slides', '2026-03-12T22:59:00Z')],
  },
  {
    say: 'how do I stop procrastinating',
    at: TOKYO,
    intent: 'feeling',
    actions: [],
  },
  {
    say: 'I feel overwhelmed today',
    at: PARIS,
    intent: 'feeling',
    actions: [],
  },
];

export const LIST_PHRASINGS: Phrasing[] = [
  { say: "what's on my list", at: PARIS, intent: 'list', actions: [] },
  { say: 'list', at: PARIS, intent: 'list', actions: [] },
  { say: 'todo?', at: NY, intent: 'list', actions: [] },
  { say: 'tasks', at: NY, intent: 'list', actions: [] },
  { say: 'whats on my list?', at: TOKYO, intent: 'list', actions: [] },
  { say: 'show me my tasks', at: UTC, intent: 'list', actions: [] },
  { say: 'my list pls', at: SYDNEY, intent: 'list', actions: [] },
  { say: 'what do i have to do today', at: PARIS, intent: 'list', actions: [] },
  { say: 'LIST', at: PARIS, intent: 'list', actions: [] },
  { say: 'liste', at: PARIS, intent: 'list', actions: [] },
  { say: 'lsit', at: NY, intent: 'list', actions: [] },
  { say: 'to do list', at: UTC, intent: 'list', actions: [] },
  { say: "what's left?", at: TOKYO, intent: 'list', actions: [] },
  { say: 'list', at: PARIS, with: { noTasks: true }, intent: 'list', actions: [] },
];

export const DONE_PHRASINGS: Phrasing[] = [
  { say: 'done 2', at: PARIS, intent: 'done', actions: [complete('t2')] },
  { say: 'done 1 and 3', at: PARIS, intent: 'done', actions: [complete('t1', 't3')] },
  { say: 'Done 1,3', at: NY, intent: 'done', actions: [complete('t1', 't3')] },
  { say: 'done #4', at: NY, intent: 'done', actions: [complete('t4')] },
  { say: 'finished 6', at: TOKYO, intent: 'done', actions: [complete('t6')] },
  { say: 'done dentist', at: PARIS, intent: 'clarify', actions: [asks(2)] },
  { say: 'done dentst', at: PARIS, intent: 'clarify', actions: [asks(2)] },
  { say: 'done milk', at: PARIS, intent: 'done', actions: [complete('t2')] },
  { say: 'done with the milk', at: UTC, intent: 'done', actions: [complete('t2')] },
  { say: 'milk done', at: UTC, intent: 'done', actions: [complete('t2')] },
  { say: 'rent is done', at: SYDNEY, intent: 'done', actions: [complete('t4')] },
  { say: 'mark 3 as done', at: PARIS, intent: 'done', actions: [complete('t3')] },
  { say: 'i finished the report email', at: NY, intent: 'done', actions: [complete('t3')] },
  { say: 'done 7', at: PARIS, intent: 'done', actions: [] },
  { say: 'done 0', at: PARIS, intent: 'done', actions: [] },
  { say: '✅ 4', at: TOKYO, intent: 'done', actions: [complete('t4')] },
  { say: 'done insurance', at: PARIS, intent: 'done', actions: [complete('t5')] },
  { say: 'fait 2', at: PARIS, intent: 'done', actions: [complete('t2')] },
  { say: 'done flights', at: NY, intent: 'done', actions: [complete('t6')] },
  { say: 'Done 2 and 9', at: PARIS, intent: 'done', actions: [complete('t2')] },
  { say: 'done milk and rent', at: PARIS, intent: 'done', actions: [complete('t2', 't4')] },
  { say: 'DONE 5!!', at: UTC, intent: 'done', actions: [complete('t5')] },
  { say: 'done two', at: PARIS, intent: 'done', actions: [complete('t2')] },
  { say: 'done', at: PARIS, with: { last: 'laundry' }, intent: 'done', actions: [cancel('r0')] },
  { say: 'done!', at: NY, with: { last: 'laundry' }, intent: 'done', actions: [cancel('r0')] },
  { say: 'all done 🎉', at: PARIS, with: { last: 'laundry' }, intent: 'done', actions: [cancel('r0')] },
  { say: 'did it', at: UTC, with: { last: 'laundry' }, intent: 'done', actions: [cancel('r0')] },
  // A repeating reminder stays: "done" just acknowledges today's.
  { say: 'done', at: PARIS, with: { last: 'meds' }, intent: 'done', actions: [] },
  { say: 'done', at: PARIS, intent: 'clarify', actions: [asks(5)] },
  { say: 'done 1', at: PARIS, with: { noTasks: true }, intent: 'done', actions: [] },
];

export const UNDO_PHRASINGS: Phrasing[] = [
  { say: 'undo', at: PARIS, intent: 'undo', actions: [reopen('d1')] },
  { say: 'oops undo', at: NY, intent: 'undo', actions: [reopen('d1')] },
  { say: 'undo that', at: TOKYO, intent: 'undo', actions: [reopen('d1')] },
  { say: "oops, that wasn't done", at: UTC, intent: 'undo', actions: [reopen('d1')] },
  { say: 'undo trash', at: PARIS, intent: 'undo', actions: [reopen('d2')] },
  { say: 'undo', at: PARIS, with: { noRecentlyDone: true }, intent: 'undo', actions: [] },
];

export const DELETE_PHRASINGS: Phrasing[] = [
  { say: 'delete 2', at: PARIS, intent: 'delete', actions: [remove('t2')] },
  { say: 'remove milk', at: PARIS, intent: 'delete', actions: [remove('t2')] },
  { say: 'delete 1 and 4', at: NY, intent: 'delete', actions: [remove('t1', 't4')] },
  { say: 'del 6', at: TOKYO, intent: 'delete', actions: [remove('t6')] },
  { say: 'remove the flights one', at: UTC, intent: 'delete', actions: [remove('t6')] },
  { say: 'delete dentist', at: PARIS, intent: 'clarify', actions: [asks(2)] },
  { say: 'delete 12', at: PARIS, intent: 'delete', actions: [] },
  { say: 'supprime 3', at: PARIS, intent: 'delete', actions: [remove('t3')] },
  { say: 'delete all', at: SYDNEY, intent: 'clarify', actions: [asks(1)] },
  // A clarify answer that names a task removes it and closes the question.
  {
    say: '2',
    at: PARIS,
    with: {
      pending: {
        kind: 'clarify',
        question: 'Which one should I remove?',
        options: [
          { label: 'Call the dentist', action: { type: 'deleteTasks', taskIds: ['t1'] } },
          { label: 'Dentist insurance form', action: { type: 'deleteTasks', taskIds: ['t5'] } },
        ],
      },
    },
    intent: 'delete',
    actions: [remove('t5'), clears],
  },
];
