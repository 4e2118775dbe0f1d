// Compiles every server-side source file (apps + libs, not tests) with swc into dist/server,
// keeping the repo layout. swc keeps decorator metadata (esbuild does not) and rewrites the
// tsconfig path aliases (@pa/*) into relative requires, so `node dist/server/apps/x/src/main.js` runs.
import { transformFile } from '@swc/core';
import { readFileSync, mkdirSync, writeFileSync, rmSync, readdirSync, statSync, cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outRoot = path.join(root, 'dist/server');
const sourceRoots = [
  'apps/api/src',
  'apps/launcher/src',
  'apps/worker/src',
  'apps/sms-router/src',
  'libs/server',
  'libs/shared',
  'tools/twilio-sandbox/src',
  'tools/smtp-catcher/src',
  'tools/push-sandbox/src',
];
const skip = /(\.spec|\.int-spec|\.test)\.ts$|\.d\.ts$/;

const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
const { paths } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
delete swcrc.$schema;
const options = {
  ...swcrc,
  swcrc: false,
  jsc: { ...swcrc.jsc, baseUrl: root, paths },
};

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'testing') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

rmSync(outRoot, { recursive: true, force: true });
let count = 0;
for (const rel of sourceRoots) {
  const dir = path.join(root, rel);
  try {
    statSync(dir);
  } catch {
    continue;
  }
  for (const file of walk(dir)) {
    const relFile = path.relative(root, file);
    const outFile = path.join(outRoot, relFile);
    if (file.endsWith('.ts') && !skip.test(file)) {
      const out = await transformFile(file, {
        ...options,
        filename: file,
        sourceFileName: path.relative(path.dirname(outFile), file),
      });
      const jsFile = outFile.replace(/\.ts$/, '.js');
      mkdirSync(path.dirname(jsFile), { recursive: true });
      writeFileSync(jsFile, `${out.code}\n//# sourceMappingURL=${path.basename(jsFile)}.map\n`);
      if (out.map) writeFileSync(`${jsFile}.map`, out.map);
      count += 1;
    } else if (/\.(graphql|json|html|sql)$/.test(file) && !file.endsWith('project.json')) {
      mkdirSync(path.dirname(outFile), { recursive: true });
      cpSync(file, outFile);
    }
  }
}
console.log(`build-server: ${count} files compiled into ${path.relative(root, outRoot)}`);
