import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readJson } from './cli';
import { evaluateLicences, packageName, satisfies, type LicencePolicy } from './licence-policy';
import { runGate } from './run-gate';

// A subset of license-checker-rseidelsohn's real output for this repository.
const recorded = readJson(path.join(__dirname, 'fixtures/licences-recorded.json')) as Record<
  string,
  { licenses: string }
>;
const policy = readJson(path.join(__dirname, '../licences.json')) as LicencePolicy;
const permissive = new Set(['MIT', 'Apache-2.0', 'BSD-3-Clause']);

describe('licence policy', () => {
  it('reads SPDX expressions: OR needs one side, AND needs both, parentheses group', () => {
    expect(satisfies('MIT', permissive)).toBe(true);
    expect(satisfies('(MIT AND BSD-3-Clause)', permissive)).toBe(true);
    expect(satisfies('(MIT AND GPL-3.0-only)', permissive)).toBe(false);
    expect(satisfies('(GPL-2.0-only OR Apache-2.0)', permissive)).toBe(true);
    expect(satisfies('GPL-3.0-only OR (MIT AND LGPL-2.1-only)', permissive)).toBe(false);
    expect(satisfies('MIT*', permissive)).toBe(true);
    expect(satisfies('UNKNOWN', permissive)).toBe(false);
    expect(satisfies('', permissive)).toBe(false);
  });

  it('names packages with and without a scope', () => {
    expect(packageName('@apollo/server@5.5.1')).toBe('@apollo/server');
    expect(packageName('sha.js@2.4.12')).toBe('sha.js');
  });

  it('passes the recorded production licences with the web-push exception, skipping our own package', () => {
    const verdict = evaluateLicences(recorded, policy, 'personal-assistant-tdah');
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBe(5);
    expect(verdict.excepted.map((e) => e.package)).toEqual(['web-push@3.6.7']);
  });

  it('fails a planted GPL dependency and an unknown licence', () => {
    const verdict = evaluateLicences(
      { ...recorded, 'copyleft-lib@1.0.0': { licenses: 'GPL-3.0-only' }, 'mystery@0.1.0': {} },
      policy,
      'personal-assistant-tdah',
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.violations).toEqual([
      { package: 'copyleft-lib@1.0.0', licence: 'GPL-3.0-only' },
      { package: 'mystery@0.1.0', licence: 'UNKNOWN' },
    ]);
  });

  it('does not extend an exception to another licence of the same package', () => {
    const verdict = evaluateLicences(
      { 'web-push@4.0.0': { licenses: 'AGPL-3.0-only' } },
      policy,
      'personal-assistant-tdah',
    );
    expect(verdict.violations).toHaveLength(1);
    expect(verdict.unused).toHaveLength(1);
  });

  it('the gate script exits 1 on a planted GPL dependency', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'licence-gate-'));
    try {
      const report = path.join(dir, 'report.json');
      writeFileSync(
        report,
        JSON.stringify({ ...recorded, 'copyleft-lib@1.0.0': { licenses: 'GPL-3.0-only' } }),
      );
      const run = runGate('licence-gate.ts', ['--report', report]);
      expect(run.status).toBe(1);
      expect(run.output).toMatch(/FAIL copyleft-lib@1.0.0 is GPL-3.0-only, not allowed/);
      expect(
        runGate('licence-gate.ts', ['--report', path.join(__dirname, 'fixtures/licences-recorded.json')])
          .status,
      ).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
