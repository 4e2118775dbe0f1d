import { DEFAULT_PREFERENCES, inQuietHours, initialsOf, parseClockTime } from './profile';

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
