import { groupTimeZones, timeZoneLabel } from './timeZones';

describe('time zones', () => {
  it('labels zones the way people read them', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('Argentina / Buenos Aires');
    expect(timeZoneLabel('UTC')).toBe('UTC');
  });

  it('groups by region, sorted, with zones without a region last', () => {
    const groups = groupTimeZones(
      ['Europe/Paris', 'America/New_York', 'Europe/Berlin', 'UTC'],
      'Europe/Paris',
    );
    expect(groups.map((g) => g.region)).toEqual(['America', 'Europe', 'Other']);
    expect(groups[1]?.zones.map((z) => z.value)).toEqual(['Europe/Berlin', 'Europe/Paris']);
  });

  it("always offers the browser's own zone, even when the list leaves it out", () => {
    const groups = groupTimeZones(['Europe/Paris'], 'Etc/UTC');
    expect(groups.flatMap((g) => g.zones.map((z) => z.value))).toContain('Etc/UTC');
  });

  it('offers the full list the browser knows (Node has the same Intl data)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const offered = groupTimeZones(zones, 'Europe/Paris').flatMap((g) => g.zones);
    expect(offered.length).toBe(zones.length);
  });
});
