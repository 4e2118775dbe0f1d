import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = Date.parse('2026-11-02T10:00:00Z');
  it('says "just now" under a minute, then minutes, hours and days', () => {
    expect(relativeTime('2026-11-02T09:59:30Z', now, 'en')).toBe('just now');
    expect(relativeTime('2026-11-02T09:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-02T07:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-11-01T09:00:00Z', now, 'en')).toBe('yesterday');
  });
});
