// `npm run security:secrets`: secretlint (recommended preset, tuned in .secretlintrc.json) over every
// file git tracks or would track, or over every file of `--dir` when that is not a git work tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, option } from './cli';

const SKIP = new Set(['node_modules', '.git', '.nx', 'dist', 'tmp', 'coverage', '.data']);

/** Every file under dir, skipping build output and dependencies. */
function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function filesOf(dir: string): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.status !== 0) return walk(dir);
  return git.stdout
    .split('\0')
    .filter(Boolean)
    .map((f) => path.join(dir, f))
    .filter((f) => existsSync(f) && statSync(f).isFile());
}

const argv = process.argv.slice(2);
const dir = path.resolve(option(argv, 'dir', ROOT));
const files = filesOf(dir);
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [
    // The package exports no ./bin path: resolve its package.json and take the bin beside it.
    path.join(path.dirname(require.resolve('secretlint/package.json')), 'bin/secretlint.js'),
    '--secretlintrc',
    path.join(ROOT, '.secretlintrc.json'),
    '--no-glob',
    '--no-color',
    ...files.map((f) => path.relative(dir, f)),
  ],
  { cwd: dir, stdio: 'inherit', timeout: 300_000 },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const ok = run.status === 0;
console.log(`secrets: ${ok ? 'ok' : 'FAIL'} ${files.length} files scanned in ${seconds}s`);
process.exit(ok ? 0 : 1);
