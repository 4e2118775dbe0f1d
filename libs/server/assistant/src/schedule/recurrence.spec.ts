import { endOfQuietHours, isQuiet, localMinuteOfDay, nextOccurrence } from './recurrence';

describe('next occurrence of a recurring reminder', () => {
  it('is later today when the time has not passed, else tomorrow, in the person’s zone', () => {
    const after = new Date('2026-11-25T06:00:00Z'); // 07:00 in Paris
    expect(nextOccurrence({ kind: 'daily', time: '08:00' }, after, 'Europe/Paris')?.toISOString()).toBe(
      '2026-11-25T07:00:00.000Z',
    );
    expect(nextOccurrence({ kind: 'daily', time: '06:30' }, after, 'Europe/Paris')?.toISOString()).toBe(
      '2026-11-26T05:30:00.000Z',
    );
  });

  it('skips weekends for weekdays, and follows the listed days for weekly', () => {
    const friday = new Date('2026-11-27T10:00:00Z'); // Friday 11:00 Paris
    expect(nextOccurrence({ kind: 'weekdays', time: '08:00' }, friday, 'Europe/Paris')?.toISOString()).toBe(
      '2026-11-30T07:00:00.000Z', // Monday
    );
    expect(
      nextOccurrence(
        { kind: 'weekly', time: '09:00', weekdays: [3] },
        friday,
        'America/New_York',
      )?.toISOString(),
    ).toBe('2026-12-02T14:00:00.000Z'); // Wednesday 09:00 EST
  });

  it('keeps the local time across a DST change and moves a missing time to the end of the gap', () => {
    // Europe/Paris springs forward on 2026-03-29: 02:30 does not exist that night.
    const before = new Date('2026-03-28T12:00:00Z');
    expect(nextOccurrence({ kind: 'daily', time: '02:30' }, before, 'Europe/Paris')?.toISOString()).toBe(
      '2026-03-29T01:00:00.000Z', // 03:00 CEST, the first minute that exists after the gap
    );
    expect(nextOccurrence({ kind: 'daily', time: '08:00' }, before, 'Europe/Paris')?.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z', // 08:00 CEST, one hour earlier in UTC than the day before
    );
  });

  it('finds the end of quiet hours and the local minute of an instant', () => {
    const late = new Date('2026-11-25T22:30:00Z'); // 23:30 Paris
    expect(endOfQuietHours(late, '08:00', 'Europe/Paris').toISOString()).toBe('2026-11-26T07:00:00.000Z');
    expect(localMinuteOfDay(late, 'Europe/Paris')).toBe(23 * 60 + 30);
    expect(localMinuteOfDay(late, 'Asia/Tokyo')).toBe(7 * 60 + 30);
    expect(isQuiet(late, 'Europe/Paris', '22:00', '08:00')).toBe(true);
    expect(isQuiet(late, 'Asia/Tokyo', '22:00', '08:00')).toBe(true);
    expect(isQuiet(late, 'America/New_York', '22:00', '08:00')).toBe(false); // 17:30 there
  });
});
