// `npm run coverage:check` (the `coverage` step of verify, after `test`): merges every jest project's
// coverage/**/coverage-final.json, prints line coverage per area with its threshold
// (tools/gates/coverage-thresholds.json) and the files in no coverage data, writes the summary verify
// prints before its last line, and fails when an area is under its threshold.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import { ROOT, option, readJson } from './cli';
import { areaOf, evaluateCoverage, type AreaCoverage, type CoverageThresholds } from './coverage-policy';

const argv = process.argv.slice(2);
const coverageDir = path.resolve(ROOT, option(argv, 'coverage-dir', 'coverage'));
const sourceRoot = path.resolve(ROOT, option(argv, 'source-root', ROOT));
const thresholds = readJson(
  path.resolve(ROOT, option(argv, 'thresholds', 'tools/gates/coverage-thresholds.json')),
) as CoverageThresholds;
const summaryOut = path.resolve(ROOT, option(argv, 'summary-out', 'tmp/test-results/coverage.json'));

const SKIP = new Set(['node_modules', 'dist', '.nx', 'tmp', 'coverage']);

function find(dir: string, test: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) find(full, test, out);
    } else if (test(entry.name)) out.push(full);
  }
  return out;
}

const map = libCoverage.createCoverageMap({});
for (const file of find(coverageDir, (n) => n === 'coverage-final.json'))
  map.merge(readJson(file) as libCoverage.CoverageMapData);

const areas = new Map<string, AreaCoverage>();
const entry = (area: string) => {
  const a = areas.get(area) ?? { covered: 0, total: 0, unloaded: 0 };
  areas.set(area, a);
  return a;
};
const measured = new Set<string>();
for (const file of map.files()) {
  const area = areaOf(path.relative(sourceRoot, file));
  if (!area) continue;
  measured.add(path.resolve(file));
  const lines = map.fileCoverageFor(file).toSummary().lines;
  const a = entry(area);
  a.covered += lines.covered;
  a.total += lines.total;
}
// Source files in no coverage data (no test loaded them, or type-only files with nothing to run):
// invisible to jest's figures, so counted here.
const isSource = (n: string) => /\.tsx?$/.test(n) && !/\.(spec|int-spec|e2e|d)\.tsx?$/.test(n);
for (const top of ['apps', 'libs', 'tools'])
  for (const file of find(path.join(sourceRoot, top), isSource)) {
    const rel = path.relative(sourceRoot, file);
    const area = areaOf(rel);
    if (area && rel.split(path.sep).includes('src') && !measured.has(file)) entry(area).unloaded += 1;
  }

const verdict = evaluateCoverage(areas, thresholds);
const fmt = (v: number | null) => (v === null ? '   -  ' : `${v.toFixed(1).padStart(5)} %`);
console.log(`coverage: lines per area (merged over every jest project), goal ${thresholds.target} %`);
for (const r of verdict.rows) {
  const a = areas.get(r.area);
  console.log(
    `  ${r.ok ? '    ' : 'FAIL'} ${r.area.padEnd(30)} ${fmt(r.pct)}` +
      `  min ${r.threshold === null ? '  - ' : `${String(r.threshold).padStart(2)} %`}` +
      `  (${a?.covered ?? 0}/${a?.total ?? 0} lines${r.unloaded ? `, ${r.unloaded} files unmeasured` : ''})`,
  );
}
const line =
  `coverage: ${fmt(verdict.overall).trim()} of lines (server libraries ${fmt(verdict.server).trim()}), ` +
  (verdict.ok ? 'every area at its threshold' : `under threshold: ${verdict.below.join(', ')}`);
console.log(line);
mkdirSync(path.dirname(summaryOut), { recursive: true });
writeFileSync(summaryOut, JSON.stringify({ line, ...verdict }));
process.exit(verdict.ok ? 0 : 1);
