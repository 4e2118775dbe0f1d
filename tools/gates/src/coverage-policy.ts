// The coverage policy: line coverage merged over every jest project (a library's code counts as
// covered when any project's tests run it, e.g. the API's integration tests), per area (libs/<scope>/<name>,
// apps/<name>, tools/<name>), against a threshold per area. Pure: the gate script does the merging.

export interface AreaCoverage {
  covered: number;
  total: number;
  /** Source files of the area no test loaded (their lines are in no total). */
  unloaded: number;
}

export interface CoverageThresholds {
  metric: 'lines';
  /** The goal (the seed's 90 %); areas below it say why in docs/testing.md. */
  target: number;
  areas: Record<string, number>;
}

export interface CoverageRow {
  area: string;
  pct: number | null;
  threshold: number | null;
  ok: boolean;
  unloaded: number;
}

export interface CoverageVerdict {
  ok: boolean;
  rows: CoverageRow[];
  /** Lines over every measured area. */
  overall: number | null;
  /** Lines over libs/server/*, the product's server code. */
  server: number | null;
  below: string[];
}

/** The area a repository-relative path belongs to, or null outside apps/libs/tools. */
export function areaOf(relative: string): string | null {
  const parts = relative.split(/[\\/]/);
  // libs/<group>/<name>/…, or a library of its own right under libs/ (libs/sdk/src/…).
  if (parts[0] === 'libs' && parts.length > 3 && parts[2] !== 'src') return parts.slice(0, 3).join('/');
  if (parts[0] === 'libs' && parts.length > 2) return parts.slice(0, 2).join('/');
  if ((parts[0] === 'apps' || parts[0] === 'tools') && parts.length > 2) return parts.slice(0, 2).join('/');
  return null;
}

const pct = (covered: number, total: number): number | null =>
  total === 0 ? null : Math.floor((1000 * covered) / total) / 10;

/** Checks each area against its threshold; an area with a threshold and no measurement fails. */
export function evaluateCoverage(
  areas: ReadonlyMap<string, AreaCoverage>,
  thresholds: CoverageThresholds,
): CoverageVerdict {
  const names = [...new Set([...areas.keys(), ...Object.keys(thresholds.areas)])].sort();
  let covered = 0;
  let total = 0;
  let serverCovered = 0;
  let serverTotal = 0;
  const rows = names.map((area): CoverageRow => {
    const a = areas.get(area) ?? { covered: 0, total: 0, unloaded: 0 };
    covered += a.covered;
    total += a.total;
    if (area.startsWith('libs/server/')) {
      serverCovered += a.covered;
      serverTotal += a.total;
    }
    const threshold = thresholds.areas[area] ?? null;
    const value = pct(a.covered, a.total);
    const ok = threshold === null || (value !== null && value >= threshold);
    return { area, pct: value, threshold, ok, unloaded: a.unloaded };
  });
  const below = rows.filter((r) => !r.ok).map((r) => r.area);
  return {
    ok: below.length === 0,
    rows,
    overall: pct(covered, total),
    server: pct(serverCovered, serverTotal),
    below,
  };
}
