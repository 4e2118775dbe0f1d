#!/usr/bin/env node
// Checks docker/observability with Debian's promtool (package `prometheus`): both Prometheus configs
// (`promtool check config`, which also checks the rule files they load), the rules (`check rules`), the
// rules' unit tests (`test rules`: every alert fires on a synthetic series and stays silent on a healthy
// one), and that every alert has a severity and a runbook whose anchor exists in docs/operations.md.
// No server, no network, ~1 s.
//
//   node tools/ops/alerts-check.mjs        (npm run alerts:check; verify step `alerts`)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'docker/observability');
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
// The path of the token file in the configs (written by compose's Prometheus at start).
const TOKEN_FILE = '/run/pa/metrics-token';

const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n${detail.trimEnd()}` : ''}\n`);
};
const promtool = (...args) => {
  const r = spawnSync(PROMTOOL, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
};

if (spawnSync(PROMTOOL, ['--version'], { encoding: 'utf8' }).error) {
  process.stderr.write(
    `alerts-check: no ${PROMTOOL} on PATH: apt-get install prometheus (Debian ships promtool)\n`,
  );
  process.exit(1);
}

// promtool check config also opens the token file: check copies that point at a temporary one.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pa-alerts-check-'));
try {
  cpSync(dir, tmp, { recursive: true });
  const token = path.join(tmp, 'metrics-token');
  writeFileSync(token, 'check', { mode: 0o600 });
  const configs = readdirSync(dir).filter((f) => /^prometheus.*\.yml$/.test(f));
  check(
    'two Prometheus configs (compose network, host networking)',
    configs.length === 2,
    configs.join(', '),
  );
  for (const file of configs) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    writeFileSync(path.join(tmp, file), text.replaceAll(TOKEN_FILE, token));
    const jobs = (parse(text).scrape_configs ?? []).map((j) => j.job_name);
    const secured = (parse(text).scrape_configs ?? []).filter(
      (j) => j.job_name.startsWith('pa-') && j.authorization?.credentials_file === TOKEN_FILE,
    );
    check(
      `${file}: scrapes pa-api, pa-worker, pa-sms-router (with the METRICS_TOKEN bearer) and node`,
      ['pa-api', 'pa-worker', 'pa-sms-router', 'node'].every((j) => jobs.includes(j)) && secured.length === 3,
      `jobs: ${jobs.join(', ')}`,
    );
    const r = promtool('check', 'config', path.join(tmp, file));
    check(`promtool check config ${file}`, r.ok, r.ok ? '' : r.out);
  }

  const ruleFiles = readdirSync(path.join(dir, 'rules'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => path.join(dir, 'rules', f));
  const rules = promtool('check', 'rules', ...ruleFiles);
  check('promtool check rules', rules.ok, rules.ok ? '' : rules.out);

  const testFiles = readdirSync(path.join(dir, 'tests'))
    .filter((f) => f.endsWith('.test.yml'))
    .map((f) => path.join(dir, 'tests', f));
  const tests = promtool('test', 'rules', ...testFiles);
  check('promtool test rules', tests.ok, tests.ok ? '' : tests.out);

  // Every alert: a severity, a runbook into docs/operations.md whose heading exists, and a unit test.
  const docs = readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
  const anchors = new Set(
    [...docs.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-'),
    ),
  );
  const tested = testFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const file of ruleFiles) {
    for (const group of parse(readFileSync(file, 'utf8')).groups ?? []) {
      for (const rule of group.rules ?? []) {
        if (!rule.alert) continue;
        const anchor = /^docs\/operations\.md#([\w-]+): \S/.exec(rule.annotations?.runbook ?? '')?.[1];
        const problems = [
          ['warning', 'critical'].includes(rule.labels?.severity) ? '' : 'severity is not warning|critical',
          anchor ? '' : 'runbook is not "docs/operations.md#<anchor>: what to do"',
          anchor && !anchors.has(anchor) ? `docs/operations.md has no heading for #${anchor}` : '',
          rule.annotations?.summary ? '' : 'no summary',
          new RegExp(`alertname: ${rule.alert}\\b`).test(tested) ? '' : 'no promtool unit test',
        ].filter(Boolean);
        check(
          `${rule.alert}: severity, summary, runbook, unit test`,
          problems.length === 0,
          problems.join('; '),
        );
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const failed = results.filter((ok) => !ok).length;
process.stdout.write(`alerts-check: ${results.length - failed} ok, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
