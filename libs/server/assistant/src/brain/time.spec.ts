import { formatLocal, formatWhen, nextOccurrence, wallToUtc } from './time';

const iso = (d: Date): string => d.toISOString();

describe('wall clock to instant', () => {
  it('converts ordinary local times in several zones', () => {
    expect(iso(wallToUtc({ year: 2026, month: 3, day: 11, hour: 17, minute: 0 }, 'Europe/Paris'))).toBe(
      '2026-03-11T16:00:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 6, day: 19, hour: 7, minute: 0 }, 'Asia/Tokyo'))).toBe(
      '2026-06-18T22:00:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 3, day: 11, hour: 9, minute: 30 }, 'America/New_York'))).toBe(
      '2026-03-11T13:30:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 5, day: 2, hour: 0, minute: 0 }, 'UTC'))).toBe(
      '2026-05-02T00:00:00.000Z',
    );
  });

  it('moves a time inside a spring-forward gap to the first valid instant after it', () => {
    // Paris 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
    expect(iso(wallToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Paris'))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 0 }, 'Europe/Paris'))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, 'Europe/Paris'))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 15 }, 'America/New_York'))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, 'Australia/Sydney'))).toBe(
      '2026-10-03T16:00:00.000Z',
    );
  });

  it('takes the first of a time that happens twice at fall-back', () => {
    // New York 2026-11-01: 01:30 EDT (05:30Z) and then 01:30 EST (06:30Z).
    expect(iso(wallToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Paris'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(wallToUtc({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney'))).toBe(
      '2026-04-04T15:30:00.000Z',
    );
  });

  it('computes with UTC for an unknown zone instead of throwing', () => {
    expect(iso(wallToUtc({ year: 2026, month: 1, day: 1, hour: 8, minute: 0 }, 'Mars/Olympus'))).toBe(
      '2026-01-01T08:00:00.000Z',
    );
  });
});

describe('recurrences', () => {
  it('keeps the local time across a DST change', () => {
    const now = new Date('2026-03-27T12:00:00Z'); // Fri 13:00 CET
    const first = nextOccurrence({ kind: 'daily', time: '09:00' }, now, 'Europe/Paris');
    expect(iso(first)).toBe('2026-03-28T08:00:00.000Z'); // Sat 09:00 CET
    const afterJump = nextOccurrence({ kind: 'daily', time: '09:00' }, first, 'Europe/Paris');
    expect(iso(afterJump)).toBe('2026-03-29T07:00:00.000Z'); // Sun 09:00 CEST
  });

  it('skips weekends for weekdays and finds the next listed weekday for weekly', () => {
    const fridayEvening = new Date('2026-03-13T18:00:00Z');
    expect(iso(nextOccurrence({ kind: 'weekdays', time: '08:00' }, fridayEvening, 'Europe/Paris'))).toBe(
      '2026-03-16T07:00:00.000Z',
    );
    expect(
      iso(nextOccurrence({ kind: 'weekly', time: '10:00', weekdays: [3, 6] }, fridayEvening, 'UTC')),
    ).toBe('2026-03-14T10:00:00.000Z');
  });
});

describe('local formats', () => {
  const now = new Date('2026-03-11T13:00:00Z');
  it('says today, tomorrow, a weekday, or a date', () => {
    expect(formatLocal(new Date('2026-03-11T16:00:00Z'), 'Europe/Paris', now)).toBe('today 17:00');
    expect(formatLocal(new Date('2026-03-12T08:00:00Z'), 'Europe/Paris', now)).toBe('tomorrow 09:00');
    expect(formatLocal(new Date('2026-03-13T09:00:00Z'), 'Europe/Paris', now)).toBe('Fri 10:00');
    expect(formatLocal(new Date('2026-04-01T07:00:00Z'), 'Europe/Paris', now)).toBe('Wed 1 Apr 09:00');
    expect(formatLocal(new Date('2026-03-11T21:00:00Z'), 'America/New_York', now)).toBe('today 5pm');
    expect(formatLocal(new Date('2026-03-11T21:30:00Z'), 'America/New_York')).toBe('Wed 11 Mar 5:30pm');
  });

  it('phrases near reminders relatively', () => {
    expect(formatWhen(new Date('2026-03-11T13:20:00Z'), 'Europe/Paris', now)).toBe('in 20 min (14:20)');
    expect(formatWhen(new Date('2026-03-12T08:00:00Z'), 'Europe/Paris', now)).toBe('tomorrow at 09:00');
    expect(formatWhen(new Date('2026-03-13T09:00:00Z'), 'Europe/Paris', now)).toBe('on Fri at 10:00');
  });
});
