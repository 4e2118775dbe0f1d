#!/usr/bin/env node
// Checks docker/nginx for real: Debian's nginx (foreground, its own prefix in a temp dir, never the
// system service) with a self-signed certificate made here, in front of the built API and SMS router
// (production mode, on loopback, a database and a Redis key prefix of their own). Checks with curl,
// openssl and Node clients: TLS 1.3 + HTTP/2, TLS 1.2 and 1.1 refused (and 1.2 accepted when the flag
// enables it), the redirect and ACME path on :80, every security header, the PWA's cache headers,
// compression, a GraphQL query with the client address as Nginx saw it, a subscription over wss://,
// a signed Twilio webhook (signature over the public https URL), /metrics refused, and the rate
// limits answering 429. Bounded (CHECK_TIMEOUT_S, 240 s), cleans up after itself.
//
//   npx nx run-many -t build -p api web --output-style=static   # once
//   node tools/ops/nginx-check.mjs        (npm run nginx:check)
//
// Needs: nginx (apt-get install nginx; libnginx-mod-http-brotli-filter for brotli), openssl,
// envsubst (gettext-base), curl, PostgreSQL and Redis (OPS_PG_URL, OPS_REDIS_URL; default the
// machine's 127.0.0.1:5432 and :6379).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { stopAll, killAllNow } from '../bench/lib/children.mjs';
import { freePort } from '../bench/lib/net.mjs';
import { browserCspCheck } from './lib/browser.mjs';
import { httpsClient, register } from './lib/https.mjs';
import {
  TWILIO_AUTH_TOKEN,
  WEB_ROOT,
  createDatabase,
  deleteRedisPrefix,
  dropDatabase,
  makeCertificate,
  migrate,
  nginxVars,
  productionEnv,
  requireBuilt,
  sql,
  startApi,
  startNginx,
  startSmsRouter,
} from './lib/stack.mjs';

const TIMEOUT_S = Number(process.env.CHECK_TIMEOUT_S ?? 240);
const started = performance.now();
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok: !!ok, detail });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  (${detail})` : ''}\n`);
};

