import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllowList, type AllowEntry } from './allow-list';
import { advisoriesOf, auditUnavailable, evaluateAudit } from './audit-policy';
import { readJson } from './cli';
import { runGate } from './run-gate';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const findings = readJson(fixture('audit-findings.json'));
const today = new Date('2026-12-06T12:00:00Z');

const allow = (over: Partial<AllowEntry> = {}): AllowEntry => ({
  id: 'GHSA-9wv6-86v2-598j',
  package: 'path-to-regexp',
  reason: 'only reached through express routes with fixed paths, no user-supplied patterns',
  expires: '2027-01-15',
  ...over,
});
const formData = allow({ id: 'GHSA-fjxv-7rqg-78g4', package: 'form-data' });

describe('npm audit policy', () => {
  it('reads each advisory once, from the package that carries it (not the packages it affects)', () => {
    expect(advisoriesOf(findings).map((a) => `${a.package} ${a.id} ${a.severity}`)).toEqual([
      'cookie GHSA-pxg6-pf52-xh8x low',
      'form-data GHSA-fjxv-7rqg-78g4 critical',
      'path-to-regexp GHSA-9wv6-86v2-598j high',
    ]);
  });

  it('fails on a planted high advisory and a critical one in production dependencies', () => {
    const verdict = evaluateAudit(findings, []);
    expect(verdict.ok).toBe(false);
    expect(verdict.blocking.map((a) => a.id)).toEqual(['GHSA-fjxv-7rqg-78g4', 'GHSA-9wv6-86v2-598j']);
    expect(verdict.reported.map((a) => a.package)).toEqual(['cookie']);
  });

  it('passes when every high/critical advisory is allow-listed, and reports the low one only', () => {
    const verdict = evaluateAudit(findings, [allow(), formData]);
    expect(verdict.ok).toBe(true);
    expect(verdict.allowed).toHaveLength(2);
    expect(verdict.reported).toHaveLength(1);
  });

  it('does not let an entry for one package excuse the same advisory in another', () => {
    const verdict = evaluateAudit(findings, [allow({ package: 'express' }), formData]);
    expect(verdict.ok).toBe(false);
    expect(verdict.unused.map((e) => e.package)).toEqual(['express']);
  });

  it('passes a clean report', () => {
    expect(evaluateAudit(readJson(fixture('audit-clean.json')), []).ok).toBe(true);
  });

  it('recognises the recorded answer of an unreachable advisory endpoint (405) as no audit at all', () => {
    expect(auditUnavailable(readJson(fixture('audit-unreachable-405.json')))).toMatch(/405/);
    expect(auditUnavailable({ error: { code: 'ENOTFOUND', summary: '' } })).toBe('ENOTFOUND');
    expect(auditUnavailable(findings)).toBeNull();
  });
});

describe('audit allow-list', () => {
  it('fails an expired entry, whatever the advisories', () => {
    const list = parseAllowList({ advisories: [allow({ expires: '2026-12-05' })] }, today);
    expect(list.entries).toEqual([]);
    expect(list.problems).toEqual([expect.stringMatching(/expired on 2026-12-05/)]);
  });

  it('keeps an entry through its last day', () => {
    expect(parseAllowList({ advisories: [allow({ expires: '2026-12-06' })] }, today).problems).toEqual([]);
  });

  it('refuses entries without a reason, a real id or a near expiry', () => {
    const list = parseAllowList(
      {
        advisories: [
          allow({ reason: 'later' }),
          allow({ id: 'CVE-2024-1' }),
          allow({ expires: '2027-12-31' }),
          allow({ expires: 'soon' }),
        ],
      },
      today,
    );
    expect(list.entries).toEqual([]);
    expect(list.problems).toHaveLength(4);
  });
});

describe('security:audit gate (the script verify runs)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'audit-gate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const list = (entries: AllowEntry[]) => {
    const file = path.join(dir, `allow-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ advisories: entries }));
    return file;
  };
  const gate = (report: string, entries: AllowEntry[], env: Record<string, string> = {}) =>
    runGate(
      'audit-gate.ts',
      ['--report', fixture(report), '--allow-list', list(entries), '--today', '2026-12-06'],
      env,
    );

  it('exits 1 on the planted high advisory and names it', () => {
    const run = gate('audit-findings.json', [formData]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/FAIL high\s+path-to-regexp .*GHSA-9wv6-86v2-598j/);
  });

  it('exits 0 when the findings are allow-listed', () => {
    const run = gate('audit-findings.json', [allow(), formData]);
    expect(run.output).toMatch(/audit: ok 0 blocking, 2 allowed, 1 below high/);
    expect(run.status).toBe(0);
  });

  it('exits 1 on an expired allow-list entry even when the report is clean', () => {
    const run = gate('audit-clean.json', [allow({ expires: '2026-11-30' })]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/expired on 2026-11-30/);
  });

  it('says the endpoint is unreachable and skips, or fails with AUDIT_REQUIRED=true', () => {
    const skipped = gate('audit-unreachable-405.json', []);
    expect(skipped.status).toBe(0);
    expect(skipped.output).toMatch(/SKIPPED no verdict on advisories/);
    const required = gate('audit-unreachable-405.json', [], { AUDIT_REQUIRED: 'true' });
    expect(required.status).toBe(1);
    expect(required.output).toMatch(/FAIL no verdict/);
  });
});
