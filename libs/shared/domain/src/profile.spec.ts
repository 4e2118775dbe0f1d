import {
  DEFAULT_DAY_RULE_VALUES,
  DEFAULT_PREFERENCES,
  dayRulesProblems,
  inQuietHours,
  initialsOf,
  parseClockTime,
} from './profile';

describe('quiet hours', () => {
  it('covers a window that crosses midnight', () => {
    expect(inQuietHours(23 * 60, '22:00', '08:00')).toBe(true);
    expect(inQuietHours(7 * 60 + 59, '22:00', '08:00')).toBe(true);
    expect(inQuietHours(8 * 60, '22:00', '08:00')).toBe(false);
    expect(inQuietHours(12 * 60, '22:00', '08:00')).toBe(false);
  });

  it('covers a same-day window and nothing when unset or empty', () => {
    expect(inQuietHours(13 * 60, '12:30', '14:00')).toBe(true);
    expect(inQuietHours(14 * 60, '12:30', '14:00')).toBe(false);
    expect(inQuietHours(13 * 60, null, null)).toBe(false);
    expect(inQuietHours(13 * 60, '10:00', '10:00')).toBe(false);
  });

  it('reads only real clock times', () => {
    expect(parseClockTime('09:05')).toBe(545);
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('9:5')).toBeNull();
    expect(parseClockTime(DEFAULT_PREFERENCES.checkInTime ?? '')).toBe(540);
  });
});

describe('avatar initials', () => {
  it('takes the first and last word, upper-cased, surrogate-safe', () => {
    expect(initialsOf('ada lovelace')).toBe('AL');
    expect(initialsOf('  Zoé  ')).toBe('Z');
    expect(initialsOf('Jean Paul Sartre')).toBe('JS');
    expect(initialsOf('😀 smile')).toBe('😀S');
  });
});

describe('the person’s day (dayRulesProblems)', () => {
  it('accepts the defaults and an early day', () => {
    expect(dayRulesProblems(DEFAULT_DAY_RULE_VALUES)).toEqual({});
    expect(
      dayRulesProblems({
        dayStart: '06:00',
        lunch: '11:30',
        workEnd: '15:00',
        evening: '18:00',
        appointmentLeadMinutes: 0,
      }),
    ).toEqual({});
  });

  it('names each bad field: not a 24-hour time, out of order, a lead out of range', () => {
    expect(
      Object.keys(
        dayRulesProblems({
          dayStart: '9am',
          lunch: '12:30',
          workEnd: '18:00',
          evening: '24:00',
          appointmentLeadMinutes: 1441,
        }),
      ).sort(),
    ).toEqual(['appointmentLeadMinutes', 'dayStart', 'evening']);
    expect(
      dayRulesProblems({
        dayStart: '10:00',
        lunch: '10:00',
        workEnd: '09:00',
        evening: '09:30',
        appointmentLeadMinutes: 1.5,
      }),
    ).toEqual({
      lunch: 'Lunch comes after the start of your day.',
      workEnd: 'Work ends after the start of your day.',
      evening: 'The evening comes after lunch.',
      appointmentLeadMinutes: 'From 0 to 1440 minutes before.',
    });
  });
});
