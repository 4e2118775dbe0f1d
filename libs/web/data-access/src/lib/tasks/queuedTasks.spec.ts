import { pendingTaskId, type OutboxAction, type OutboxItem } from '../offline/outboxTypes';
import { movedTo, withQueuedTaskChanges } from './queuedTasks';

const task = (id: string, title: string, extra: Partial<{ doneAt: string; clientId: string }> = {}) => ({
  id,
  title,
  doneAt: extra.doneAt ?? null,
  parentId: null,
  position: 1,
  dueAt: null,
  priority: 'NORMAL' as const,
  clientId: extra.clientId ?? null,
});

let seq = 0;
const queued = (action: OutboxAction, over: Partial<OutboxItem> = {}): OutboxItem => ({
  seq: ++seq,
  userId: 'u1',
  clientId: `client-${seq}`,
  action,
  queuedAt: `2026-11-25T10:0${seq % 10}:00.000Z`,
  state: 'waiting',
  attempts: 0,
  ...over,
});

describe('withQueuedTaskChanges', () => {
  it('shows a task added offline at the end of the list, marked as waiting, and once the API has it, once', () => {
    const add = queued({ kind: 'createTask', title: 'water plants', parentId: null });
    const before = withQueuedTaskChanges([{ ...task('t1', 'buy milk'), steps: [] }], [], [add]);
    expect(before.open.map((t) => [t.title, t.queued?.state])).toEqual([
      ['buy milk', undefined],
      ['water plants', 'waiting'],
    ]);
    expect(before.open[1]?.id).toBe(pendingTaskId(add.clientId));

    // The API stored it (same client id) while the item is still leaving the outbox: shown once.
    const stored = { ...task('t2', 'water plants', { clientId: add.clientId }), steps: [] };
    const after = withQueuedTaskChanges([{ ...task('t1', 'buy milk'), steps: [] }, stored], [], [add]);
    expect(after.open.map((t) => t.title)).toEqual(['buy milk', 'water plants']);
    expect(after.open[1]?.queued).toBeUndefined();
  });

  it('applies done and undo in the order they were made, tasks and steps alike', () => {
    const open = [
      {
        ...task('t1', 'clean kitchen'),
        steps: [{ ...task('s1', 'clear the table'), parentId: 't1' }],
      },
      { ...task('t2', 'call bank'), steps: [] },
    ];
    const done = [task('t3', 'post letter', { doneAt: '2026-11-25T09:00:00.000Z' })];
    const lists = withQueuedTaskChanges(open, done, [
      queued({ kind: 'completeTask', taskId: 't2', title: 'call bank' }),
      queued({ kind: 'completeTask', taskId: 's1', title: 'clear the table' }, { state: 'sending' }),
      queued({ kind: 'reopenTask', taskId: 't3', title: 'post letter' }),
      queued({ kind: 'completeTask', taskId: 't3', title: 'post letter' }),
      queued({ kind: 'reopenTask', taskId: 't3', title: 'post letter' }),
    ]);
    expect(lists.open.map((t) => t.title)).toEqual(['clean kitchen', 'post letter']);
    expect(lists.open[0]?.steps[0]).toMatchObject({
      doneAt: expect.any(String),
      queued: { state: 'sending' },
    });
    expect(lists.done.map((t) => [t.title, t.queued?.state])).toEqual([['call bank', 'waiting']]);
  });

  it('completes a task that was itself added offline, and hides a deleted one', () => {
    const add = queued({ kind: 'createTask', title: 'new one', parentId: null });
    const lists = withQueuedTaskChanges(
      [{ ...task('t1', 'old one'), steps: [] }],
      [],
      [
        add,
        queued({ kind: 'completeTask', taskId: pendingTaskId(add.clientId), title: 'new one' }),
        queued({ kind: 'deleteTask', taskId: 't1', title: 'old one' }),
      ],
    );
    expect(lists.open).toEqual([]);
    expect(lists.done.map((t) => t.title)).toEqual(['new one']);
  });

  it('lists refused changes apart, without applying them', () => {
    const lists = withQueuedTaskChanges(
      [{ ...task('t1', 'buy milk'), steps: [] }],
      [],
      [
        queued(
          { kind: 'completeTask', taskId: 't1', title: 'buy milk' },
          { state: 'failed', failure: { code: 'TASK_NOT_FOUND', message: 'That task was not found.' } },
        ),
        queued({ kind: 'sendMessage', conversationId: 'c1', parentId: null, body: 'hi' }),
      ],
    );
    expect(lists.open.map((t) => t.title)).toEqual(['buy milk']);
    expect(lists.refused).toEqual([
      expect.objectContaining({
        kind: 'completeTask',
        title: 'buy milk',
        failure: expect.objectContaining({ code: 'TASK_NOT_FOUND' }),
      }),
    ]);
  });

  it('shows edits made offline at once: title, deadline, priority, and a move, on tasks and steps', () => {
    const open = [
      { ...task('t1', 'clean kitchen'), steps: [task('s1', 'dishes'), task('s2', 'counter')] },
      { ...task('t2', 'call bank'), steps: [] },
      { ...task('t3', 'post letter'), steps: [] },
    ];
    const lists = withQueuedTaskChanges(
      open,
      [],
      [
        queued({ kind: 'renameTask', taskId: 't2', title: 'call the bank' }),
        queued({ kind: 'setTaskDueAt', taskId: 't2', title: 'call the bank', dueAt: '2026-12-06T17:00:00Z' }),
        queued({ kind: 'setTaskPriority', taskId: 's2', title: 'counter', priority: 'HIGH' }),
        queued({ kind: 'moveTask', taskId: 't3', title: 'post letter', place: 1 }),
        queued({ kind: 'moveTask', taskId: 's2', title: 'counter', place: 1 }),
      ],
    );
    expect(lists.open.map((t) => t.title)).toEqual(['post letter', 'clean kitchen', 'call the bank']);
    expect(lists.open[2]).toMatchObject({ dueAt: '2026-12-06T17:00:00Z', queued: { state: 'waiting' } });
    expect(lists.open[1]?.steps.map((s) => [s.title, s.priority])).toEqual([
      ['counter', 'HIGH'],
      ['dishes', 'NORMAL'],
    ]);
  });

  it('moves within bounds: 0 is first, past the end is last, an unknown id changes nothing', () => {
    const note = { clientId: 'c', state: 'waiting' as const };
    const list = [task('a', 'a'), task('b', 'b'), task('c', 'c')];
    expect(movedTo(list, 'c', 0, note).map((t) => t.id)).toEqual(['c', 'a', 'b']);
    expect(movedTo(list, 'a', 9, note).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    expect(movedTo(list, 'x', 1, note).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});
