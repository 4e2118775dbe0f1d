// `npm run schema:diff` (the `sdk:schema-diff` Nx target, a step of `npm run verify`): the schema the
// API emits against the last released SDK's snapshot; fails on a breaking change without a new major
// version and its CHANGELOG entry. `--release` then writes the snapshot for the current version.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, option, readJson } from './cli';
import { evaluateSchemaDiff, snapshotOf } from './schema-diff-policy';

const argv = process.argv.slice(2);
const file = (name: string, fallback: string) => path.resolve(ROOT, option(argv, name, fallback));
const currentFile = file('schema', 'libs/shared/contracts/src/schema.graphql');
const snapshotFile = file('snapshot', 'libs/sdk/schema/released.graphql');
const sdk = file('sdk', 'libs/sdk');

const current = readFileSync(currentFile, 'utf8');
const { version } = readJson(path.join(sdk, 'package.json')) as { version: string };
const verdict = evaluateSchemaDiff({
  released: readFileSync(snapshotFile, 'utf8'),
  current,
  version,
  changelog: readFileSync(path.join(sdk, 'CHANGELOG.md'), 'utf8'),
});

for (const c of verdict.breaking) console.log(`schema-diff: breaking ${c.type}: ${c.description}`);
for (const c of verdict.dangerous) console.log(`schema-diff: dangerous ${c.type}: ${c.description}`);
for (const v of verdict.violations) console.log(`schema-diff: FAIL ${v}`);
console.log(
  `schema-diff: ${verdict.ok ? 'ok' : 'FAIL'} @pa/sdk ${version} against released ${verdict.releasedVersion ?? '?'}: ` +
    `${verdict.breaking.length} breaking, ${verdict.dangerous.length} dangerous, ` +
    `${verdict.changed ? 'schema changed' : 'schema unchanged'}`,
);
if (!verdict.ok) process.exit(1);

if (argv.includes('--release')) {
  if (verdict.changed && version === verdict.releasedVersion) {
    console.log(`schema-diff: FAIL the schema changed: raise libs/sdk/package.json's version to release it`);
    process.exit(1);
  }
  writeFileSync(snapshotFile, snapshotOf(current, version));
  console.log(`schema-diff: released ${path.relative(ROOT, snapshotFile)} as @pa/sdk ${version}`);
}
