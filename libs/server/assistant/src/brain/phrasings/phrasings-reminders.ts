// Phrasings that set reminders, in five zones and across DST changes. Expected instants were worked
// out by hand from each clock's local time (see phrasing.types.ts) and checked against `date` with TZ=.
import type { Phrasing } from './phrasing.types';
import {
  asks,
  tasks,
  daily,
  NY,
  NY_BEFORE_FALL,
  NY_BEFORE_SPRING,
  NY_FALL_NIGHT,
  PARIS,
  PARIS_BEFORE_FALL,
  PARIS_BEFORE_SPRING,
  remind,
  SYDNEY,
  SYDNEY_BEFORE_FALL,
  SYDNEY_BEFORE_SPRING,
  TOKYO,
  UTC,
  weekdays,
  weekly,
} from './phrasing.types';

const r = (say: string, at: Phrasing['at'], ...actions: NonNullable<Phrasing['actions']>): Phrasing => ({
  say,
  at,
  intent: 'remind',
  actions,
});
// Asks back; a reminder text said with it is kept as a task at once (nothing lost if unanswered).
const ask = (say: string, at: Phrasing['at'], options?: number, kept?: string): Phrasing => ({
  say,
  at,
  intent: 'clarify',
  actions: kept ? [tasks(kept), asks(options)] : [asks(options)],
});

