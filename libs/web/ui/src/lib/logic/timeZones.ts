export interface TimeZoneOption {
  value: string;
  label: string;
}

export interface TimeZoneGroup {
  region: string;
  zones: TimeZoneOption[];
}

/** The browser's own time zone (e.g. Europe/Paris), or UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA time zone the browser knows. */
export function supportedTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** "America/Argentina/Buenos_Aires" → "Argentina / Buenos Aires". */
export function timeZoneLabel(zone: string): string {
  const parts = zone.split('/');
  const place = parts.length > 1 ? parts.slice(1) : parts;
  return place.map((p) => p.replace(/_/g, ' ')).join(' / ');
}

/**
 * The time zones grouped by region for a select (`<optgroup>`), sorted, always including `current`
 * (a browser may report an alias such as "Etc/UTC" that its own list leaves out).
 */
export function groupTimeZones(zones: readonly string[], current: string): TimeZoneGroup[] {
  const all = new Set(zones);
  if (current) all.add(current);
  const groups = new Map<string, TimeZoneOption[]>();
  for (const zone of all) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other';
    const list = groups.get(region) ?? [];
    list.push({ value: zone, label: timeZoneLabel(zone) });
    groups.set(region, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([region, list]) => ({ region, zones: list.sort((x, y) => x.label.localeCompare(y.label)) }));
}
