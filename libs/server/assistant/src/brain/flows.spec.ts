import type { BrainAction, BrainContext, BrainReply, PendingState } from './brain.types';
import { replyTo } from './built-in-brain';
import { BREAKDOWN_TEMPLATES, stepsFor, TWO_MINUTE_PREFIX } from './intents/breakdown-templates';
import { LAUNDRY, REMINDERS, TASKS } from './phrasings/phrasing.types';

const base = (over: Partial<BrainContext> = {}): BrainContext => ({
  now: new Date('2026-03-11T13:00:00Z'), // Wed 14:00 in Paris
  timeZone: 'Europe/Paris',
  tone: 'gentle',
  maxReplyChars: 160,
  openTasks: TASKS,
  recentlyDone: [],
  upcomingReminders: REMINDERS,
  lastDeliveredReminder: null,
  pending: null,
  ...over,
});

/** The pending state a reply sets, as the database would hand it back (through JSON). */
function storedPending(reply: BrainReply): PendingState {
  const set = reply.actions.find(
    (a): a is Extract<BrainAction, { type: 'setPending' }> => a.type === 'setPending',
  );
  if (!set?.pending) throw new Error(`no pending state in ${JSON.stringify(reply)}`);
  return JSON.parse(JSON.stringify(set.pending)) as PendingState;
}

describe('asking back', () => {
  it('asks which task when several match, then completes the one chosen by number', () => {
    const q = replyTo('done dentist', base());
    expect(q.intent).toBe('clarify');
    expect(q.actions.some((a) => a.type === 'completeTasks')).toBe(false);
    expect(q.text).toContain('1) Call the dentist');
    expect(q.text).toContain('2) Dentist insurance form');

    const a = replyTo('2', base({ pending: storedPending(q) }));
    expect(a.actions).toEqual([
      { type: 'completeTasks', taskIds: ['t5'] },
      { type: 'setPending', pending: null },
    ]);
  });

  it('asks am or pm when both are ahead, and accepts "pm" after a JSON round trip', () => {
    const ny = { now: new Date('2026-03-11T13:30:00Z'), timeZone: 'America/New_York' }; // 09:30 EDT
    const q = replyTo('remind me at 10 to call the landlord', base(ny));
    expect(q.intent).toBe('clarify');
    expect(q.text).toMatch(/10am[\s\S]*10pm/);

    const a = replyTo('pm', base({ ...ny, pending: storedPending(q) }));
    const reminder = a.actions[0];
    expect(reminder).toEqual({
      type: 'createReminder',
      text: 'call the landlord',
      dueAt: new Date('2026-03-12T02:00:00Z'),
      recurrence: null,
    });
    expect(reminder?.type === 'createReminder' && reminder.dueAt instanceof Date).toBe(true);
    expect(a.text).toContain('10pm');
  });

  it('asks what to remind about when only the time is given, then uses the answer as the text', () => {
    const q = replyTo('remind me at 5pm', base());
    expect(q.intent).toBe('clarify');
    expect(q.text).toMatch(/what should i remind you about today at 17:00/i);

    const a = replyTo('take my meds', base({ pending: storedPending(q) }));
    expect(a.intent).toBe('remind');
    expect(a.actions).toEqual([
      {
        type: 'createReminder',
        text: 'take my meds',
        dueAt: new Date('2026-03-11T16:00:00Z'),
        recurrence: null,
      },
      { type: 'setPending', pending: null },
    ]);
  });

  it('asks the time and then the text when both are missing or unclear', () => {
    const ny = { now: new Date('2026-03-11T13:30:00Z'), timeZone: 'America/New_York' };
    const first = replyTo('remind me at 10', base(ny));
    const second = replyTo('1', base({ ...ny, pending: storedPending(first) }));
    expect(second.intent).toBe('clarify');
    expect(second.text).toMatch(/remind you about in 30 min \(10am\)/);
    const third = replyTo('call mom', base({ ...ny, pending: storedPending(second) }));
    expect(third.actions[0]).toEqual({
      type: 'createReminder',
      text: 'call mom',
      dueAt: new Date('2026-03-11T14:00:00Z'),
      recurrence: null,
    });
  });

  it('offers moments when no time is given and takes one by its words', () => {
    const q = replyTo('remind me to call the bank', base());
    expect(storedPending(q).kind).toBe('clarify');
    const a = replyTo('tomorrow', base({ pending: storedPending(q) }));
    expect(a.actions[0]).toMatchObject({
      type: 'createReminder',
      text: 'call the bank',
      dueAt: new Date('2026-03-12T08:00:00Z'),
    });
  });

  it('drops a stale question when the person moves on', () => {
    const q = replyTo('done dentist', base());
    const a = replyTo('buy milk', base({ pending: storedPending(q) }));
    expect(a.actions).toEqual([
      { type: 'createTasks', titles: ['Buy milk'] },
      { type: 'setPending', pending: null },
    ]);
  });
});