// Paris, Wed 11 Mar 2026 14:00 CET (UTC+1).
export const PARIS_REMINDERS: Phrasing[] = [
  r('remind me at 5pm to take my meds', PARIS, remind('take my meds', '2026-03-11T16:00:00Z')),
  r('in 20 min check the laundry', PARIS, remind('check the laundry', '2026-03-11T13:20:00Z')),
  r('tomorrow morning email Sam', PARIS, remind('email Sam', '2026-03-12T08:00:00Z')),
  r('remind me on Friday at 10 to call mum', PARIS, remind('call mum', '2026-03-13T09:00:00Z')),
  r('every weekday at 8:00 stand-up', PARIS, remind('stand-up', '2026-03-12T07:00:00Z', weekdays('08:00'))),
  r('every day at 21:00 take pills', PARIS, remind('take pills', '2026-03-11T20:00:00Z', daily('21:00'))),
  r(
    'every Monday at 9 plan the week',
    PARIS,
    remind('plan the week', '2026-03-16T08:00:00Z', weekly('09:00', 1)),
  ),
  // 9am has passed: tomorrow's.
  r('remind me at 9am to call the plumber', PARIS, remind('call the plumber', '2026-03-12T08:00:00Z')),
  // "at 5" at 14:00: only 17:00 is still ahead.
  r('remind me at 5 to call Leo', PARIS, remind('call Leo', '2026-03-11T16:00:00Z')),
  r('remind me to take the bins out tonight', PARIS, remind('take the bins out', '2026-03-11T19:00:00Z')),
  r('remind me this evening to stretch', PARIS, remind('stretch', '2026-03-11T18:00:00Z')),
  r('remind me in an hour to move the car', PARIS, remind('move the car', '2026-03-11T14:00:00Z')),
  r('remind me in half an hour to check the oven', PARIS, remind('check the oven', '2026-03-11T13:30:00Z')),
  r('in 2h call back Jess', PARIS, remind('call back Jess', '2026-03-11T15:00:00Z')),
  r('remind me tmrw at 10:30 dentist', PARIS, remind('dentist', '2026-03-12T09:30:00Z')),
  r(
    'remind me at 17:45 to leave for the train',
    PARIS,
    remind('leave for the train', '2026-03-11T16:45:00Z'),
  ),
  r('remind me to call mum on sunday', PARIS, remind('call mum', '2026-03-15T08:00:00Z')),
  r('remind me next week to renew passport', PARIS, remind('renew passport', '2026-03-16T08:00:00Z')),
  r(
    'remind me on the 20th to pay the credit card',
    PARIS,
    remind('pay the credit card', '2026-03-20T08:00:00Z'),
  ),
  r('remind me on March 25 at 3pm to send the form', PARIS, remind('send the form', '2026-03-25T14:00:00Z')),
  ask('remind me at 5pm', PARIS),
  ask('remind me to call the bank', PARIS, 3, 'Call the bank'),
  {
    say: 'remind me every 2 hours to drink water',
    at: PARIS,
    intent: 'clarify',
    actions: [tasks('Drink water')],
  },
  r("rappelle-moi demain à 9h d'appeler Sam", PARIS, remind('appeler Sam', '2026-03-12T08:00:00Z')),
  r('rappelle moi dans 20 min de sortir le linge', PARIS, remind('sortir le linge', '2026-03-11T13:20:00Z')),
  r(
    'hey can you remind me tmrw at 9 to call the bank pls',
    PARIS,
    remind('call the bank', '2026-03-12T08:00:00Z'),
  ),
  r('call mum at 6pm', PARIS, remind('call mum', '2026-03-11T17:00:00Z')),
  r('at 4pm pick up the kids', PARIS, remind('pick up the kids', '2026-03-11T15:00:00Z')),
  r('remind me tomorrow to buy stamps', PARIS, remind('buy stamps', '2026-03-12T08:00:00Z')),
  r(
    'remind me every weekday at 7:30 to take vitamins',
    PARIS,
    remind('take vitamins', '2026-03-12T06:30:00Z', weekdays('07:30')),
  ),
  r(
    'remind me every sunday evening to plan the week',
    PARIS,
    remind('plan the week', '2026-03-15T18:00:00Z', weekly('19:00', 7)),
  ),
  r('every morning take meds 💊', PARIS, remind('take meds', '2026-03-12T08:00:00Z', daily('09:00'))),
  r(
    'remind me on mondays and thursdays at 18:00 to go to the gym',
    PARIS,
    remind('go to the gym', '2026-03-12T17:00:00Z', weekly('18:00', 1, 4)),
  ),
  r('remind me at noon to eat lunch', PARIS, remind('eat lunch', '2026-03-12T11:00:00Z')),
  r('remind me friday to submit timesheet', PARIS, remind('submit timesheet', '2026-03-13T08:00:00Z')),
  // On a Wednesday, "next Friday" is this week's or next week's: ask.
  ask('remind me next friday to book the restaurant', PARIS, 2, 'Book the restaurant'),
  r('set a reminder for 3:15pm to join the call', PARIS, remind('join the call', '2026-03-11T14:15:00Z')),
  r('reminder: water plants at 8pm', PARIS, remind('water plants', '2026-03-11T19:00:00Z')),
  r("don't let me forget to text Ana at 7pm", PARIS, remind('text Ana', '2026-03-11T18:00:00Z')),
  r('remind me at 6:15pm to start dinner', PARIS, remind('start dinner', '2026-03-11T17:15:00Z')),
  r('remidn me at 5pm to call Jo', PARIS, remind('call Jo', '2026-03-11T16:00:00Z')),
  r(
    'remind me tomorrow afternoon to call the garage',
    PARIS,
    remind('call the garage', '2026-03-12T13:00:00Z'),
  ),
  r('remind me in 1h30 to take the bread out', PARIS, remind('take the bread out', '2026-03-11T14:30:00Z')),
  r('remind me at 8 tonight to call Tom', PARIS, remind('call Tom', '2026-03-11T19:00:00Z')),
  // The next 1st is 1 April, after the clocks moved to CEST (UTC+2).
  r('Remind me to pay rent on the 1st', PARIS, remind('pay rent', '2026-04-01T07:00:00Z')),
];

