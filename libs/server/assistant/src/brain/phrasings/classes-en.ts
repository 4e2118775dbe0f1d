// English phrasings by class. PARIS is Wed 11 Mar 2026 14:00 (UTC+1), PARIS_MORNING 09:00,
// PARIS_EVENING 19:30; NY is Wed 11 Mar 09:30 (UTC-4). Reminders: r1 meds daily 21:00, r2 stand-up
// Thu 08:00, r3 call mum Fri 13 18:00, r4 call the plumber Sat 14 10:00 (Paris times).
import { builder, type ClassPhrasing } from './classes.types';
import {
  appointment,
  breakdown,
  cancel,
  complete,
  dueTask,
  moveTo,
  NY,
  PARIS,
  PARIS_EVENING,
  PARIS_MORNING,
  remind,
  renameTo,
  tasks,
} from './phrasing.types';

const p = builder('en');
const R3 = { with: { lastCreated: 'r3' } };
const R4 = { with: { lastCreated: 'r4' } };

export const EN_CLASS_PHRASINGS: ClassPhrasing[] = [
  // Several intents in one message.
  p('multi', 'text Ana and remind me tomorrow at 9am to book the vet', PARIS, 'multi', [
    tasks('Text Ana'),
    remind('book the vet', '2026-03-12T08:00:00Z'),
  ]),
  p('multi', 'buy stamps, and remind me at 6pm to call the bank', PARIS, 'multi', [
    tasks('Buy stamps'),
    remind('call the bank', '2026-03-11T17:00:00Z'),
  ]),
  p('multi', 'email Sam then remind me in 30 min to check the oven', PARIS, 'multi', [
    tasks('Email Sam'),
    remind('check the oven', '2026-03-11T13:30:00Z'),
  ]),
  p('multi', 'remind me at 5pm to take meds and remind me at 9pm to stretch', PARIS, 'remind', [
    remind('take meds', '2026-03-11T16:00:00Z'),
    remind('stretch', '2026-03-11T20:00:00Z'),
  ]),
  p('multi', 'pick up the parcel. also remind me tomorrow at 8am to water the plants', PARIS, 'multi', [
    tasks('Pick up the parcel'),
    remind('water the plants', '2026-03-12T07:00:00Z'),
  ]),
  p('multi', 'call the landlord & remind me friday at 10am to pay rent', PARIS, 'multi', [
    tasks('Call the landlord'),
    remind('pay rent', '2026-03-13T09:00:00Z'),
  ]),
  p('multi', 'order dog food and set a reminder for 7pm to feed Luna', PARIS, 'multi', [
    tasks('Order dog food'),
    remind('feed Luna', '2026-03-11T18:00:00Z'),
  ]),
  p('multi', 'done 2 and remind me at 8pm to buy bread', PARIS, 'multi', [
    complete('t2'),
    remind('buy bread', '2026-03-11T19:00:00Z'),
  ]),
  p('multi', 'grab coffee beans and remind me at noon to call dad', NY, 'multi', [
    tasks('Grab coffee beans'),
    remind('call dad', '2026-03-11T16:00:00Z'),
  ]),
  p('multi', 'reply to Leo, then remind me tonight to pack my bag', PARIS, 'multi', [
    tasks('Reply to Leo'),
    remind('pack my bag', '2026-03-11T19:00:00Z'),
  ]),
  p('multi', 'book haircut and also remind me on monday at 9am to call the school', PARIS, 'multi', [
    tasks('Book haircut'),
    remind('call the school', '2026-03-16T08:00:00Z'),
  ]),
  p('multi', 'remind me in 1 hour to stretch and remind me at 6pm to cook', PARIS, 'remind', [
    remind('stretch', '2026-03-11T14:00:00Z'),
    remind('cook', '2026-03-11T17:00:00Z'),
  ]),
  p('multi', 'vet thursday 11am and remind me tonight to find the vaccine card', PARIS, 'multi', [
    appointment('Vet', '2026-03-12T10:00:00Z', '2026-03-12T09:00:00Z'),
    remind('find the vaccine card', '2026-03-11T19:00:00Z'),
  ]),

  p('multi', 'cancel gym, and remind me at 7pm to go for a walk', PARIS, 'multi', [
    tasks('Cancel gym'),
    remind('go for a walk', '2026-03-11T18:00:00Z'),
  ]),

  // Corrections and edits of a reminder in words.
  p('edit', 'no, make it 8', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T19:00:00Z')], R3),
  p('edit', 'actually tomorrow', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-12T17:00:00Z')], R3),
  p('edit', 'push it back 30 min', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T17:30:00Z')], R3),
  p('edit', 'make it an hour later', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T18:00:00Z')], R3),
  p('edit', 'move it to 7pm', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T18:00:00Z')], R3),
  p('edit', 'no i meant saturday', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-14T17:00:00Z')], R3),
  p('edit', 'move the plumber reminder to friday', PARIS, 'edit_reminder', [
    moveTo('r4', '2026-03-13T09:00:00Z'),
  ]),
  p('edit', 'move call mum to 6:30pm', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T17:30:00Z')]),
  p(
    'edit',
    'rename that to call mum about easter',
    PARIS,
    'edit_reminder',
    [renameTo('r3', 'call mum about easter')],
    R3,
  ),
  p('edit', 'call it ring grandma instead', PARIS, 'edit_reminder', [renameTo('r3', 'ring grandma')], R3),
  p('edit', 'delete the last one', PARIS, 'edit_reminder', [cancel('r3')], R3),
  p('edit', 'scrap that', PARIS, 'edit_reminder', [cancel('r4')], R4),
  p('edit', 'oops cancel that', PARIS, 'edit_reminder', [cancel('r3')], R3),
  p('edit', 'push it 15 minutes', PARIS, 'edit_reminder', [moveTo('r4', '2026-03-14T09:15:00Z')], R4),
  p('edit', 'an hour earlier please', PARIS, 'edit_reminder', [moveTo('r4', '2026-03-14T08:00:00Z')], R4),
  p('edit', 'wait, make it 9am', PARIS, 'edit_reminder', [moveTo('r4', '2026-03-14T08:00:00Z')], R4),
  p('edit', 'actually make it sunday', PARIS, 'edit_reminder', [moveTo('r4', '2026-03-15T09:00:00Z')], R4),
  p(
    'edit',
    'change the text to call the plumber about the leak',
    PARIS,
    'edit_reminder',
    [renameTo('r4', 'call the plumber about the leak')],
    R4,
  ),
  p('edit', 'reschedule the plumber to monday at 11am', PARIS, 'edit_reminder', [
    moveTo('r4', '2026-03-16T10:00:00Z'),
  ]),
  p('edit', 'no, 7:45pm', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T18:45:00Z')], R3),

  p(
    'edit',
    'actually make it 10 minutes later',
    PARIS,
    'edit_reminder',
    [moveTo('r4', '2026-03-14T09:10:00Z')],
    R4,
  ),
  p('edit', 'get rid of that reminder', PARIS, 'edit_reminder', [cancel('r3')], R3),

  // Vague but common times, and deadlines.
  p('vague', 'remind me tonight to take the bins out', PARIS_MORNING, 'remind', [
    remind('take the bins out', '2026-03-11T19:00:00Z'),
  ]),
  p('vague', 'remind me after lunch to call the bank', PARIS_MORNING, 'remind', [
    remind('call the bank', '2026-03-11T12:30:00Z'),
  ]),
  p('vague', 'remind me this afternoon to email Jo', PARIS_MORNING, 'remind', [
    remind('email Jo', '2026-03-11T13:00:00Z'),
  ]),
  p('vague', 'remind me first thing tomorrow to pay rent', PARIS_MORNING, 'remind', [
    remind('pay rent', '2026-03-12T08:00:00Z'),
  ]),
  p('vague', 'remind me at the end of the week to review my budget', PARIS_MORNING, 'remind', [
    remind('review my budget', '2026-03-13T15:00:00Z'),
  ]),
  p('vague', 'remind me before the weekend to book the train', PARIS_MORNING, 'remind', [
    remind('book the train', '2026-03-13T15:00:00Z'),
  ]),
  p('vague', 'call the bank after lunch', PARIS_MORNING, 'remind', [
    remind('call the bank', '2026-03-11T12:30:00Z'),
  ]),
  p('vague', 'first thing tomorrow email the landlord', PARIS_MORNING, 'remind', [
    remind('email the landlord', '2026-03-12T08:00:00Z'),
  ]),
  p('vague', 'this evening water the plants', PARIS_MORNING, 'remind', [
    remind('water the plants', '2026-03-11T18:00:00Z'),
  ]),
  p('vague', 'finish the report by friday', PARIS, 'capture', [
    dueTask('Finish the report', '2026-03-13T22:59:00Z'),
  ]),
  p('vague', 'pay the gas bill by tomorrow', PARIS, 'capture', [
    dueTask('Pay the gas bill', '2026-03-12T22:59:00Z'),
  ]),
  p('vague', 'submit the form before monday', PARIS, 'capture', [
    dueTask('Submit the form', '2026-03-16T22:59:00Z'),
  ]),
  p('vague', 'send the invoice by end of the week', PARIS, 'capture', [
    dueTask('Send the invoice', '2026-03-13T22:59:00Z'),
  ]),
  p('vague', 'remind me tomorrow after lunch to call the vet', PARIS, 'remind', [
    remind('call the vet', '2026-03-12T12:30:00Z'),
  ]),
  p('vague', 'remind me tonight to call mom', NY, 'remind', [remind('call mom', '2026-03-12T00:00:00Z')]),
  p('vague', 'remind me first thing to send the deck', PARIS_MORNING, 'remind', [
    remind('send the deck', '2026-03-12T08:00:00Z'),
  ]),
  p('vague', 'renew passport by the 20th', PARIS, 'capture', [
    dueTask('Renew passport', '2026-03-20T22:59:00Z'),
  ]),
  p('vague', 'need to file the expenses by thursday', PARIS, 'capture', [
    dueTask('File the expenses', '2026-03-12T22:59:00Z'),
  ]),

  p('vague', 'remind me this weekend to clean the car', PARIS, 'remind', [
    remind('clean the car', '2026-03-14T08:00:00Z'),
  ]),
  p('vague', 'hand in the essay by next friday', PARIS, 'capture', [
    dueTask('Hand in the essay', '2026-03-20T22:59:00Z'),
  ]),

  // Appointments: the event, and a reminder an hour before.
  p('appointment', 'vet thursday 11am', PARIS, 'appointment', [
    appointment('Vet', '2026-03-12T10:00:00Z', '2026-03-12T09:00:00Z'),
  ]),
  p('appointment', 'dentist appt tomorrow at 3pm', PARIS, 'appointment', [
    appointment('Dentist', '2026-03-12T14:00:00Z', '2026-03-12T13:00:00Z'),
  ]),
  p('appointment', "doctor's appointment friday 9:30", PARIS, 'appointment', [
    appointment('Doctor', '2026-03-13T08:30:00Z', '2026-03-13T07:30:00Z'),
  ]),
  p('appointment', 'meeting with Sam at 4pm', PARIS, 'appointment', [
    appointment('Meeting with Sam', '2026-03-11T15:00:00Z', '2026-03-11T14:00:00Z'),
  ]),
  p('appointment', 'I have a haircut saturday at 10am', PARIS, 'appointment', [
    appointment('Haircut', '2026-03-14T09:00:00Z', '2026-03-14T08:00:00Z'),
  ]),
  p('appointment', 'physio monday 5pm', PARIS, 'appointment', [
    appointment('Physio', '2026-03-16T16:00:00Z', '2026-03-16T15:00:00Z'),
  ]),
  p('appointment', 'therapist tomorrow 6pm', PARIS, 'appointment', [
    appointment('Therapist', '2026-03-12T17:00:00Z', '2026-03-12T16:00:00Z'),
  ]),
  p('appointment', 'job interview friday at 2pm', PARIS, 'appointment', [
    appointment('Job interview', '2026-03-13T13:00:00Z', '2026-03-13T12:00:00Z'),
  ]),
  p('appointment', 'dentist appointment tomorrow 8:30am', NY, 'appointment', [
    appointment('Dentist', '2026-03-12T12:30:00Z', '2026-03-12T11:30:00Z'),
  ]),
  p('appointment', 'got a doctor appointment on the 20th at 10am', PARIS, 'appointment', [
    appointment('Doctor', '2026-03-20T09:00:00Z', '2026-03-20T08:00:00Z'),
  ]),
  p('appointment', 'appointment with Dr Lee monday 10:15', PARIS, 'appointment', [
    appointment('Appointment with Dr Lee', '2026-03-16T09:15:00Z', '2026-03-16T08:15:00Z'),
  ]),
  p('appointment', 'parent-teacher meeting thursday 5:30pm', PARIS, 'appointment', [
    appointment('Parent-teacher meeting', '2026-03-12T16:30:00Z', '2026-03-12T15:30:00Z'),
  ]),
  p('appointment', 'vet at 3pm today', PARIS, 'appointment', [
    appointment('Vet', '2026-03-11T14:00:00Z', '2026-03-11T13:05:00Z'),
  ]),
  p('appointment', 'my dentist appointment is on friday at 11am', PARIS, 'appointment', [
    appointment('Dentist', '2026-03-13T10:00:00Z', '2026-03-13T09:00:00Z'),
  ]),
  p('appointment', 'optician appt next tuesday 4:30pm', PARIS, 'appointment', [
    appointment('Optician', '2026-03-17T15:30:00Z', '2026-03-17T14:30:00Z'),
  ]),

  p('appointment', 'gp appointment thursday at 9am', PARIS, 'appointment', [
    appointment('Gp', '2026-03-12T08:00:00Z', '2026-03-12T07:00:00Z'),
  ]),

  // Questions about their own day.
  p('question', 'what now?', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', "what's next", PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'ok what should i do now', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'what do I do first?', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'pick one for me', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'now what', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'what should I work on?', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'help me pick something', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'what now', PARIS_EVENING, 'question', [], { replyIncludes: 'take my meds' }),
  p('question', 'so what should I focus on', PARIS_EVENING, 'question', [], {
    replyIncludes: 'take my meds',
  }),
  p('question', 'what did I plan for today', PARIS, 'question', [], { replyIncludes: 'take my meds' }),
  p('question', "what's on today?", PARIS, 'question', [], { replyIncludes: 'take my meds' }),
  p('question', 'what does my day look like', PARIS, 'question', [], { replyIncludes: 'take my meds' }),
  p('question', "what's my schedule today", PARIS, 'question', [], { replyIncludes: 'take my meds' }),
  p('question', 'am I free at 3?', PARIS, 'question', [], { replyIncludes: 'nothing planned' }),
  p('question', 'am i free at 9pm', PARIS, 'question', [], { replyIncludes: 'take my meds' }),
  p('question', 'do I have anything tomorrow at 8am', PARIS, 'question', [], { replyIncludes: 'stand-up' }),
  p('question', 'am I free on saturday', PARIS, 'question', [], { replyIncludes: 'call the plumber' }),

  p('question', 'which one should i do first', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  p('question', 'is anything on tomorrow at 8am?', PARIS, 'question', [], { replyIncludes: 'stand-up' }),

  // Feelings: never a task; a task said with them is captured.
  p('feeling', "I can't get started", PARIS, 'feeling', []),
  p('feeling', "i'm drowning", PARIS, 'feeling', []),
  p('feeling', 'I messed up again', PARIS, 'feeling', []),
  p('feeling', "ugh I'm so overwhelmed", PARIS, 'feeling', []),
  p('feeling', 'everything is too much today', PARIS, 'feeling', []),
  p('feeling', 'i feel like a failure', PARIS, 'feeling', []),
  p('feeling', "why can't i just do things", PARIS, 'feeling', []),
  p('feeling', "i'm so tired", PARIS, 'feeling', []),
  p('feeling', 'no motivation at all today', PARIS, 'feeling', []),
  p('feeling', 'I hate myself for this', PARIS, 'feeling', []),
  p('feeling', "forgot the gas bill and now there's a fee, I'm hopeless", PARIS, 'feeling', [
    tasks('Pay the gas bill'),
  ]),
  p('feeling', "I'm so stressed, I still need to do my taxes", PARIS, 'feeling', [tasks('Do my taxes')]),
  p('feeling', "i'm exhausted but i have to call the school", PARIS, 'feeling', [tasks('Call the school')]),
  p('feeling', 'brain fog today, cant focus', PARIS, 'feeling', []),
  p('feeling', 'I keep putting off the laundry and I feel awful', PARIS, 'feeling', [tasks('Laundry')]),
  p('feeling', "i'm freaking out about the exam", PARIS, 'feeling', []),
  p('feeling', 'rough day. cant do anything', PARIS, 'feeling', []),
  p('feeling', 'I feel so stupid, forgot to pay the phone bill', PARIS, 'feeling', [
    tasks('Pay the phone bill'),
  ]),

  p('feeling', "I'm paralysed, can't even open my email", PARIS, 'feeling', []),
  p('feeling', "screwed up the deadline again, i'm useless", PARIS, 'feeling', []),

  // Clean titles: fillers and hedges out; one thought stays one task.
  p('title', 'ugh need to call the bank pls', PARIS, 'capture', [tasks('Call the bank')]),
  p('title', 'dont forget to buy milk', PARIS, 'capture', [tasks('Buy milk')]),
  p('title', 'maybe clean the fridge at some point', PARIS, 'capture', [tasks('Clean the fridge')]),
  p('title', 'remember to renew the car insurance', PARIS, 'capture', [tasks('Renew the car insurance')]),
  p('title', "I really need to answer Jo's email lol", PARIS, 'capture', [tasks("Answer Jo's email")]),
  p('title', 'oh and pick up the dry cleaning', PARIS, 'capture', [tasks('Pick up the dry cleaning')]),
  p('title', 'probably should book a dentist checkup', PARIS, 'capture', [tasks('Book a dentist checkup')]),
  p('title', 'pls add buy batteries', PARIS, 'capture', [tasks('Buy batteries')]),
  p('title', 'gotta fix the bike, eventually', PARIS, 'capture', [tasks('Fix the bike')]),
  p('title', 'note to self: water the plants', PARIS, 'capture', [tasks('Water the plants')]),
  p('title', 'buy a birthday card for Mia, the one with cats', PARIS, 'capture', [
    tasks('Buy a birthday card for Mia, the one with cats'),
  ]),
  p('title', 'look into flights to Rome, maybe for June', PARIS, 'capture', [
    tasks('Look into flights to Rome, maybe for June'),
  ]),
  p('title', 'ugh taxes', PARIS, 'capture', [tasks('Taxes')]),
  p('title', "I need to call mum, she's been asking", PARIS, 'capture', [
    tasks("Call mum, she's been asking"),
  ]),
  p('title', 'todo: email Priya about the rota asap', PARIS, 'capture', [
    tasks('Email Priya about the rota asap'),
  ]),
  p('title', 'just need to print the tickets', PARIS, 'capture', [tasks('Print the tickets')]),
  p('title', 'hmm i guess i should sort the recycling', PARIS, 'capture', [tasks('Sort the recycling')]),

  p('title', 'omg i have to renew my passport', PARIS, 'capture', [tasks('Renew my passport')]),
  p('title', 'prob should reply to the landlord tbh', PARIS, 'capture', [tasks('Reply to the landlord')]),

  // Implicit breakdown.
  p('breakdown', 'how do I even start my taxes', PARIS, 'breakdown', [breakdown('taxes')]),
  p('breakdown', 'the garage feels impossible', PARIS, 'breakdown', [breakdown('garage')]),
  p('breakdown', 'where do i begin with the thesis', PARIS, 'breakdown', [breakdown('thesis')]),
  p('breakdown', "i don't know where to start with the move", PARIS, 'breakdown', [breakdown('move')]),
  p('breakdown', 'cleaning the kitchen seems overwhelming', PARIS, 'breakdown', [breakdown('kitchen')]),
  p('breakdown', 'no idea where to start on my portfolio', PARIS, 'breakdown', [breakdown('portfolio')]),
  p('breakdown', 'how should I tackle the inbox', PARIS, 'breakdown', [breakdown('inbox')]),
  p('breakdown', 'help me get started on the essay', PARIS, 'breakdown', [breakdown('essay')]),
  p('breakdown', 'my room is way too much', PARIS, 'breakdown', [breakdown('room')]),
  p('breakdown', 'the tax return looks like a mountain', PARIS, 'breakdown', [breakdown('tax return')]),
  p('breakdown', 'how do i start task 3', PARIS, 'breakdown', [breakdown('Email Sam', 't3')]),
  p('breakdown', 'where do I even start with the wedding planning', PARIS, 'breakdown', [
    breakdown('wedding planning'),
  ]),
  p('breakdown', 'how do I approach the presentation', PARIS, 'breakdown', [breakdown('presentation')]),
  p('breakdown', 'the laundry pile feels huge', PARIS, 'breakdown', [breakdown('laundry')]),
  p('breakdown', 'I have no idea how to start the grant application', PARIS, 'breakdown', [
    breakdown('grant application'),
  ]),

  // Plain commands still work as they did.
  p('command', 'done 3', PARIS, 'done', [complete('t3')]),
  p('command', 'remind me at 5pm to take my meds', PARIS, 'remind', [
    remind('take my meds', '2026-03-11T16:00:00Z'),
  ]),
];
