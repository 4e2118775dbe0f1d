import { dueLabel, dueSoon, snoozeMinutes, todayLabel } from './times';

const now = Date.parse('2026-03-10T12:00:00Z');

describe('dueLabel', () => {
  it('says today or tomorrow in the person’s zone', () => {
    expect(dueLabel('2026-03-10T21:10:00Z', now, 'Europe/Paris', 'en-GB')).toBe('Today at 22:10');
    expect(dueLabel('2026-03-11T07:00:00Z', now, 'Europe/Paris', 'en-GB')).toBe('Tomorrow at 08:00');
    // 23:30 UTC is already tomorrow in Tokyo.
    expect(dueLabel('2026-03-10T23:30:00Z', now, 'Asia/Tokyo', 'en-GB')).toBe('Tomorrow at 08:30');
  });

  it('finds tomorrow across a month end and a daylight-saving change', () => {
    // Paris leaves summer time on 25 October 2026: that day has 25 hours.
    const early = Date.parse('2026-10-24T22:30:00Z'); // 00:30 on the 25th in Paris
    expect(dueLabel('2026-10-26T06:00:00Z', early, 'Europe/Paris', 'en-GB')).toBe('Tomorrow at 07:00');
    expect(dueLabel('2026-04-01T06:00:00Z', Date.parse('2026-03-31T10:00:00Z'), 'UTC', 'en-GB')).toBe(
      'Tomorrow at 06:00',
    );
  });

  it('names the day further away, with the year only when it differs', () => {
    expect(dueLabel('2026-03-13T07:00:00Z', now, 'Europe/Paris', 'en-GB')).toBe('Fri 13 Mar at 08:00');
    expect(dueLabel('2027-01-04T07:00:00Z', now, 'Europe/Paris', 'en-GB')).toMatch(/2027 at 08:00$/);
  });
});

describe('dueSoon', () => {
  it('counts down within a day, rounded, and says nothing otherwise', () => {
    expect(dueSoon('2026-03-10T12:00:20Z', now)).toBe('in less than a minute');
    expect(dueSoon('2026-03-10T12:20:00Z', now)).toBe('in 20 min');
    expect(dueSoon('2026-03-10T15:10:00Z', now)).toBe('in 3 h');
    expect(dueSoon('2026-03-12T15:10:00Z', now)).toBeNull();
    expect(dueSoon('2026-03-10T11:00:00Z', now)).toBeNull();
  });
});

describe('todayLabel', () => {
  it('names the day in the person’s zone', () => {
    expect(todayLabel(Date.parse('2026-03-10T23:30:00Z'), 'Asia/Tokyo', 'en-GB')).toBe('Wednesday 11 March');
  });
});

describe('snoozeMinutes', () => {
  it('moves a reminder later than planned, not sooner (the API counts from now)', () => {
    expect(snoozeMinutes('2026-03-10T12:20:00Z', now, 10)).toBe(30);
    expect(snoozeMinutes('2026-03-10T12:00:30Z', now, 10)).toBe(11);
  });

  it('counts from now for a reminder already due, and gives up past a day', () => {
    expect(snoozeMinutes('2026-03-10T11:00:00Z', now, 10)).toBe(10);
    expect(snoozeMinutes('2026-03-11T12:00:00Z', now, 10)).toBeNull();
  });
});
