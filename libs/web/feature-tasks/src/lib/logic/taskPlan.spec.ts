import { dueState, planOf, type Priority } from './taskPlan';

const now = Date.parse('2026-12-06T10:00:00Z');
const task = (id: string, dueAt: string | null = null, priority: Priority = 'NORMAL') => ({
  id,
  dueAt,
  priority,
});
const ids = (plan: ReturnType<typeof planOf<ReturnType<typeof task>>>) =>
  plan.map((g) => [g.group, g.tasks.map((t) => t.id)]);

describe('planOf', () => {
  it('puts late, due-today and high-priority tasks now, low or far ones later, keeping list order', () => {
    const plan = planOf(
      [
        task('plain'),
        task('far', '2026-12-30T10:00:00Z'),
        task('late', '2026-12-05T10:00:00Z'),
        task('urgent', null, 'HIGH'),
        task('tonight', '2026-12-06T20:00:00Z'),
        task('someday', null, 'LOW'),
        task('thursday', '2026-12-10T10:00:00Z'),
      ],
      now,
      'Europe/Paris',
    );
    expect(ids(plan)).toEqual([
      ['now', ['late', 'urgent', 'tonight']],
      ['next', ['plain', 'thursday']],
      ['later', ['far', 'someday']],
    ]);
  });

  it('always has one thing to start now: the first of next, else of later', () => {
    expect(ids(planOf([task('a'), task('b')], now))).toEqual([
      ['now', ['a']],
      ['next', ['b']],
    ]);
    expect(ids(planOf([task('z', null, 'LOW')], now))).toEqual([['now', ['z']]]);
    expect(planOf([], now)).toEqual([]);
  });
});

describe('dueState', () => {
  it('reads "today" in the person’s zone', () => {
    // 23:30 UTC on the 6th is already the 7th in Tokyo.
    expect(dueState('2026-12-06T23:30:00Z', now, 'UTC')).toBe('today');
    expect(dueState('2026-12-06T23:30:00Z', now, 'Asia/Tokyo')).toBe('week');
    expect(dueState('2026-12-06T09:00:00Z', now, 'UTC')).toBe('overdue');
  });
});