describe('check-in', () => {
  const checkin = base({ pending: { kind: 'checkin' } });

  it.each([
    ['1. taxes 2. call mum 3. gym', ['Taxes', 'Call mum', 'Gym']],
    ['taxes, mum, gym', ['Taxes', 'Mum', 'Gym']],
    ['1) taxes\n2) call mum\n3) gym', ['Taxes', 'Call mum', 'Gym']],
    ['• taxes • call mum • gym', ['Taxes', 'Call mum', 'Gym']],
    ['taxes then gym', ['Taxes', 'Gym']],
    [
      'today: write intro, reply to Sam, laundry, gym, call mum',
      ['Write intro', 'Reply to Sam', 'Laundry', 'Gym', 'Call mum'],
    ],
  ])('turns %j into tasks and closes the check-in', (answer, titles) => {
    const r = replyTo(answer, checkin);
    expect(r.intent).toBe('checkin_answer');
    expect(r.actions).toEqual([
      { type: 'createTasks', titles },
      { type: 'setPending', pending: null },
    ]);
  });

  it('accepts more than three but suggests starting with three', () => {
    const r = replyTo('a1, b2, c3, d4', checkin);
    expect(r.actions[0]).toEqual({ type: 'createTasks', titles: ['A1', 'B2', 'C3', 'D4'] });
    expect(r.text).toMatch(/first three/);
  });
});

describe('breakdown', () => {
  it.each(BREAKDOWN_TEMPLATES.map((t) => [t.name, t.steps]))(
    '%s: 3 to 7 steps, the first a two-minute step',
    (_n, steps) => {
      expect((steps as string[]).length).toBeGreaterThanOrEqual(3);
      expect((steps as string[]).length).toBeLessThanOrEqual(7);
      expect((steps as string[])[0]).toMatch(/^Set a 2-minute timer and /);
    },
  );

  it.each([
    ['break down clean the kitchen', 'kitchen'],
    ['help me start the laundry', 'laundry'],
    ['break down my inbox', 'inbox'],
    ['help me start the taxes', 'taxes'],
    ['break down studying for the exam', 'exam'],
    ['break down packing for Rome', 'packing'],
    ['break down my workout', 'workout'],
    ['break down writing the essay', 'essay'],
  ])('%j uses a matching template', (say, word) => {
    const r = replyTo(say, base());
    const a = r.actions[0];
    if (a?.type !== 'breakdown') throw new Error(JSON.stringify(r));
    expect(a.title.toLowerCase()).toContain(word);
    expect(a.steps[0]?.startsWith(TWO_MINUTE_PREFIX)).toBe(true);
    expect(r.text).toContain('1. Set a 2-minute timer');
  });

  it('has a generic plan that names an unknown task', () => {
    const steps = stepsFor('Renew the boat licence');
    expect(steps[0]).toMatch(/^Set a 2-minute timer and .*renew the boat licence/);
    expect(steps.some((s, i) => i > 0 && s.includes('renew the boat licence'))).toBe(true);
  });
});

