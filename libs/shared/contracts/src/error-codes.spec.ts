import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, GRAPHQL_REQUEST_CODES } from './index';
import * as contracts from './index';

const root = path.resolve(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== 'gql') found.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(name) && !/\.(spec|int-spec|e2e)\.tsx?$/.test(name)) {
      found.push(full);
    }
  }
  return found;
}

const serverSources = [
  ...readdirSync(path.join(root, 'libs/server')).map((lib) => path.join(root, 'libs/server', lib, 'src')),
  ...readdirSync(path.join(root, 'apps')).map((app) => path.join(root, 'apps', app, 'src')),
]
  .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
  .flatMap(sourceFiles);

/** Every error code the server code throws or names, with the file it is in. */
function codesUsedOnTheServer(): Array<{ code: string; file: string }> {
  const used: Array<{ code: string; file: string }> = [];
  const add = (code: string, file: string) => used.push({ code, file: path.relative(root, file) });
  for (const file of serverSources) {
    const text = readFileSync(file, 'utf8');
    // A feature's own enum of codes (libraries not yet switched to the contract's objects).
    for (const [, body = ''] of text.matchAll(/enum \w*ErrorCode \{([^}]*)\}/g)) {
      for (const [, code = ''] of body.matchAll(/= '([A-Z0-9_]+)'/g)) add(code, file);
    }
    // A member of any `…ErrorCode` object or enum: `authError(AuthErrorCode.EMAIL_TAKEN)`.
    for (const [, code = ''] of text.matchAll(/\b\w*ErrorCode\.([A-Z][A-Z0-9_]+)\b/g)) add(code, file);
    // A raw code in an AppError or in hand-written `extensions`.
    for (const [, code = ''] of text.matchAll(/new AppError(?:<[^>]*>)?\(\s*'([A-Z0-9_]+)'/g))
      add(code, file);
    for (const [, code = ''] of text.matchAll(/extensions: \{[^}]*\bcode: '([A-Z0-9_]+)'/g)) add(code, file);
  }
  return used;
}

describe('error codes (the contract between the API and its clients)', () => {
  const known = new Set<string>([...Object.values(ErrorCode), ...GRAPHQL_REQUEST_CODES]);

  it('lists every code a server library throws or names', () => {
    const used = codesUsedOnTheServer();
    // The scan must actually find the codes, or this test would pass on nothing.
    expect(used.length).toBeGreaterThan(100);
    const missing = used.filter(({ code }) => !known.has(code)).map(({ code, file }) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('spells each code as its own name, so a renamed key cannot change what clients receive', () => {
    const objects = Object.entries(contracts).filter(([name]) => name.endsWith('ErrorCode'));
    expect(objects.length).toBeGreaterThan(10);
    for (const [name, value] of objects) {
      for (const [key, code] of Object.entries(value as Record<string, string>)) {
        expect(`${name}.${key}=${code}`).toBe(`${name}.${key}=${key}`);
      }
    }
  });

  it('gathers every feature object into ErrorCode', () => {
    const features = Object.entries(contracts).filter(
      ([name]) => name.endsWith('ErrorCode') && name !== 'ErrorCode',
    );
    for (const [, value] of features) {
      for (const code of Object.values(value as Record<string, string>)) expect(known.has(code)).toBe(true);
    }
  });
});
