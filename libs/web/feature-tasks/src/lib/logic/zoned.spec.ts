import { fromLocalInput, toLocalInput } from './zoned';

describe('date-time fields in the person’s zone', () => {
  it('shows an instant as the wall time of the zone, and reads it back to the same instant', () => {
    expect(toLocalInput('2026-12-06T17:30:00Z', 'Europe/Paris')).toBe('2026-12-06T18:30');
    expect(fromLocalInput('2026-12-06T18:30', 'Europe/Paris')).toBe('2026-12-06T17:30:00.000Z');
    expect(fromLocalInput('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(toLocalInput('2026-12-06T23:00:00Z', 'Europe/Paris')).toBe('2026-12-07T00:00');
  });

  it('is right on both sides of a daylight-saving change', () => {
    expect(fromLocalInput('2026-03-28T12:00', 'Europe/Paris')).toBe('2026-03-28T11:00:00.000Z');
    expect(fromLocalInput('2026-03-29T12:00', 'Europe/Paris')).toBe('2026-03-29T10:00:00.000Z');
  });

  it('refuses what is not a full date and time', () => {
    expect(fromLocalInput('', 'UTC')).toBeNull();
    expect(fromLocalInput('2026-12-06', 'UTC')).toBeNull();
  });
});
