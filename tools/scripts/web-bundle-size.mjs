// Initial JavaScript of the built web app, gzipped: what a first visit downloads before the first paint.
// That is the entry script of dist/apps/web/index.html, every module it preloads, and the static imports
// of those, followed to the end (Vite's build manifest lists them; a dynamic import() is not followed).
// Fails when the sum is above the budget. Usage: node tools/scripts/web-bundle-size.mjs [--budget=kB] [--json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, process.env.WEB_DIST_DIR ?? 'dist/apps/web');
const args = process.argv.slice(2);
const budgetKb = Number(args.find((a) => a.startsWith('--budget='))?.slice(9) ?? 150);
const asJson = args.includes('--json');

const indexFile = path.join(dist, 'index.html');
const manifestFile = path.join(dist, '.vite/manifest.json');
if (!existsSync(indexFile) || !existsSync(manifestFile)) {
  console.error(
    `bundle: ${path.relative(root, dist)} has no index.html or .vite/manifest.json: run \`npx nx run web:build\` first`,
  );
  process.exit(1);
}

const html = readFileSync(indexFile, 'utf8');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));

// What the page itself names: <script type="module" src> and <link rel="modulepreload" href>.
const named = [
  ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
].map((url) => url.replace(/^\//, ''));

// Follow static imports; an HTML-named file missing from the manifest still counts (it is downloaded).
const initial = new Set();
const visit = (file) => {
  if (initial.has(file)) return;
  initial.add(file);
  for (const key of byFile.get(file)?.imports ?? []) {
    const dep = manifest[key];
    if (dep) visit(dep.file);
  }
};
named.forEach(visit);

const sizes = [...initial]
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const css = [
  ...new Set([...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1])),
]
  .map((url) => readFileSync(path.join(dist, url.replace(/^\//, ''))))
  .reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);

const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1000).toFixed(1);
const ok = total.gzip <= budgetKb * 1000;

if (asJson) {
  process.stdout.write(`${JSON.stringify({ budgetKb, ok, total, cssGzip: css, files: sizes }, null, 2)}\n`);
} else {
  for (const s of sizes)
    console.log(`  ${kb(s.gzip).padStart(7)} kB gz ${kb(s.raw).padStart(8)} kB  ${s.file}`);
  console.log(
    `bundle: initial JS ${kb(total.gzip)} kB gzipped (${kb(total.raw)} kB raw, ${sizes.length} files), ` +
      `budget ${budgetKb} kB: ${ok ? 'ok' : 'OVER BUDGET'}; initial CSS ${kb(css)} kB gzipped`,
  );
}
process.exit(ok ? 0 : 1);