function curl(args) {
  const r = spawnSync('curl', ['-sS', '--max-time', '10', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** openssl s_client with one protocol: 'accepted', 'refused' (the server said no) or 'client' (local). */
function tlsHandshake(port, flag, extra = []) {
  const r = spawnSync(
    'openssl',
    ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', flag, ...extra],
    { input: '', encoding: 'utf8', timeout: 10_000 },
  );
  const all = `${r.stdout}\n${r.stderr}`;
  const proto = all.match(/Protocol\s*:\s*(TLSv[\d.]+)/)?.[1] ?? all.match(/New, (TLSv[\d.]+),/)?.[1];
  if (r.status === 0 && proto) return { outcome: 'accepted', proto };
  if (
    /no protocols available|unsupported protocol.*ssl_choose_client_version|no ciphers available/i.test(all)
  )
    return { outcome: 'client', detail: all.split('\n').find((l) => /error|alert/i.test(l)) };
  return { outcome: 'refused', detail: (all.match(/alert [a-z ]+/)?.[0] ?? 'handshake failed').trim() };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pa-nginx-check-'));
// nginx's workers (nobody, when run as root) read the ACME webroot under it.
chmodSync(tmp, 0o755);
const logDir = path.join(tmp, 'logs');
mkdirSync(logDir);
const dbName = `pa_nginx_check_${Date.now()}`;
let dbCreated = false;
const redisPrefix = `pa-nginx-check-${Date.now()}:`;
const nginxes = [];

async function cleanup() {
  await Promise.all(nginxes.map((n) => n.stop()));
  await stopAll(4000);
  if (dbCreated)
    await dropDatabase(dbName).catch((e) => process.stderr.write(`drop database: ${e.message}\n`));
  await deleteRedisPrefix(redisPrefix).catch((e) => process.stderr.write(`redis keys: ${e.message}\n`));
  if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
}
const watchdog = setTimeout(() => {
  process.stderr.write(`nginx-check: over ${TIMEOUT_S} s, stopping\n`);
  for (const n of nginxes) n.child.kill('SIGKILL');
  killAllNow();
  process.exit(2);
}, TIMEOUT_S * 1000);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => {
    for (const n of nginxes) n.child.kill('SIGKILL');
    killAllNow();
    process.exit(130);
  });

async function main() {
  requireBuilt();
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0 && !process.env.CI) {
    process.stdout.write(
      'nginx-check: skipped, nginx is not installed (apt-get install nginx gettext-base)\n',
    );
    process.exit(0);
  }
  for (const bin of ['nginx', 'openssl', 'envsubst', 'curl'])
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) throw new Error(`${bin} is not installed`);

  const [apiPort, routerPort, httpPort, httpsPort, http12, https12] = await Promise.all(
    Array.from({ length: 6 }, () => freePort()),
  );
  const origin = `https://localhost:${httpsPort}`;
  const dbUrl = await createDatabase(dbName);
  dbCreated = true;
  const env = productionEnv({ dbUrl, redisPrefix, publicOrigin: origin });
  migrate(env, logDir);
  await Promise.all([
    startApi('api', apiPort, env, logDir),
    startSmsRouter('sms-router', routerPort, env, logDir),
  ]);

  const { cert, key } = makeCertificate(tmp);
  const base = { cert, key, apiUpstream: `127.0.0.1:${apiPort}`, smsUpstream: `127.0.0.1:${routerPort}` };
  const dir = path.join(tmp, 'nginx');
  const vars = nginxVars({ ...base, httpPort, httpsPort, dir });
  const nginx = await startNginx({ dir, vars, logDir });
  nginxes.push(nginx);
  process.stdout.write(
    `apps and nginx up in ${((performance.now() - started) / 1000).toFixed(1)} s (brotli module: ${nginx.brotli ? 'yes' : 'no'})\n`,
  );
  const c = httpsClient({ port: httpsPort, caFile: cert });
  const curlTls = ['--cacert', cert, '--resolve', `localhost:${httpsPort}:127.0.0.1`];

  // TLS and HTTP/2.
  const v = curl([...curlTls, '-v', '-o', '/dev/null', '-w', '%{http_version}', `${origin}/`]);
  check(
    'TLS 1.3 negotiated',
    /SSL connection using TLSv1\.3/.test(v.err),
    v.err.match(/SSL connection using [^\n]*/)?.[0],
  );
  check(
    'HTTP/2 negotiated (ALPN h2)',
    v.out.trim() === '2' && /ALPN: server accepted h2/.test(v.err),
    `http_version ${v.out.trim()}`,
  );
  const t12 = tlsHandshake(httpsPort, '-tls1_2');
  check('TLS 1.2 refused by default', t12.outcome === 'refused', t12.detail ?? t12.proto);
  const t11 = tlsHandshake(httpsPort, '-tls1_1', ['-cipher', 'DEFAULT@SECLEVEL=0']);
  check('TLS 1.1 refused', t11.outcome === 'refused', t11.detail ?? t11.proto);
  const t13 = tlsHandshake(httpsPort, '-tls1_3');
  check('openssl: TLS 1.3 handshake', t13.outcome === 'accepted' && t13.proto === 'TLSv1.3', t13.proto);
  {
    const dir12 = path.join(tmp, 'nginx-tls12');
    const n12 = await startNginx({
      dir: dir12,
      vars: nginxVars({
        ...base,
        httpPort: http12,
        httpsPort: https12,
        dir: dir12,
        overrides: { NGINX_SSL_PROTOCOLS: 'TLSv1.2 TLSv1.3' },
      }),
      logDir,
    });
    nginxes.push(n12);
    const a = tlsHandshake(https12, '-tls1_2');
    check(
      'NGINX_SSL_PROTOCOLS="TLSv1.2 TLSv1.3" accepts TLS 1.2',
      a.outcome === 'accepted' && a.proto === 'TLSv1.2',
      a.proto ?? a.detail,
    );
    const b = tlsHandshake(https12, '-tls1_1', ['-cipher', 'DEFAULT@SECLEVEL=0']);
    check('… and still refuses TLS 1.1', b.outcome === 'refused', b.detail ?? b.proto);
    await n12.stop();
  }

  // Port 80: redirect and ACME.
  const redirect = curl([
    '-o',
    '/dev/null',
    '-w',
    '%{http_code} %{redirect_url}',
    `http://127.0.0.1:${httpPort}/today?x=1`,
  ]);
  check('HTTP → HTTPS 301', redirect.out === `301 ${origin}/today?x=1`, redirect.out);
  mkdirSync(path.join(dir, 'acme/.well-known/acme-challenge'), { recursive: true });
  writeFileSync(path.join(dir, 'acme/.well-known/acme-challenge/tok3n'), 'tok3n.key-authorization');
  const acme = curl(['-w', ' %{http_code}', `http://127.0.0.1:${httpPort}/.well-known/acme-challenge/tok3n`]);
  check('ACME HTTP-01 challenge served on :80', acme.out === 'tok3n.key-authorization 200', acme.out);

  // Security headers.
  const home = await c.req({ path: '/' });
  const h = home.headers;
  check(
    'HSTS preload-ready',
    /max-age=(\d+)/.test(h['strict-transport-security'] ?? '') &&
      Number(RegExp.$1) >= 31536000 &&
      /includeSubDomains/.test(h['strict-transport-security']) &&
      /preload/.test(h['strict-transport-security']),
    h['strict-transport-security'],
  );
  const csp = h['content-security-policy'] ?? '';
  check(
    'CSP: self only, no inline script, frame-ancestors none',
    [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "img-src 'self' data: blob:",
    ].every((d) => csp.includes(d)) && !/unsafe-(inline|eval)/.test(csp),
    csp,
  );
  check('X-Content-Type-Options nosniff', h['x-content-type-options'] === 'nosniff');
  check('Referrer-Policy', h['referrer-policy'] === 'strict-origin-when-cross-origin', h['referrer-policy']);
  check('Permissions-Policy', /camera=\(\)/.test(h['permissions-policy'] ?? ''), h['permissions-policy']);
  check('X-Frame-Options DENY', h['x-frame-options'] === 'DENY');
  check('Server header without version', h.server === 'nginx', h.server);

  // The PWA's cache headers.
  const assets = readdirSync(path.join(WEB_ROOT, 'assets'));
  const js = assets.find((f) => /^index-.*\.js$/.test(f));
  const workbox = readdirSync(WEB_ROOT).find((f) => /^workbox-.*\.js$/.test(f));
  const expectCache = [
    ['/', 200, 'no-cache', 'text/html'],
    ['/index.html', 200, 'no-cache', 'text/html'],
    ['/today/some/route', 200, 'no-cache', 'text/html'],
    ['/sw.js', 200, 'no-cache', 'application/javascript'],
    ['/manifest.webmanifest', 200, 'no-cache', 'application/manifest+json'],
    [`/assets/${js}`, 200, 'public, max-age=31536000, immutable', 'application/javascript'],
    // A generated service worker ships its runtime as a hashed workbox-*.js; a service worker built
    // from source (injectManifest) bundles it into sw.js and has none.
    ...(workbox
      ? [[`/${workbox}`, 200, 'public, max-age=31536000, immutable', 'application/javascript']]
      : []),
    ['/robots.txt', 200, 'public, max-age=3600', 'text/plain'],
    ['/assets/missing-0000.js', 404, 'no-cache'],
    ['/missing.js', 404],
    ['/sw.js.map', 404],
    ['/.vite/manifest.json', 404],
  ];
  for (const [p, status, cache, type] of expectCache) {
    const r = await c.req({ path: p });
    const ok =
      r.status === status &&
      (!cache || r.headers['cache-control'] === cache) &&
      (!type || (r.headers['content-type'] ?? '').startsWith(type));
    check(
      `GET ${p} → ${status}${cache ? ` "${cache}"` : ''}`,
      ok,
      `${r.status} ${r.headers['cache-control'] ?? ''} ${r.headers['content-type'] ?? ''}`,
    );
  }
  const robots = await c.req({ path: '/robots.txt' });
  check(
    'robots.txt is the real file',
    /User-agent: \*/.test(robots.body) && /Disallow: \//.test(robots.body),
  );
  const swHeaders = await c.req({ path: '/sw.js' });
  check(
    'security headers on static files too (sw.js)',
    swHeaders.headers['strict-transport-security'] && swHeaders.headers['content-security-policy'],
  );
  const gz = await c.req({ path: `/assets/${js}`, headers: { 'accept-encoding': 'gzip' } });
  check(
    'gzip for JavaScript',
    gz.headers['content-encoding'] === 'gzip' && /Accept-Encoding/i.test(gz.headers.vary ?? ''),
    gz.headers['content-encoding'],
  );
  if (nginx.brotli) {
    const br = await c.req({ path: `/assets/${js}`, headers: { 'accept-encoding': 'br, gzip' } });
    check(
      'brotli for JavaScript (module loaded)',
      br.headers['content-encoding'] === 'br',
      br.headers['content-encoding'],
    );
  }

  // The app itself in Chromium under this CSP (skipped without Chromium).
  if (!process.env.SKIP_BROWSER) {
    const b = await browserCspCheck({ origin, port: httpsPort }).catch((e) => ({ error: e.message }));
    if (b.skipped) process.stdout.write(`skip browser CSP check: ${b.skipped}\n`);
    else {
      check(
        'Chromium: the app loads with no CSP violation',
        !b.error && b.violations.length === 0 && b.consoleCsp.length === 0,
        b.error ?? [...b.violations, ...b.consoleCsp].join(' | '),
      );
      check('Chromium: the service worker activates over HTTPS', b.sw === 'activated', b.sw);
      check(
        "Chromium: a same-origin wss:// WebSocket is allowed by connect-src 'self'",
        b.ws === 'open',
        b.ws,
      );
      check('Chromium: a data: image is allowed (avatars, TOTP QR code)', b.img === 'loaded', b.img);
    }
  }

  // Routes to the apps.
  const metrics = await c.req({ path: '/metrics' });
  check('/metrics refused (403)', metrics.status === 403, String(metrics.status));
  const healthz = await c.req({ path: '/healthz' });
  check('/healthz → API', healthz.status === 200 && /ok/.test(healthz.body), String(healthz.status));
  const securityTxt = await c.req({ path: '/.well-known/security.txt' });
  check(
    '/.well-known/security.txt → API (RFC 9116)',
    securityTxt.status === 200 &&
      /^Contact: /m.test(securityTxt.body) &&
      /^Expires: /m.test(securityTxt.body),
    String(securityTxt.status),
  );
  const nh = await c.req({ path: '/nginx-healthz' });
  check('/nginx-healthz', nh.status === 200);

  // GraphQL, with a forged X-Forwarded-For that must not reach the API.
  const alice = await register(c, 'alice', { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' });
  check('GraphQL mutation (register) through the proxy', !!alice.token);
  const me = await c.graphql(
    '{ me { id email auditEntries(first: 5) { edges { node { action ip } } } } }',
    {},
    { token: alice.token },
  );
  const ips = (me.json?.data?.me?.auditEntries?.edges ?? []).map((e) => e.node.ip);
  check('GraphQL query through the proxy', me.json?.data?.me?.email === alice.email, me.status);
  check(
    'the API sees the real client address, not a forged X-Forwarded-For',
    ips.length > 0 && ips.every((ip) => ip === '127.0.0.1'),
    ips.join(','),
  );
  const gqlHsts = me.headers['strict-transport-security'] ?? '';
  check(
    "one HSTS header on API answers (the app's own is hidden)",
    /preload/.test(gqlHsts) && !gqlHsts.includes(','),
    gqlHsts,
  );

  // A subscription over wss:// through the proxy.
  const conv = await c.graphql(
    'mutation { createConversation(title: "nginx check") { id } }',
    {},
    { token: alice.token },
  );
  const conversationId = conv.json?.data?.createConversation?.id;
  const ws = c.wsClient({ token: () => alice.token });
  const timers = [];
  try {
    const got = new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
      let sent = false;
      ws.subscribe(
        {
          query: 'subscription ($id: ID!) { messageAdded(conversationId: $id) { id body } }',
          variables: { id: conversationId },
        },
        {
          next: (m) => {
            if (m.data?.messageAdded?.body === 'hello over wss') {
              clearTimeout(t);
              resolve(m.data.messageAdded);
            }
          },
          error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
          complete: () => undefined,
        },
      );
      // graphql-ws has no "subscribed" ack: send once the socket is up, and again (a new message)
      // if a busy server had not registered the subscription yet.
      ws.on('connected', () => {
        if (sent) return;
        sent = true;
        for (const [i, delay] of [300, 3000, 6000].entries())
          timers.push(
            setTimeout(() => {
              c.graphql(
                'mutation ($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
                { i: { conversationId, body: 'hello over wss', clientId: `nginx-check-${i}-${Date.now()}` } },
                { token: alice.token },
              ).catch(reject);
            }, delay),
          );
      });
    });
    const msg = await got;
    check('subscription over wss:// through the proxy receives the message', !!msg.id);
  } catch (err) {
    check('subscription over wss:// through the proxy receives the message', false, err.message);
  } finally {
    timers.forEach(clearTimeout);
    await ws.dispose();
  }

  // A Twilio webhook, signed over the public https URL.
  const sid = `SM${Date.now().toString(16).padStart(32, '0')}`.slice(0, 34);
  const params = {
    MessageSid: sid,
    AccountSid: 'AC' + 'a'.repeat(32),
    From: '+15551230001',
    To: '+15551239999',
    Body: 'hello',
    NumSegments: '1',
  };
  const form = new URLSearchParams(params).toString();
  const post = (signature) =>
    c.req({
      method: 'POST',
      path: '/twilio/sms',
      body: form,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(form),
        'x-twilio-signature': signature,
      },
    });
  const good = twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, `${origin}/twilio/sms`, params);
  const internal = twilio.getExpectedTwilioSignature(
    TWILIO_AUTH_TOKEN,
    `http://127.0.0.1:${routerPort}/twilio/sms`,
    params,
  );
  const bad = await post(internal);
  check('webhook signed over the internal URL refused (403)', bad.status === 403, String(bad.status));
  const ok1 = await post(good);
  const ok2 = await post(good);
  const rows = await sql(dbUrl, 'SELECT count(*)::int AS n FROM sms_messages WHERE message_sid = $1', [sid]);
  check(
    'signed Twilio webhook accepted through the proxy (TwiML 200), retry stored once',
    ok1.status === 200 && /<Response\/>/.test(ok1.body) && ok2.status === 200 && rows[0].n === 1,
    `${ok1.status}/${ok2.status}, rows ${rows[0].n}`,
  );
  const getTwilio = await c.req({ path: '/twilio/sms' });
  check('GET /twilio/sms refused', getTwilio.status === 403, String(getTwilio.status));

  // The static server a web pod runs behind an ingress (templates-static/): same PWA rules, plain HTTP.
  {
    const sdir = path.join(tmp, 'nginx-static');
    const sPort = await freePort();
    const s = await startNginx({
      dir: sdir,
      templates: 'templates-static',
      vars: {
        NGINX_HTTP_PORT: `127.0.0.1:${sPort}`,
        NGINX_WEB_ROOT: WEB_ROOT,
        NGINX_ACCESS_LOG: path.join(sdir, 'access.log'),
      },
      logDir,
    });
    nginxes.push(s);
    const get = (p) => curl(['-D', '-', '-o', '/dev/null', `http://127.0.0.1:${sPort}${p}`]).out;
    const home = get('/today');
    const asset = get(`/assets/${js}`);
    check(
      'static template (behind an ingress): app route, CSP, no-cache; assets immutable; /metrics 403',
      /^HTTP\/1\.1 200/.test(home) &&
        /cache-control: no-cache/i.test(home) &&
        /content-security-policy: default-src 'self'/i.test(home) &&
        /cache-control: public, max-age=31536000, immutable/i.test(asset) &&
        /^HTTP\/1\.1 403/.test(get('/metrics')),
      home.split('\n')[0].trim(),
    );
    await s.stop();
  }

  // Rate limits (last: they use up the bursts).
  const burst = async (n, fn) => {
    const codes = await Promise.all(
      Array.from({ length: n }, () =>
        fn().then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    return codes.reduce((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
  };
  const g = await burst(150, () => c.graphql('{ __typename }'));
  check(
    '/graphql rate limit answers 429 beyond the burst',
    (g[429] ?? 0) > 0 && (g[200] ?? 0) >= 60,
    JSON.stringify(g),
  );
  const tw = await burst(200, () => post('x'));
  check(
    '/twilio/ rate limit answers 429 beyond the burst',
    (tw[429] ?? 0) > 0 && (tw[403] ?? 0) >= 100,
    JSON.stringify(tw),
  );
  const body = JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1_100_000) });
  const big = await c
    .req({
      method: 'POST',
      path: '/healthz',
      body,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    .catch((e) => ({ status: e.message }));
  check('request body over 1 MB refused (413)', big.status === 413, String(big.status));
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  process.stderr.write(`nginx-check: ${err.stack ?? err}\n`);
} finally {
  await cleanup().catch((e) => process.stderr.write(`cleanup: ${e.message}\n`));
}
const bad = results.filter((r) => !r.ok);
process.stdout.write(
  `\nnginx-check: ${results.length - bad.length} passed, ${bad.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exit(failed || bad.length ? 1 : 0);
