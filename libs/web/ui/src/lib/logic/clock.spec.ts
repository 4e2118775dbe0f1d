import { clockTime, localClock } from './clock';

describe('clockTime', () => {
  const at = '2026-12-06T17:29:00.000Z';

  it('writes the time in the person’s zone, as the assistant’s replies do', () => {
    expect(clockTime(at, 'Europe/Paris')).toBe('18:29');
    expect(clockTime(at, 'Asia/Kolkata')).toBe('22:59');
    expect(clockTime(Date.parse('2026-12-06T23:05:00Z'), 'UTC')).toBe('23:05');
  });

  it('writes 12-hour times in the Americas', () => {
    expect(clockTime(at, 'America/New_York')).toBe('12:29pm');
    expect(clockTime(new Date('2026-12-06T22:00:00Z'), 'America/New_York')).toBe('5pm');
  });

  it('gives midnight as hour 0', () => {
    expect(localClock('2026-12-06T23:00:00Z', 'Europe/Paris')).toEqual({ hour: 0, minute: 0 });
  });
});
