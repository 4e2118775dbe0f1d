// Small first steps for common chores. Each list starts with a two-minute step: getting started is
// the hard part with ADHD, so the first step must be too small to refuse.

export interface BreakdownTemplate {
  name: string;
  match: RegExp;
  steps: string[];
}

export const TWO_MINUTE_PREFIX = 'Set a 2-minute timer and';

export const BREAKDOWN_TEMPLATES: BreakdownTemplate[] = [
  {
    name: 'kitchen',
    match: /\b(?:kitchen|dishes|dishwasher|cuisine|vaisselle)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} clear one counter`,
      'Load the dishwasher or wash what is in the sink',
      'Wipe the counters and the stove',
      'Take out the trash',
      'Sweep the floor',
    ],
  },
  {
    name: 'laundry',
    match: /\b(?:laundry|washing|clothes|lessive|linge)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} gather the dirty clothes into one pile`,
      'Start one load in the washer',
      'Set a phone alarm for when it ends',
      'Move it to the dryer or the rack',
      'Fold or hang just that load',
    ],
  },
  {
    name: 'email',
    match: /\b(?:inbox|e-?mails|mailbox|boite mail|mails)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} archive 10 emails you do not need`,
      'Reply to one email that takes under 2 minutes',
      'Flag the ones that need real work',
      'Pick one flagged email and do it',
    ],
  },
  {
    name: 'paperwork',
    match:
      /\b(?:tax|taxes|tax return|paperwork|forms?|admin|bills?|budget|imp[oô]ts?|papiers|insurance|invoices?|receipts)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} find the folder or login you need`,
      'Put every paper or PDF in one place',
      "Write down what's missing",
      'Fill in just the first section',
      'Book 25 minutes tomorrow to finish',
    ],
  },
  {
    name: 'studying',
    match:
      /\b(?:study|studying|exams?|revise|revision|homework|assignment|r[eé]viser|learn|course|lecture)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} open the notes for one topic`,
      'Write down 3 things you need to know',
      'Study for 25 minutes, phone in another room',
      'Test yourself on those 3 things',
      'Take a 5-minute break',
    ],
  },
  {
    name: 'packing',
    match: /\b(?:pack|packing|suitcase|luggage|trip|holiday|vacation|valise)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} put the empty bag on the bed`,
      'Pack chargers and toiletries',
      'Lay out clothes for each day',
      'Add documents, keys and wallet',
      'Check tickets and when you leave',
    ],
  },
  {
    name: 'workout',
    match: /\b(?:workout|work out|gym|exercise|run|running|jog|training|sport|yoga|swim)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} put on your workout clothes`,
      'Fill a water bottle',
      'Warm up for 5 minutes',
      'Do the main part - a short one counts',
      'Stretch for 2 minutes',
    ],
  },
  {
    name: 'writing',
    match:
      /\b(?:write|writing|essay|report|article|blog|thesis|paper|letter|cv|resume|r[eé]sum[eé]|draft|presentation|slides)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} write one messy sentence about what it's for`,
      'Jot 3 bullet points of what to say',
      'Write a rough draft of the first point',
      'Take a 5-minute break',
      'Tidy up just that part',
    ],
  },
  {
    name: 'tidying',
    match:
      /\b(?:clean|tidy|declutter|room|bedroom|bathroom|house|flat|apartment|garage|desk|closet|m[eé]nage|ranger)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} pick up 5 things from the floor`,
      'Put away everything that has a home',
      'Bag up the trash',
      'Wipe one surface',
      'Vacuum or sweep one area',
    ],
  },
  {
    name: 'call',
    match: /\b(?:call|phone|ring|appointment|book|doctor|dentist)\b/i,
    steps: [
      `${TWO_MINUTE_PREFIX} find the number or booking page`,
      'Write 3 bullets of what you need to say or ask',
      'Make the call or booking',
      'Write down the outcome and any date',
    ],
  },
];

/** Steps for a task: its template, or a generic plan that names the task. */
export function stepsFor(title: string): string[] {
  const template = BREAKDOWN_TEMPLATES.find((t) => t.match.test(title));
  if (template) return [...template.steps];
  const short = title.length > 40 ? `${title.slice(0, 39).trimEnd()}…` : title;
  const subject = short.charAt(0).toLowerCase() + short.slice(1);
  return [
    `${TWO_MINUTE_PREFIX} write what "done" looks like for ${subject}`,
    `Gather what you need for ${subject}`,
    'Do the smallest first part for 10 minutes',
    'Take a 5-minute break',
    'Pick the next small step',
  ];
}
