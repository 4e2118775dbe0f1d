#!/usr/bin/env node
// Smoke test of a deployed environment through its public URL (after a deploy or a rollback):
// the PWA, its security and cache headers, GraphQL with the API's and dependencies' status, the
// expected version when given, /metrics refused. Exit 1 on any failure. No account is created.
//
//   node tools/ops/smoke.mjs https://staging.assistant.example.com [--expect-revision <sha>] [--insecure]
// The --insecure flag (self-signed certificate, loopback rehearsals only) sets NODE_TLS_REJECT_UNAUTHORIZED=0.
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'expect-revision': { type: 'string' },
    insecure: { type: 'boolean' },
    attempts: { type: 'string', default: '10' },
  },
});
const base = (positionals[0] ?? '').replace(/\/+$/, '');
if (!/^https:\/\//.test(base)) {
  process.stderr.write('usage: smoke.mjs https://host [--expect-revision sha]\n');
  process.exit(64);
}
if (values.insecure) process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
const check = (name, ok, detail = '') => {
  if (!ok) failures.push(`${name}${detail ? ` (${detail})` : ''}`);
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  (${detail})` : ''}\n`);
};
const get = (p, init) =>
  fetch(`${base}${p}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000), ...init });

// The new pods may still be coming up behind the load balancer: a few attempts at the first page.
let home;
for (let i = 0; i < Number(values.attempts); i++) {
  home = await get('/').catch((e) => ({ status: 0, error: e }));
  if (home.status === 200) break;
  await sleep(3000);
}
check('GET / → 200', home.status === 200, String(home.status));
if (home.status === 200) {
  const html = await home.text();
  check('the PWA (index.html)', /<div id="root">/.test(html));
  const h = home.headers;
  check('HSTS', /max-age=\d{8}/.test(h.get('strict-transport-security') ?? ''));
  check('CSP', /default-src 'self'/.test(h.get('content-security-policy') ?? ''));
  check('index.html no-cache', h.get('cache-control') === 'no-cache', h.get('cache-control'));
  const build = html.match(/<meta name="app-build" content="([^"]*)"/)?.[1];
  if (values['expect-revision'])
    check('web build is the expected revision', build === values['expect-revision'], build);
}
const sw = await get('/sw.js');
check('sw.js no-cache', sw.status === 200 && sw.headers.get('cache-control') === 'no-cache');
const status = await get('/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ serverStatus { version environment database { ok } redis { ok } } }' }),
}).catch((e) => ({ status: 0, json: async () => ({ error: e.message }) }));
const s = (await status.json().catch(() => ({})))?.data?.serverStatus;
check(
  'GraphQL serverStatus: database and Redis ok',
  status.status === 200 && s?.database?.ok && s?.redis?.ok,
  JSON.stringify(s ?? status.status),
);
const metrics = await get('/metrics');
check('/metrics not public', metrics.status === 403 || metrics.status === 404, String(metrics.status));
process.stdout.write(`smoke: ${failures.length ? `${failures.length} failed` : 'all ok'} (${base})\n`);
process.exit(failures.length ? 1 : 0);
