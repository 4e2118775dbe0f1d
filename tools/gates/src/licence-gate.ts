// `npm run security:licences`: the licences of the production dependencies (license-checker-rseidelsohn)
// against tools/gates/licences.json (allowed SPDX ids, exceptions with a reason).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, option, readJson } from './cli';
import { evaluateLicences, type LicencePolicy } from './licence-policy';

const argv = process.argv.slice(2);
const policy = readJson(
  path.resolve(ROOT, option(argv, 'policy', 'tools/gates/licences.json')),
) as LicencePolicy;
const reportFile = option(argv, 'report');
const own = (readJson(path.join(ROOT, 'package.json')) as { name: string }).name;

function licenceReport(): Record<string, { licenses?: string | string[] }> {
  if (reportFile) return readJson(path.resolve(process.cwd(), reportFile)) as never;
  const bin = path.join(path.dirname(require.resolve('license-checker-rseidelsohn/package.json')), 'bin');
  const run = spawnSync(
    process.execPath,
    [path.join(bin, 'license-checker-rseidelsohn.js'), '--production', '--json', '--start', ROOT],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    console.log(`licences: FAIL license-checker-rseidelsohn failed: ${run.stderr || run.error?.message}`);
    process.exit(1);
  }
  return JSON.parse(run.stdout);
}

const verdict = evaluateLicences(licenceReport(), policy, own);
for (const e of verdict.excepted) console.log(`licences: exception ${e.package} ${e.licence} — ${e.reason}`);
for (const e of verdict.unused)
  console.log(`licences: unused exception ${e.package} (${e.licence}): remove it`);
for (const v of verdict.violations) console.log(`licences: FAIL ${v.package} is ${v.licence}, not allowed`);
console.log(
  `licences: ${verdict.ok ? 'ok' : 'FAIL'} ${verdict.checked} production packages, ` +
    `${verdict.violations.length} not allowed, ${verdict.excepted.length} exceptions`,
);
process.exit(verdict.ok ? 0 : 1);
