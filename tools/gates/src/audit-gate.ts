// `npm run security:audit`: npm audit over production dependencies with the policy in audit-policy.ts
// and the allow-list in tools/gates/audit-allowlist.json. When the registry's advisory endpoint cannot
// be reached it says so and passes with no verdict on advisories (AUDIT_REQUIRED=true makes that a
// failure); the allow-list is checked (format, expiry) either way. docs/security.md says why.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllowList } from './allow-list';
import { auditUnavailable, evaluateAudit, type Advisory } from './audit-policy';
import { ROOT, option, readJson } from './cli';

const argv = process.argv.slice(2);
const allowListFile = path.resolve(ROOT, option(argv, 'allow-list', 'tools/gates/audit-allowlist.json'));
const reportFile = option(argv, 'report');
const today = new Date(option(argv, 'today') ?? Date.now());
const required = process.env['AUDIT_REQUIRED'] === 'true';

const line = (a: Advisory) => `${a.severity.padEnd(8)} ${a.package} ${a.range} ${a.id} ${a.title}`;

function runAudit(): unknown {
  if (reportFile) return readJson(path.resolve(process.cwd(), reportFile));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { message: run.error?.message ?? (run.stderr.trim().split('\n').pop() || 'no output') };
  }
}

const allowList = parseAllowList(readJson(allowListFile), today);
for (const problem of allowList.problems) console.log(`audit: FAIL ${problem}`);

const report = runAudit();
const unavailable = auditUnavailable(report);
if (unavailable) {
  console.log(`audit: the advisory endpoint could not be used: ${unavailable}`);
  console.log(
    required
      ? 'audit: FAIL no verdict on advisories and AUDIT_REQUIRED=true'
      : 'audit: SKIPPED no verdict on advisories (set AUDIT_REQUIRED=true where the endpoint is reachable)',
  );
  process.exit(allowList.problems.length > 0 || required ? 1 : 0);
}

const verdict = evaluateAudit(report, allowList.entries);
for (const a of verdict.reported) console.log(`audit: note ${line(a)}`);
for (const { advisory, entry } of verdict.allowed)
  console.log(`audit: allowed until ${entry.expires} ${line(advisory)} — ${entry.reason}`);
for (const e of verdict.unused)
  console.log(`audit: unused allow-list entry ${e.id} (${e.package}): remove it`);
for (const a of verdict.blocking) console.log(`audit: FAIL ${line(a)} ${a.url}`);
const ok = verdict.ok && allowList.problems.length === 0;
console.log(
  `audit: ${ok ? 'ok' : 'FAIL'} ${verdict.blocking.length} blocking, ${verdict.allowed.length} allowed, ` +
    `${verdict.reported.length} below high (production dependencies)`,
);
process.exit(ok ? 0 : 1);
