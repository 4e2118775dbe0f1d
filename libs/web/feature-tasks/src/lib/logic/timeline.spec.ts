import { gapFor, nowIndex, timelineOf } from './timeline';

const now = Date.parse('2026-12-06T12:00:00Z');

describe('timelineOf', () => {
  it('puts today’s reminders, appointments and task deadlines in time order, past ones marked', () => {
    const entries = timelineOf(
      {
        reminders: [
          { id: 'r1', text: 'meds', dueAt: '2026-12-06T17:00:00Z' },
          { id: 'r2', text: 'tomorrow', dueAt: '2026-12-07T09:00:00Z' },
        ],
        appointments: [{ id: 'a1', title: 'vet', startsAt: '2026-12-06T14:00:00Z' }],
        tasks: [
          { id: 't1', title: 'pay rent', dueAt: '2026-12-06T08:00:00Z' },
          { id: 't2', title: 'no date', dueAt: null },
        ],
      },
      now,
      'UTC',
    );
    expect(entries.map((e) => [e.kind, e.title, e.past])).toEqual([
      ['task', 'pay rent', true],
      ['appointment', 'vet', false],
      ['reminder', 'meds', false],
    ]);
    expect(entries.map((e) => e.gap)).toEqual([0, 3, 3]);
    expect(nowIndex(entries)).toBe(1);
  });

  it('decides "today" in the person’s zone', () => {
    const late = { reminders: [{ id: 'r', text: 'x', dueAt: '2026-12-06T23:30:00Z' }] };
    expect(timelineOf(late, now, 'UTC')).toHaveLength(1);
    expect(timelineOf(late, now, 'Asia/Tokyo')).toHaveLength(0);
    expect(nowIndex([])).toBe(0);
  });

  it('spaces entries by the time between them, within bounds', () => {
    expect(gapFor(0)).toBe(0.25);
    expect(gapFor(60 * 60_000)).toBe(1);
    expect(gapFor(10 * 60 * 60_000)).toBe(3);
  });
});
