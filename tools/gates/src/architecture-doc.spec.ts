import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// ARCHITECTURE.md lists every app, library and tool with its Nx tags: this keeps the list true.
const root = path.resolve(__dirname, '../../..');
const doc = readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');

/** Every folder holding a project.json under apps/, libs/ and tools/ (two levels deep at most). */
function projectFolders(): string[] {
  const found: string[] = [];
  const visit = (rel: string, depth: number) => {
    if (existsSync(path.join(root, rel, 'project.json'))) {
      found.push(rel);
      return;
    }
    if (depth === 0) return;
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(`${rel}/${entry.name}`, depth - 1);
    }
  };
  for (const top of ['apps', 'libs', 'tools']) visit(top, 2);
  return found.sort();
}

/** The table rows of the document: folder → the tags written beside it. */
function documentedRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const match = /^\|\s*`((?:apps|libs|tools)\/[^`]+)`\s*\|([^|]+)\|/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    rows.set(match[1], [...match[2].matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').sort());
  }
  return rows;
}

describe('ARCHITECTURE.md', () => {
  const folders = projectFolders();
  const rows = documentedRows();

  it('finds the projects it checks', () => {
    expect(folders.length).toBeGreaterThan(20);
    expect(folders).toContain('libs/server/core');
  });

  it('lists every app, library and tool', () => {
    expect(folders.filter((folder) => !rows.has(folder))).toEqual([]);
  });

  it('lists nothing that is gone', () => {
    expect([...rows.keys()].filter((folder) => !folders.includes(folder))).toEqual([]);
  });

  it("gives each project the tags of its project.json (the boundary rules' input)", () => {
    for (const folder of folders) {
      const project = JSON.parse(readFileSync(path.join(root, folder, 'project.json'), 'utf8')) as {
        tags?: string[];
      };
      expect({ folder, tags: rows.get(folder) }).toEqual({ folder, tags: [...(project.tags ?? [])].sort() });
    }
  });

  it('states the scope rules the lint enforces', () => {
    const eslint = readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8');
    const scopes = [...eslint.matchAll(/sourceTag: 'scope:(\w+)'/g)].map((m) => m[1]);
    expect(scopes.length).toBeGreaterThan(2);
    for (const scope of scopes) expect(doc).toMatch(new RegExp(`\`${scope} → `));
  });
});
