import { fullDateTime, messageTimeLabel } from './times';

const now = Date.parse('2026-03-10T12:00:00Z');

describe('messageTimeLabel', () => {
  it('shows only the time for today, in the person’s time zone', () => {
    expect(messageTimeLabel('2026-03-10T08:05:00Z', now, 'Europe/Paris', 'en-GB')).toBe('09:05');
  });

  it('adds the day for another day, and the year for another year', () => {
    expect(messageTimeLabel('2026-03-09T08:05:00Z', now, 'Europe/Paris', 'en-GB')).toBe('Mon 9 Mar, 09:05');
    expect(messageTimeLabel('2025-12-31T08:05:00Z', now, 'Europe/Paris', 'en-GB')).toMatch(/2025, 09:05$/);
  });

  it('decides "today" in the given zone, not in UTC', () => {
    // 23:30 UTC on the 9th is already the 10th in Tokyo.
    expect(messageTimeLabel('2026-03-09T23:30:00Z', now, 'Asia/Tokyo', 'en-GB')).toBe('08:30');
    // In the Americas times read "7:30pm", as the assistant's replies write them.
    expect(messageTimeLabel('2026-03-09T23:30:00Z', now, 'America/New_York', 'en-GB')).toBe(
      'Mon 9 Mar, 7:30pm',
    );
  });

  it('gives the full date for a tooltip', () => {
    expect(fullDateTime('2026-03-10T08:05:00Z', 'Europe/Paris', 'en-GB')).toMatch(
      /^Tuesday,? 10 March 2026 at 09:05$/,
    );
  });
});
