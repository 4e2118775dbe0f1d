// The whole test command (README): formatting, security gates (npm audit policy, secret scan, licences),
// lint (security rules included), typecheck, build, initial-JS budget, schema contract, unit + integration
// tests with coverage and its per-library thresholds, end-to-end in Chromium. Runs every step even after a
// failure, then prints the coverage line and, last, one line `tests: N passed, N failed` summed over jest
// and Playwright (a failed non-test step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(root, 'tmp/test-results');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
const only = process.argv.slice(2);

const steps = [
  { name: 'format', cmd: 'npx prettier --check . --log-level warn' },
  // Security gates (docs/security.md): each a small script in tools/gates run through jiti.
  { name: 'audit', cmd: 'npm run --silent security:audit' },
  { name: 'secrets', cmd: 'npm run --silent security:secrets' },
  { name: 'licences', cmd: 'npm run --silent security:licences' },
  { name: 'lint', cmd: 'npx nx run-many -t lint --output-style=static' },
  { name: 'typecheck', cmd: 'npx nx run-many -t typecheck --output-style=static' },
  { name: 'build', cmd: 'npx nx run-many -t build --output-style=static' },
  { name: 'bundle', cmd: 'npm run --silent bundle:check' },
  { name: 'k8s', cmd: 'npm run --silent k8s:check' },
  { name: 'nginx', cmd: 'npm run --silent nginx:check' },
  { name: 'alerts', cmd: 'npm run --silent alerts:check' },
  { name: 'prometheus', cmd: 'node tools/ops/prometheus-check.mjs' },
  { name: 'schema-check', cmd: 'npx nx run api:schema-check --output-style=static' },
  { name: 'codegen-check', cmd: 'npm run --silent codegen:check' },
  // The SDK's schema diff: a breaking change needs a new major version of @pa/sdk (libs/sdk/CHANGELOG.md).
  { name: 'schema-diff', cmd: 'npx nx run sdk:schema-diff --output-style=static' },
  { name: 'test', cmd: 'npx nx run-many -t test --parallel=1 --output-style=static --coverage', tests: true },
  // Per-library line-coverage thresholds over the merged jest coverage (docs/testing.md).
  { name: 'coverage', cmd: 'npm run --silent coverage:check' },
  { name: 'e2e', cmd: 'npx nx run web-e2e:e2e --output-style=static', tests: true },
].filter((s) => only.length === 0 || only.includes(s.name));

rmSync(results, { recursive: true, force: true });
// Coverage from an earlier run (or a project since removed) must not count in this one.
if (steps.some((s) => s.name === 'test'))
  rmSync(path.join(root, 'coverage'), { recursive: true, force: true });
const outcome = [];
for (const step of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${step.name}: ${step.cmd}\n`);
  const run = spawnSync(step.cmd, { cwd: root, env, stdio: 'inherit', shell: true });
  outcome.push({ ...step, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const counted = [];
if (existsSync(results)) {
  for (const file of readdirSync(results)) {
    const data = JSON.parse(readFileSync(path.join(results, file), 'utf8'));
    if (file.startsWith('jest-')) {
      passed += data.passed;
      failed += data.failed;
      skipped += data.skipped;
      counted.push(`${data.project}: ${data.passed}/${data.passed + data.failed}`);
    } else if (file === 'playwright.json') {
      const s = data.stats ?? {};
      passed += (s.expected ?? 0) + (s.flaky ?? 0);
      failed += s.unexpected ?? 0;
      skipped += s.skipped ?? 0;
      counted.push(
        `e2e: ${(s.expected ?? 0) + (s.flaky ?? 0)}/${(s.expected ?? 0) + (s.flaky ?? 0) + (s.unexpected ?? 0)}`,
      );
    }
  }
}
// A step that failed without failing tests (lint, build, a runner that crashed) still counts.
for (const step of outcome) if (!step.ok && !(step.tests && failed > 0)) failed += 1;

process.stdout.write('\n=== summary\n');
for (const step of outcome)
  process.stdout.write(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.name.padEnd(14)} ${step.seconds}s\n`);
if (counted.length)
  process.stdout.write(`  counted: ${counted.join(', ')}${skipped ? `, skipped ${skipped}` : ''}\n`);
// The coverage figure (written by the coverage step), just before the last line.
const coverageSummary = path.join(results, 'coverage.json');
process.stdout.write(
  existsSync(coverageSummary)
    ? `${JSON.parse(readFileSync(coverageSummary, 'utf8')).line}\n`
    : 'coverage: not measured (the coverage step did not run)\n',
);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(outcome.every((s) => s.ok) && failed === 0 ? 0 : 1);
