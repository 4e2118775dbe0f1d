// Builds the publishable package into dist/libs/sdk: CommonJS by swc (src/*.ts, not tests), type
// declarations by tsc, and the package's own files (package.json, README, CHANGELOG, the schema it was
// generated from). `cd dist/libs/sdk && npm pack` makes the tarball.
import { transformFile } from '@swc/core';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lib = path.join(root, 'libs/sdk');
const out = path.join(root, 'dist/libs/sdk');
const src = path.join(lib, 'src');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (/\.ts$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name)) yield full;
  }
}

rmSync(out, { recursive: true, force: true });
for (const file of walk(src)) {
  const target = path.join(out, 'dist', path.relative(src, file)).replace(/\.ts$/, '.js');
  const result = await transformFile(file, {
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: false,
  });
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, result.code);
}
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(lib, 'tsconfig.lib.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const name of ['package.json', 'README.md', 'CHANGELOG.md'])
  cpSync(path.join(lib, name), path.join(out, name));
cpSync(path.join(lib, 'schema/released.graphql'), path.join(out, 'schema.graphql'));
console.log(`sdk: built ${path.relative(root, out)}`);
