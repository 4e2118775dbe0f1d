import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { changelogSection, evaluateSchemaDiff, parseVersion, snapshotOf } from './schema-diff-policy';
import { runGate } from './run-gate';

const V1 = `type Query { tasks(done: Boolean = false): [Task!]! me: User! }
type Task { id: ID! title: String! dueAt: String }
type User { id: ID! }
enum Action { DONE SNOOZED }`;
const released = snapshotOf(V1, '1.2.0');
const changelog = `# Changelog\n\n## 2.0.0\n\n### Breaking\n\n- Task.dueAt removed.\n\n## 1.3.0\n\n### Added\n- x\n\n## 1.2.0\n`;

describe('schema diff policy', () => {
  it('passes the same schema and additions without a new version', () => {
    const same = evaluateSchemaDiff({ released, current: V1, version: '1.2.0', changelog });
    expect(same).toEqual(expect.objectContaining({ ok: true, changed: false, breaking: [] }));
    const added = evaluateSchemaDiff({
      released,
      current: V1.replace('title: String!', 'title: String! position: Int'),
      version: '1.2.0',
      changelog,
    });
    expect(added).toEqual(expect.objectContaining({ ok: true, changed: true, breaking: [] }));
  });

  it('fails a removed field, a required argument and a removed enum value under the same major', () => {
    const current = V1.replace(' dueAt: String', '')
      .replace('done: Boolean = false', 'done: Boolean!')
      .replace('DONE SNOOZED', 'DONE');
    const verdict = evaluateSchemaDiff({ released, current, version: '1.3.0', changelog });
    expect(verdict.ok).toBe(false);
    expect(verdict.breaking.map((c) => c.type).sort()).toEqual([
      'ARG_CHANGED_KIND',
      'FIELD_REMOVED',
      'VALUE_REMOVED_FROM_ENUM',
    ]);
    expect(verdict.violations.join('\n')).toMatch(/3 breaking change\(s\) since @pa\/sdk 1\.2\.0/);
  });

  it('passes a breaking change released as a new major listed under Breaking, not without the list', () => {
    const current = V1.replace(' dueAt: String', '');
    expect(evaluateSchemaDiff({ released, current, version: '2.0.0', changelog }).ok).toBe(true);
    const unlisted = evaluateSchemaDiff({
      released,
      current,
      version: '2.0.0',
      changelog: changelog.replace('### Breaking', '### Changed'),
    });
    expect(unlisted.violations).toEqual([
      'libs/sdk/CHANGELOG.md "## 2.0.0" must list the breaking changes under "### Breaking"',
    ]);
    const missing = evaluateSchemaDiff({ released, current, version: '3.0.0', changelog });
    expect(missing.violations).toEqual(['libs/sdk/CHANGELOG.md has no "## 3.0.0" section']);
  });

  it('reports dangerous changes (an enum value added) without failing', () => {
    const verdict = evaluateSchemaDiff({
      released,
      current: V1.replace('DONE SNOOZED', 'DONE SNOOZED OPENED'),
      version: '1.2.0',
      changelog,
    });
    expect(verdict.ok).toBe(true);
    expect(verdict.dangerous.map((c) => c.type)).toEqual(['VALUE_ADDED_TO_ENUM']);
  });

  it('refuses a lower version, a malformed version and a snapshot without its header', () => {
    expect(evaluateSchemaDiff({ released, current: V1, version: '1.1.9', changelog }).violations).toEqual([
      'version 1.1.9 is lower than the released 1.2.0',
    ]);
    expect(evaluateSchemaDiff({ released, current: V1, version: '1.2', changelog }).ok).toBe(false);
    expect(evaluateSchemaDiff({ released: V1, current: V1, version: '1.2.0', changelog }).ok).toBe(false);
  });

  it('reads versions and changelog sections', () => {
    expect(parseVersion('10.2.33')).toEqual([10, 2, 33]);
    expect(parseVersion('1.0.0-beta.1')).toBeUndefined();
    expect(changelogSection(changelog, '1.3.0')).toContain('### Added');
    expect(changelogSection(changelog, '1.3.0')).not.toContain('Task.dueAt');
    expect(changelogSection(changelog, '9.9.9')).toBeUndefined();
  });
});

describe('schema diff gate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'schema-diff-'));
    mkdirSync(path.join(dir, 'sdk'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const setUp = (version: string, current: string) => {
    writeFileSync(path.join(dir, 'released.graphql'), released);
    writeFileSync(path.join(dir, 'current.graphql'), current);
    writeFileSync(path.join(dir, 'sdk/package.json'), JSON.stringify({ version }));
    writeFileSync(path.join(dir, 'sdk/CHANGELOG.md'), changelog);
    return [
      '--schema',
      path.join(dir, 'current.graphql'),
      '--snapshot',
      path.join(dir, 'released.graphql'),
      '--sdk',
      path.join(dir, 'sdk'),
    ];
  };

  it('passes the repository as committed', () => {
    const run = runGate('schema-diff-gate.ts', []);
    expect(run.output).toMatch(/schema-diff: ok @pa\/sdk \d+\.\d+\.\d+/);
    expect(run.status).toBe(0);
  });

  it('fails a planted breaking change, and releases it once the major is raised', () => {
    const current = V1.replace(' dueAt: String', '');
    const refused = runGate('schema-diff-gate.ts', setUp('1.2.0', current));
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('schema-diff: breaking FIELD_REMOVED: Task.dueAt was removed.');
    const released2 = runGate('schema-diff-gate.ts', [...setUp('2.0.0', current), '--release']);
    expect(released2.status).toBe(0);
    expect(readFileSync(path.join(dir, 'released.graphql'), 'utf8')).toBe(snapshotOf(current, '2.0.0'));
  });

  it('refuses to release a changed schema under the same version', () => {
    const run = runGate('schema-diff-gate.ts', [
      ...setUp('1.2.0', `${V1}\ntype Extra { id: ID! }`),
      '--release',
    ]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('raise libs/sdk/package.json');
  });
});
