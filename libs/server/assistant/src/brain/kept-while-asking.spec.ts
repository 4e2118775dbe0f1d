import type { BrainAction, BrainContext, BrainReply, BrainTask, PendingState } from './brain.types';
import { replyTo } from './built-in-brain';
import { REMINDERS, TASKS } from './phrasings/phrasing.types';

// "No message is ever lost": whenever the brain asks back about something to do, that thing is kept
// at once; the answer turns it into a reminder without leaving a duplicate task behind.
const NOW = new Date('2026-03-11T13:00:00Z'); // Wed 14:00 in Paris
const MORNING = new Date('2026-03-11T08:00:00Z'); // Wed 09:00 in Paris: 10am and 10pm both ahead
const base = (over: Partial<BrainContext> = {}): BrainContext => ({
  now: NOW,
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

function storedPending(reply: BrainReply): PendingState {
  const set = reply.actions.find(
    (a): a is Extract<BrainAction, { type: 'setPending' }> => a.type === 'setPending',
  );
  if (!set?.pending) throw new Error(`no pending state in ${JSON.stringify(reply)}`);
  return JSON.parse(JSON.stringify(set.pending)) as PendingState;
}

/** The list after the first reply was applied: the kept task is on it, newest. */
function listWith(title: string, id = 'kept'): BrainTask[] {
  return [...TASKS, { id, title, doneAt: null, createdAt: new Date(NOW.getTime() + 1000) }];
}

describe('what the brain asks about is kept', () => {
  it.each([
    ['remind me later to call mum', 'Call mum'],
    ['remind me in a bit to water the plants', 'Water the plants'],
    ['remind me to call the bank', 'Call the bank'],
    ['remind me sometime this week to renew my passport', 'Renew my passport'],
    ['call the vet later', 'Call the vet'],
  ])('%j keeps %j as a task and asks once', (say, title) => {
    const q = replyTo(say, base());
    expect(q.intent).toBe('clarify');
    expect(q.actions[0]).toEqual({ type: 'createTasks', titles: [title] });
    expect(q.actions.filter((a) => a.type === 'createTasks')).toHaveLength(1);
    expect(storedPending(q)).toMatchObject({ kind: 'clarify', keptTask: title });
    expect(q.text).toContain(`"${title}"`);
  });

  it('keeps the task while asking am or pm', () => {
    const q = replyTo('remind me at 10 to call the landlord', base({ now: MORNING }));
    expect(q.actions.map((a) => a.type)).toEqual(['createTasks', 'setPending']);
    expect(storedPending(q)).toMatchObject({ keptTask: 'Call the landlord' });
  });

  it('turns the kept task into the reminder when the answer picks a time', () => {
    const q = replyTo('remind me later to call mum', base());
    const a = replyTo('2', base({ pending: storedPending(q), openTasks: listWith('Call mum') }));
    expect(a.intent).toBe('remind');
    expect(a.actions).toEqual([
      { type: 'createReminder', text: 'call mum', dueAt: expect.any(Date) as Date, recurrence: null },
      { type: 'deleteTasks', taskIds: ['kept'] },
      { type: 'setPending', pending: null },
    ]);
  });

  it('takes a time typed instead of a quick reply, and still leaves one item', () => {
    const q = replyTo('remind me later to call mum', base());
    const a = replyTo('at 6pm', base({ pending: storedPending(q), openTasks: listWith('Call mum') }));
    expect(a.actions).toEqual([
      { type: 'createReminder', text: 'call mum', dueAt: new Date('2026-03-11T17:00:00Z'), recurrence: null },
      { type: 'deleteTasks', taskIds: ['kept'] },
      { type: 'setPending', pending: null },
    ]);
  });

  it('asks again between am and pm when the typed time is unclear, still remembering the task', () => {
    const q = replyTo('remind me later to call mum', base());
    const at = { now: MORNING, openTasks: listWith('Call mum') };
    const again = replyTo('at 11', base({ ...at, pending: storedPending(q) }));
    expect(again.intent).toBe('clarify');
    expect(storedPending(again).kind === 'clarify' && storedPending(again)).toMatchObject({
      keptTask: 'Call mum',
    });
    const a = replyTo('pm', base({ ...at, pending: storedPending(again) }));
    expect(a.actions.map((x) => x.type)).toEqual(['createReminder', 'deleteTasks', 'setPending']);
    expect(a.actions[0]).toMatchObject({ dueAt: new Date('2026-03-11T22:00:00Z') });
  });

  it('removes only the newest task of that title (the one it kept), not an older one', () => {
    const older: BrainTask = {
      id: 'old',
      title: 'Call mum',
      doneAt: null,
      createdAt: new Date('2026-03-01'),
    };
    const q = replyTo('remind me later to call mum', base());
    const a = replyTo('1', base({ pending: storedPending(q), openTasks: [older, ...listWith('Call mum')] }));
    expect(a.actions).toContainEqual({ type: 'deleteTasks', taskIds: ['kept'] });
  });

  it('keeps the task when the question is never answered and the person moves on', () => {
    const q = replyTo('remind me later to call mum', base());
    const a = replyTo('buy milk', base({ pending: storedPending(q), openTasks: listWith('Call mum') }));
    expect(a.actions).toEqual([
      { type: 'createTasks', titles: ['Buy milk'] },
      { type: 'setPending', pending: null },
    ]);
  });

  it('keeps the task when the answer is no, and says so', () => {
    const q = replyTo('remind me later to call mum', base());
    const a = replyTo('no thanks', base({ pending: storedPending(q), openTasks: listWith('Call mum') }));
    expect(a.actions).toEqual([{ type: 'setPending', pending: null }]);
    expect(a.text).toContain('"Call mum" stays on your list');
  });

  it('keeps a task said with a repeat it cannot do', () => {
    const r = replyTo('remind me every 2 hours to drink water', base());
    expect(r.actions).toEqual([{ type: 'createTasks', titles: ['Drink water'] }]);
    expect(r.text).toMatch(/^Saved "Drink water"/);
  });

  it('keeps it once in a message with several clauses', () => {
    const r = replyTo('buy milk and remind me later to call mum', base());
    const titles = r.actions.flatMap((a) => (a.type === 'createTasks' ? a.titles : []));
    expect(titles).toEqual(['Buy milk', 'Call mum']);
    expect(storedPending(r)).toMatchObject({ keptTask: 'Call mum' });
  });

  it('answers in French, naming the reminder, not the removed duplicate', () => {
    const fr = { locale: 'fr' as const };
    const q = replyTo("rappelle-moi plus tard d'appeler maman", base(fr));
    expect(q.actions[0]).toEqual({ type: 'createTasks', titles: ['Appeler maman'] });
    expect(q.text).toContain('« Appeler maman » est dans ta liste');
    const a = replyTo('1', base({ ...fr, pending: storedPending(q), openTasks: listWith('Appeler maman') }));
    expect(a.actions.map((x) => x.type)).toEqual(['createReminder', 'deleteTasks', 'setPending']);
    expect(a.text).toMatch(/^C'est noté, je te rappelle/);
    const no = replyTo(
      'non',
      base({ ...fr, pending: storedPending(q), openTasks: listWith('Appeler maman') }),
    );
    expect(no.text).toBe("D'accord, pas de rappel : « Appeler maman » reste dans ta liste.");
  });
});
