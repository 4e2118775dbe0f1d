import type { BrainContext } from '../brain.types';
import { TASKS, REMINDERS } from '../phrasings/phrasing.types';
import { parseLlmContent } from './llm-output';

const ctx: BrainContext = {
  now: new Date('2026-03-11T13:00:00Z'),
  timeZone: 'Europe/Paris',
  tone: 'gentle',
  maxReplyChars: 160,
  openTasks: TASKS,
  recentlyDone: [],
  upcomingReminders: REMINDERS,
  lastDeliveredReminder: null,
  pending: null,
};

const asking = (extra: unknown[] = []) =>
  JSON.stringify({
    text: 'When should I remind you?',
    intent: 'clarify',
    actions: [
      ...extra,
      {
        type: 'setPending',
        pending: {
          kind: 'clarify',
          question: 'When?',
          options: [
            {
              label: 'in 1 hour',
              action: {
                type: 'createReminder',
                text: 'call mum',
                dueAt: '2026-03-11T14:00:00Z',
                recurrence: null,
              },
            },
            {
              label: 'tonight',
              action: {
                type: 'createReminder',
                text: 'call mum',
                dueAt: '2026-03-11T19:00:00Z',
                recurrence: null,
              },
            },
          ],
        },
      },
    ],
  });

describe('a model that asks back loses nothing either', () => {
  it('keeps what to do as a task when the model only asks which time', () => {
    const r = parseLlmContent(asking(), ctx);
    expect(r?.actions[0]).toEqual({ type: 'createTasks', titles: ['Call mum'] });
    const set = r?.actions[1];
    expect(set?.type === 'setPending' && set.pending?.kind === 'clarify' && set.pending.keptTask).toBe(
      'Call mum',
    );
  });

  it('adds nothing when the model already kept something', () => {
    const r = parseLlmContent(asking([{ type: 'createTasks', titles: ['Call mum'] }]), ctx);
    expect(r?.actions.filter((a) => a.type === 'createTasks')).toHaveLength(1);
  });

  it('removes the kept task when the model answers the question with its reminder', () => {
    const pending = {
      kind: 'clarify' as const,
      question: 'When?',
      keptTask: 'Call mum',
      options: [
        {
          label: 'in 1 hour',
          action: {
            type: 'createReminder' as const,
            text: 'call mum',
            dueAt: new Date('2026-03-11T14:00:00Z'),
            recurrence: null,
          },
        },
      ],
    };
    const kept = { id: 'kept', title: 'Call mum', doneAt: null, createdAt: new Date('2026-03-11T13:00:01Z') };
    const answer = JSON.stringify({
      text: 'Okay, in an hour.',
      actions: [
        { type: 'createReminder', text: 'call mum', dueAt: '2026-03-11T14:00:00Z', recurrence: null },
      ],
    });
    const r = parseLlmContent(answer, { ...ctx, pending, openTasks: [...TASKS, kept] });
    expect(r?.actions.map((a) => a.type)).toEqual(['createReminder', 'deleteTasks']);
    expect(r?.actions[1]).toEqual({ type: 'deleteTasks', taskIds: ['kept'] });
  });
});
