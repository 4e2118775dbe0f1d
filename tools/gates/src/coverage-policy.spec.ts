import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readJson } from './cli';
import { areaOf, evaluateCoverage, type AreaCoverage, type CoverageThresholds } from './coverage-policy';
import { runGate } from './run-gate';

const thresholds: CoverageThresholds = {
  metric: 'lines',
  target: 90,
  areas: { 'libs/server/core': 85, 'libs/shared/domain': 90 },
};
const areas = (entries: Record<string, [number, number]>) =>
  new Map<string, AreaCoverage>(
    Object.entries(entries).map(([k, [covered, total]]) => [k, { covered, total, unloaded: 0 }]),
  );

describe('coverage policy', () => {
  it('maps files to their library or app', () => {
    expect(areaOf('libs/server/core/src/config/config.ts')).toBe('libs/server/core');
    expect(areaOf('libs/sdk/src/client.ts')).toBe('libs/sdk');
    expect(areaOf('libs/sdk/src/gql/graphql.ts')).toBe('libs/sdk');
    expect(areaOf('apps/api/src/main.ts')).toBe('apps/api');
    expect(areaOf('tools/gates/src/cli.ts')).toBe('tools/gates');
    expect(areaOf('node_modules/x/index.js')).toBeNull();
  });

  it('passes when every area meets its threshold, and sums server libraries apart', () => {
    const verdict = evaluateCoverage(
      areas({ 'libs/server/core': [90, 100], 'libs/shared/domain': [95, 100], 'apps/api': [50, 100] }),
      thresholds,
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.server).toBe(90);
    expect(verdict.overall).toBe(78.3);
  });

  it('fails an area under its threshold (rounded down, so 84.99 % is under 85 %)', () => {
    const verdict = evaluateCoverage(
      areas({ 'libs/server/core': [8499, 10000], 'libs/shared/domain': [95, 100] }),
      thresholds,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.below).toEqual(['libs/server/core']);
  });

  it('fails an area that has a threshold but was not measured at all', () => {
    const verdict = evaluateCoverage(areas({ 'libs/server/core': [90, 100] }), thresholds);
    expect(verdict.below).toEqual(['libs/shared/domain']);
  });
});

describe('coverage gate (the script verify runs after the tests)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coverage-gate-'));
    // A jest coverage-final.json for one file of libs/shared/domain: 3 of 4 lines run (75 %).
    const file = path.join(dir, 'libs/shared/domain/src/limits.ts');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'export const a = 1;\n');
    writeFileSync(path.join(dir, 'libs/shared/domain/src/unused.ts'), 'export const b = 2;\n');
    const statement = (line: number) => ({ start: { line, column: 0 }, end: { line, column: 10 } });
    const final = {
      [file]: {
        path: file,
        statementMap: { 0: statement(1), 1: statement(2), 2: statement(3), 3: statement(4) },
        fnMap: {},
        branchMap: {},
        s: { 0: 1, 1: 1, 2: 1, 3: 0 },
        f: {},
        b: {},
      },
    };
    mkdirSync(path.join(dir, 'coverage/libs/shared/domain'), { recursive: true });
    writeFileSync(path.join(dir, 'coverage/libs/shared/domain/coverage-final.json'), JSON.stringify(final));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const gate = (min: number) => {
    const file = path.join(dir, 'thresholds.json');
    writeFileSync(
      file,
      JSON.stringify({ metric: 'lines', target: 90, areas: { 'libs/shared/domain': min } }),
    );
    const args = ['--coverage-dir', path.join(dir, 'coverage'), '--source-root', dir, '--thresholds', file];
    return runGate('coverage-gate.ts', [...args, '--summary-out', path.join(dir, 'summary.json')]);
  };

  it('exits 1 when coverage is under the threshold and names the area', () => {
    const run = gate(90);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/FAIL libs\/shared\/domain\s+75\.0 %/);
    expect(run.output).toMatch(/coverage: 75\.0 % of lines .*under threshold: libs\/shared\/domain/);
    expect(run.output).toMatch(/1 files unmeasured/);
    expect(readJson(path.join(dir, 'summary.json'))).toMatchObject({ ok: false, overall: 75 });
  });

  it('exits 0 at the threshold', () => {
    const run = gate(75);
    expect(run.output).toMatch(/every area at its threshold/);
    expect(run.status).toBe(0);
  });
});
