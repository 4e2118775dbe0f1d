import { byHorizon, horizonOf } from './horizon';

// 12:00 in Paris (11:00 UTC) on 10 March 2026.
const now = Date.parse('2026-03-10T11:00:00Z');

describe('horizonOf', () => {
  it('puts what is due within the hour (or already late) first', () => {
    expect(horizonOf('2026-03-10T11:20:00Z', now, 'Europe/Paris')).toBe('hour');
    expect(horizonOf('2026-03-10T12:00:00Z', now, 'Europe/Paris')).toBe('hour');
    expect(horizonOf('2026-03-10T10:50:00Z', now, 'Europe/Paris')).toBe('hour');
  });

  it('tells the rest of today from after today in the person’s zone, not in UTC', () => {
    expect(horizonOf('2026-03-10T12:01:00Z', now, 'Europe/Paris')).toBe('today');
    // 22:30 UTC is 23:30 in Paris (still today) but already 07:30 tomorrow in Tokyo.
    expect(horizonOf('2026-03-10T22:30:00Z', now, 'Europe/Paris')).toBe('today');
    expect(horizonOf('2026-03-10T22:30:00Z', now, 'Asia/Tokyo')).toBe('later');
    expect(horizonOf('2026-03-10T23:30:00Z', now, 'Europe/Paris')).toBe('later');
  });
});

describe('byHorizon', () => {
  it('groups in the order hour, today, later, keeping each group’s order and leaving empty ones out', () => {
    const items = [
      { id: 'a', dueAt: '2026-03-10T11:10:00Z' },
      { id: 'b', dueAt: '2026-03-10T15:00:00Z' },
      { id: 'c', dueAt: '2026-03-10T11:40:00Z' },
      { id: 'd', dueAt: '2026-03-12T08:00:00Z' },
    ];
    const groups = byHorizon(items, now, 'Europe/Paris');
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Within the hour', ['a', 'c']],
      ['Later today', ['b']],
      ['After today', ['d']],
    ]);
    expect(
      byHorizon([items[3] as (typeof items)[number]], now, 'Europe/Paris').map((g) => g.horizon),
    ).toEqual(['later']);
    expect(byHorizon([], now, 'Europe/Paris')).toEqual([]);
  });
});