// New York, Wed 11 Mar 2026 09:30 EDT (UTC-4).
export const NY_REMINDERS: Phrasing[] = [
  r('remind me at 5 to pick up the kids', NY, remind('pick up the kids', '2026-03-11T21:00:00Z')),
  // 10am and 10pm are both still ahead: ask.
  ask('remind me at 10 to call the landlord', NY, 2, 'Call the landlord'),
  r('tomorrow at 8am gym', NY, remind('gym', '2026-03-12T12:00:00Z')),
  r(
    'remind me in 45 minutes to switch the laundry',
    NY,
    remind('switch the laundry', '2026-03-11T14:15:00Z'),
  ),
  r('every weekday at 8:30am standup', NY, remind('standup', '2026-03-12T12:30:00Z', weekdays('08:30'))),
  r('remind me on 3/20 at noon to renew my license', NY, remind('renew my license', '2026-03-20T16:00:00Z')),
  r('remind me tonight to take out the trash', NY, remind('take out the trash', '2026-03-12T00:00:00Z')),
  r('remind me this afternoon to call the pharmacy', NY, remind('call the pharmacy', '2026-03-11T18:00:00Z')),
  r('remind me in 3 days to follow up with Dana', NY, remind('follow up with Dana', '2026-03-14T13:30:00Z')),
  r('remind me at 8:30 to walk the dog', NY, remind('walk the dog', '2026-03-12T00:30:00Z')),
  r('remind me to call the vet at 11am', NY, remind('call the vet', '2026-03-11T15:00:00Z')),
  r('pls remind me in 5 mins to check the stove', NY, remind('check the stove', '2026-03-11T13:35:00Z')),
];

// Tokyo, Thu 18 Jun 2026 21:00 JST (UTC+9).
export const TOKYO_REMINDERS: Phrasing[] = [
  r('remind me at 7am to take the train', TOKYO, remind('take the train', '2026-06-18T22:00:00Z')),
  r('in 10 mins turn off the rice cooker', TOKYO, remind('turn off the rice cooker', '2026-06-18T12:10:00Z')),
  r('remind me tomorrow evening to call the bank', TOKYO, remind('call the bank', '2026-06-19T10:00:00Z')),
  r(
    'every day at 22:00 write in my journal',
    TOKYO,
    remind('write in my journal', '2026-06-18T13:00:00Z', daily('22:00')),
  ),
  // 21:00 now: 9am and 9pm have both passed today, tomorrow's could be either.
  ask('remind me at 9 to check the laundry', TOKYO, 2, 'Check the laundry'),
  r('remind me at 11 to lock the door', TOKYO, remind('lock the door', '2026-06-18T14:00:00Z')),
  r(
    'remind me on saturday at 10am to clean the aquarium',
    TOKYO,
    remind('clean the aquarium', '2026-06-20T01:00:00Z'),
  ),
  // "tonight" (20:00) has passed: later tonight or tomorrow night? Ask.
  ask('remind me tonight to take my vitamins', TOKYO, 2, 'Take my vitamins'),
  r('remind me in the morning to buy bread', TOKYO, remind('buy bread', '2026-06-19T00:00:00Z')),
];

// Sydney, Mon 14 Sep 2026 07:15 AEST (UTC+10); DST starts 4 Oct.
export const SYDNEY_REMINDERS: Phrasing[] = [
  ask('remind me at 8 to leave for work', SYDNEY, 2, 'Leave for work'),
  r('remind me at 8:00 to leave for work', SYDNEY, remind('leave for work', '2026-09-13T22:00:00Z')),
  r('in 90 minutes call the school', SYDNEY, remind('call the school', '2026-09-13T22:45:00Z')),
  r(
    'every weekday at 7:00 take meds',
    SYDNEY,
    remind('take meds', '2026-09-14T21:00:00Z', weekdays('07:00')),
  ),
  r('remind me on October 5 at 9am about the dentist', SYDNEY, remind('the dentist', '2026-10-04T22:00:00Z')),
  r(
    'remind me this afternoon to email the plumber',
    SYDNEY,
    remind('email the plumber', '2026-09-14T04:00:00Z'),
  ),
  r(
    'every sunday at 6pm plan meals',
    SYDNEY,
    remind('plan meals', '2026-09-20T08:00:00Z', weekly('18:00', 7)),
  ),
];

