// Allow-list entries for the dependency gates: every exception names what it excuses, why, and until
// when. An expired or malformed entry fails the gate, so an exception is re-decided, never forgotten.

/** One accepted advisory: its id (GHSA-… or npm's numeric source), the package, a reason and an expiry. */
export interface AllowEntry {
  id: string;
  package: string;
  reason: string;
  /** Last day (UTC, YYYY-MM-DD) the exception holds. */
  expires: string;
}

export interface AllowList {
  entries: AllowEntry[];
  /** Malformed or expired entries, one line each: any of them fails the gate. */
  problems: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MIN_REASON = 20;
// An exception is re-decided at least this often.
export const MAX_DAYS_AHEAD = 90;

/** The UTC calendar day of a date, as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Validates an allow-list file's content; `today` decides which entries have expired. */
export function parseAllowList(raw: unknown, today: Date): AllowList {
  const problems: string[] = [];
  const list = (raw as { advisories?: unknown } | null)?.advisories;
  if (!Array.isArray(list)) return { entries: [], problems: ['the allow-list has no "advisories" array'] };
  const entries: AllowEntry[] = [];
  const day = utcDay(today);
  list.forEach((item: Partial<Record<keyof AllowEntry, unknown>>, index) => {
    const where = `allow-list entry ${index + 1}`;
    const { id, package: pkg, reason, expires } = item ?? {};
    if (typeof id !== 'string' || !/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|\d+)$/.test(id))
      return problems.push(`${where}: "id" must be a GHSA id or npm's numeric advisory id`);
    if (typeof pkg !== 'string' || pkg.length === 0)
      return problems.push(`${where} (${id}): "package" is required`);
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON)
      return problems.push(`${where} (${id}): "reason" must say why (at least ${MIN_REASON} characters)`);
    if (typeof expires !== 'string' || !DATE.test(expires) || Number.isNaN(Date.parse(expires)))
      return problems.push(`${where} (${id}): "expires" must be a date YYYY-MM-DD`);
    if (expires < day)
      return problems.push(`${where} (${id}, ${pkg}): expired on ${expires}: fix it or decide again`);
    const horizon = utcDay(new Date(today.getTime() + MAX_DAYS_AHEAD * 86_400_000));
    if (expires > horizon)
      return problems.push(`${where} (${id}): "expires" is more than ${MAX_DAYS_AHEAD} days ahead`);
    entries.push({ id, package: pkg, reason, expires });
    return undefined;
  });
  return { entries, problems };
}
