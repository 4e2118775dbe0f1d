// Regenerates the configuration table in README.md from the config spec (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { configTable } = createRequire(import.meta.url)(
  path.join(root, 'dist/server/libs/server/core/src/config/config.js'),
);
const readme = path.join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const updated = text.replace(
  /(<!-- config-table:start -->\n)[\s\S]*?(\n<!-- config-table:end -->)/,
  `$1\n${configTable()}\n$2`,
);
writeFileSync(readme, updated);
console.log('README.md: configuration table updated');
