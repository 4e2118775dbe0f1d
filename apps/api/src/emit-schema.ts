import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from './app/schema';

// Writes the schema the code defines into libs/shared/contracts (the committed contract), or with
// --check fails when the committed file differs from what the code emits.
const target = path.resolve(process.cwd(), 'libs/shared/contracts/src/schema.graphql');

async function main() {
  const emitted = await printApiSchema();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the committed schema file, a path fixed in this script
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing counts as different
    }
    if (committed !== emitted) {
      process.stderr.write(
        `schema check: ${path.relative(process.cwd(), target)} differs from what the API emits. Run: npm run schema:emit\n`,
      );
      process.exit(1);
    }
    process.stdout.write('schema check: committed schema.graphql matches the API\n');
    return;
  }
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the committed schema file, a path fixed in this script
  writeFileSync(target, emitted);
  process.stdout.write(`schema: wrote ${path.relative(process.cwd(), target)}\n`);
}

void main();
