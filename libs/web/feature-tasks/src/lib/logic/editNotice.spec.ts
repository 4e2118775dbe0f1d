import { editNotice } from './editNotice';

describe('editNotice', () => {
  it('names the one change made', () => {
    expect(editNotice('milk', [{ kind: 'renameTask', title: 'oat milk' }])).toBe('Renamed to “oat milk”.');
    expect(editNotice('milk', [{ kind: 'setTaskDueAt', dueAt: '2026-12-06T10:00:00Z' }])).toBe(
      '“milk” has a due date.',
    );
    expect(editNotice('milk', [{ kind: 'setTaskDueAt', dueAt: null }])).toBe('“milk” has no due date now.');
    expect(editNotice('milk', [{ kind: 'setTaskPriority', priority: 'HIGH' }])).toBe(
      '“milk”: high priority.',
    );
    expect(editNotice('milk', [{ kind: 'moveTask', place: 2 }])).toBe('Moved “milk” to place 2.');
  });

  it('says "saved" for several changes at once', () => {
    const changes = [
      { kind: 'renameTask' as const, title: 'a' },
      { kind: 'setTaskPriority' as const, priority: 'LOW' as const },
    ];
    expect(editNotice('milk', changes)).toBe('Saved your changes to “milk”.');
  });
});
