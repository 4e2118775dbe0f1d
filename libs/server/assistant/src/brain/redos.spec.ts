import { performance } from 'node:perf_hooks';
import { MESSAGE_BODY_MAX } from '@pa/shared-domain';
import type { BrainContext } from './brain.types';
import { replyTo } from './built-in-brain';
import { REMINDERS, TASKS, WORKING } from './phrasings/phrasing.types';

// The parsers read every incoming message with regular expressions that ESLint's
// regexp/no-super-linear-backtracking flags as polynomial (e.g. `\s*(.*)$`). Messages are capped at
// MESSAGE_BODY_MAX characters, so polynomial is bounded; this proves the bound on the worst inputs
// the rule names (long runs of whitespace, separators and words after each command head): an
// exponential or cubic pattern would take seconds to minutes here.
const context: BrainContext = {
  now: new Date('2026-03-11T13:00:00Z'),
  timeZone: 'Europe/Paris',
  tone: 'gentle',
  maxReplyChars: 160,
  openTasks: TASKS,
  recentlyDone: [],
  upcomingReminders: REMINDERS,
  lastDeliveredReminder: null,
  pending: null,
  // A task being worked on, so the step patterns ("I did the first one") read every message too.
  currentTask: WORKING,
};

const HEADS = [
  'add',
  'todo:',
  'done',
  'done with',
  'mark',
  'i did',
  'i did the',
  "j'ai fait la",
  'the first one is',
  'call mum in a',
  'snooze',
  'remind me later',
  'cancel',
  'stop reminding me about',
  "don't remind me to",
  'undo',
  'delete',
  'break it down',
  'focus',
  'remind me to',
  'every monday and',
  'at',
  'buy milk,',
  'laundry is',
  'ok',
];
const FILLERS = [' ', ' \n', 'a ', ', and ', ' as ', ', '];
const TAILS = ['', '\u0001'];
// Runs of what the title trims end with ("buy milk!!!!…x"): a nested `(\s*[!.]+)+$` was exponential.
const PUNCTUATION = ['!', '.', ' !', ' pls'];
// Ends are trimmed by scanning from the end (trimEndChars/trimEndTokens in @pa/shared-domain) and
// split patterns start where a run of spaces starts, so the worst case measured here is ~150 ms idle
// (it was 2.5 s under coverage when `(?:word)+$` trims rescanned "ok ! ! ! … x" from every position).
// The budget leaves room for a busy 2-core machine with coverage on, far below a quadratic, cubic or
// exponential parse of 4,000 characters (seconds to hours). Each message's time is its best of three
// runs, so a busy CI machine does not fail it.
const BUDGET_MS = 1500;

function attack(head: string, filler: string, tail: string): string {
  const room = MESSAGE_BODY_MAX - head.length - tail.length - 1;
  return `${head} ${filler.repeat(Math.ceil(room / filler.length)).slice(0, room)}${tail}`;
}

describe('message parsing time on adversarial input (ReDoS bound)', () => {
  it(`answers every worst-case message of ${MESSAGE_BODY_MAX} characters within ${BUDGET_MS} ms`, () => {
    const timeOf = (message: string): number => {
      const started = performance.now();
      replyTo(message, context);
      return performance.now() - started;
    };
    let slowest = { ms: 0, head: '', filler: '', tail: '' };
    const cases = HEADS.flatMap((head) => [
      ...FILLERS.flatMap((filler) => TAILS.map((tail) => ({ head, filler, tail }))),
      ...PUNCTUATION.map((filler) => ({ head, filler, tail: 'x' })),
    ]);
    for (const { head, filler, tail } of cases) {
      const message = attack(head, filler, tail);
      expect(message.length).toBeLessThanOrEqual(MESSAGE_BODY_MAX);
      let ms = timeOf(message);
      if (ms > 50) ms = Math.min(ms, timeOf(message), timeOf(message));
      if (ms > slowest.ms) slowest = { ms, head, filler, tail };
    }
    // Printed so the margin is visible in the test log.
    console.log(`slowest: ${slowest.ms.toFixed(1)} ms for ${JSON.stringify(slowest)}`);
    expect(slowest.ms).toBeLessThan(BUDGET_MS);
  });
});
