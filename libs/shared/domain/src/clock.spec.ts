import { clockLabel, usesTwelveHourClock } from './clock';

describe('clock times', () => {
  it('writes 24-hour times outside the Americas, with leading zeros', () => {
    expect(clockLabel(18, 29, 'Europe/Paris')).toBe('18:29');
    expect(clockLabel(7, 5, 'Asia/Tokyo')).toBe('07:05');
    expect(clockLabel(0, 0, undefined)).toBe('00:00');
  });

  it('writes 12-hour times in the Americas, the minutes only when there are some', () => {
    expect(usesTwelveHourClock('America/New_York')).toBe(true);
    expect(clockLabel(17, 0, 'America/New_York')).toBe('5pm');
    expect(clockLabel(0, 30, 'US/Pacific')).toBe('12:30am');
    expect(clockLabel(12, 5, 'Canada/Eastern')).toBe('12:05pm');
  });
});