// UTC, Sat 2 May 2026 16:45.
export const UTC_REMINDERS: Phrasing[] = [
  r('remind me at 6pm to call dad', UTC, remind('call dad', '2026-05-02T18:00:00Z')),
  r('remind me in 15 min to take the cake out', UTC, remind('take the cake out', '2026-05-02T17:00:00Z')),
  r(
    'remind me tomorrow at 9:15 to go to the market',
    UTC,
    remind('go to the market', '2026-05-03T09:15:00Z'),
  ),
  ask('remind me at 4 to feed the cat', UTC, 2, 'Feed the cat'),
  r('every day at 8am meds', UTC, remind('meds', '2026-05-03T08:00:00Z', daily('08:00'))),
  r('remind me on monday to call the insurance', UTC, remind('call the insurance', '2026-05-04T09:00:00Z')),
  r('remind me at midnight to lock up', UTC, remind('lock up', '2026-05-03T00:00:00Z')),
];

// Across DST changes: a missing local time becomes the first valid instant after the jump; a
// repeated local time is the first of the two.
export const DST_REMINDERS: Phrasing[] = [
  r(
    'remind me tomorrow at 2:30 to check the boiler',
    PARIS_BEFORE_SPRING,
    remind('check the boiler', '2026-03-29T01:00:00Z'),
  ),
  r(
    'remind me tomorrow at 9 to call grandma',
    PARIS_BEFORE_SPRING,
    remind('call grandma', '2026-03-29T07:00:00Z'),
  ),
  r(
    'every day at 2:30 water plants',
    PARIS_BEFORE_SPRING,
    remind('water plants', '2026-03-29T01:00:00Z', daily('02:30')),
  ),
  r(
    'in 12 hours check the sourdough',
    PARIS_BEFORE_SPRING,
    remind('check the sourdough', '2026-03-29T07:00:00Z'),
  ),
  r(
    'remind me tomorrow at 1:30am to feed the baby',
    NY_BEFORE_FALL,
    remind('feed the baby', '2026-11-01T05:30:00Z'),
  ),
  r('remind me tomorrow at 9am to go running', NY_BEFORE_FALL, remind('go running', '2026-11-01T14:00:00Z')),
  r(
    'every day at 9am walk the dog',
    NY_BEFORE_FALL,
    remind('walk the dog', '2026-11-01T14:00:00Z', daily('09:00')),
  ),
  r('remind me at 1:30am to check the oven', NY_FALL_NIGHT, remind('check the oven', '2026-11-01T05:30:00Z')),
  r(
    'remind me at 2:30am to check on the dog',
    NY_BEFORE_SPRING,
    remind('check on the dog', '2026-03-08T07:00:00Z'),
  ),
  r('tomorrow at 8am church', NY_BEFORE_SPRING, remind('church', '2026-03-08T12:00:00Z')),
  r(
    'remind me tomorrow at 2:30am to take the medication',
    SYDNEY_BEFORE_SPRING,
    remind('take the medication', '2026-10-03T16:00:00Z'),
  ),
  r(
    'remind me tomorrow at 10am to call mum',
    SYDNEY_BEFORE_SPRING,
    remind('call mum', '2026-10-03T23:00:00Z'),
  ),
  r(
    'remind me tomorrow at 2:30 to check the clock',
    PARIS_BEFORE_FALL,
    remind('check the clock', '2026-10-25T00:30:00Z'),
  ),
  r('every day at 8:00 meds', PARIS_BEFORE_FALL, remind('meds', '2026-10-25T07:00:00Z', daily('08:00'))),
  r(
    'remind me tomorrow at 2:30am to feed the baby',
    SYDNEY_BEFORE_FALL,
    remind('feed the baby', '2026-04-04T15:30:00Z'),
  ),
];