describe('kind defaults', () => {
  it('captures a message it does not understand and says so', () => {
    const r = replyTo("what's the capital of Peru", base());
    expect(r.intent).toBe('fallback');
    expect(r.actions).toEqual([{ type: 'createTasks', titles: ["What's the capital of Peru"] }]);
    expect(r.text).toMatch(/saved it to your list/);
  });

  it('"what now?" picks one thing: a task past its date first, then one due soon, then the oldest small one', () => {
    const at = (title: string, dueAt: Date | null, id: string) => ({ id, title, doneAt: null, dueAt });
    const past = at('Send the tax form', new Date('2026-03-10T22:59:00Z'), 'a');
    const soon = at('Renew the passport', new Date('2026-03-11T22:59:00Z'), 'b');
    const plain = at('Call the dentist', null, 'c');
    const noReminders = { upcomingReminders: [] };
    expect(replyTo('what now?', base({ ...noReminders, openTasks: [plain, soon, past] })).text).toMatch(
      /^"Send the tax form"/,
    );
    expect(replyTo('what now?', base({ ...noReminders, openTasks: [plain, soon] })).text).toMatch(
      /^"Renew the passport" - it's due soon/,
    );
    const r = replyTo('what now?', base({ ...noReminders, openTasks: [plain] }));
    expect(r.intent).toBe('question');
    expect(r.actions).toEqual([]);
    expect(r.text).toMatch(/^"Call the dentist"/);
  });

  it('answers a feeling warmly with one tiny step, and files nothing', () => {
    const r = replyTo("I'm so tired of everything", base());
    expect(r.intent).toBe('feeling');
    expect(r.actions).toEqual([]);
    expect(r.text).toMatch(/focus 10|what now/);
  });

  it('keeps the task said with a feeling, with a clean title, and answers both', () => {
    const r = replyTo("forgot the gas bill and now there's a fee, I'm hopeless", base());
    expect(r.intent).toBe('feeling');
    expect(r.actions).toEqual([{ type: 'createTasks', titles: ['Pay the gas bill'] }]);
    expect(r.text).toMatch(/not hopeless/);
    expect(r.text).toMatch(/Pay the gas bill/);
  });

  it('replies in French, with French times, to a French-locale person', () => {
    const r = replyTo('rappelle-moi demain à 14h30 de payer la cantine', base({ locale: 'fr' }));
    expect(r.actions).toMatchObject([{ type: 'createReminder', text: 'payer la cantine' }]);
    expect(r.text).toBe("C'est noté, je te rappelle demain à 14h30 : « payer la cantine ».");
  });

  it('says there is no task 7 and how many there are', () => {
    const r = replyTo('done 7', base({ openTasks: TASKS.slice(0, 3) }));
    expect(r.actions).toEqual([]);
    expect(r.text).toContain('no task 7');
    expect(r.text).toContain('3 open tasks');
  });

  it('acknowledges a one-off reminder on "done" and keeps a repeating one', () => {
    const once = replyTo('done', base({ lastDeliveredReminder: LAUNDRY }));
    expect(once.actions).toEqual([{ type: 'cancelReminder', reminderId: 'r0' }]);
    const meds = REMINDERS[0] ?? null;
    const daily = replyTo('done', base({ lastDeliveredReminder: meds }));
    expect(daily.actions).toEqual([]);
    expect(daily.text).toMatch(/Next: today at 21:00/);
  });

  it('explains kindly when there is nothing to snooze', () => {
    const r = replyTo('snooze', base());
    expect(r.actions).toEqual([]);
    expect(r.text).toMatch(/no reminder to snooze/i);
  });

  it('says when a focus session ends, in local time', () => {
    const r = replyTo('focus 45', base());
    expect(r.actions).toEqual([
      { type: 'startFocus', minutes: 45, endsAt: new Date('2026-03-11T13:45:00Z') },
    ]);
    expect(r.text).toContain('14:45');
  });

  it('says the day when the time has already passed today', () => {
    const r = replyTo('remind me at 9am to call the plumber', base());
    expect(r.text).toContain('tomorrow at 09:00');
  });
});
