// Lighthouse (the npm package, driving Debian's Chromium) on the web app's dashboard (/today, signed in)
// and sign-in page, with the mobile and the desktop preset; then the same runs on a reference, a plain
// Vite + React + Apollo Client page (tools/lighthouse/reference) built here into a temporary folder,
// served compressed like the app, asking the same API. On demand only, never in CI; works offline.
//
//   npm run lighthouse                        after `npx nx run-many -t build -p api web` (builds nothing)
//   node tools/lighthouse/run.mjs --runs=3    runs per page and preset (the median is reported)
//   node tools/lighthouse/run.mjs --url=http://127.0.0.1:4310 --mail=http://127.0.0.1:4312
//                                             use a running launcher (and its mail catcher) instead
//
// The dashboard is measured as a person sees it day to day: signed in, email address confirmed (through
// the development mail catcher; without one the "please confirm" banner shows, and the run says so).
//
// Reports (HTML, of the median run) and summary.json go to tmp/lighthouse/. Exits 1 when a product
// page's median score is under 95 in performance, accessibility or best practices.
import react from '@vitejs/plugin-react';
import * as chromeLauncher from 'chrome-launcher';
import compression from 'compression';
import express from 'express';
import lighthouse, { desktopConfig } from 'lighthouse';
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ACCEPTED_CONSENTS } from './accepted-consents.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(root, 'tmp/lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const TARGET = 95;
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
};

const HOST = '127.0.0.1';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const runs = Number(args.runs ?? 3);
const only = args.only ?? 'all';

let launcher = null;
process.on('exit', () => launcher?.kill('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** A port that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Calls `probe` until it returns something truthy, or throws after `timeoutMs`. */
async function pollUntil(probe, { timeoutMs, intervalMs, what, alive = () => true }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no attempt';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${what}: the process exited (last: ${last})`);
    try {
      const value = await probe();
      if (value) return value;
      last = 'not yet';
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: nothing within ${timeoutMs} ms (last: ${last})`);
}

async function stopLauncher() {
  if (!launcher || launcher.exitCode !== null) return;
  const exited = new Promise((resolve) => launcher.once('exit', resolve));
  launcher.kill('SIGTERM');
  const timer = setTimeout(() => launcher.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** Starts the launcher (API + web app, embedded PostgreSQL and Redis) from dist/ on a free port. */
async function startLauncher() {
  const mailPort = await freePort();
  const entry = path.join(root, 'dist/server/apps/launcher/src/main.js');
  const web = path.join(root, 'dist/apps/web/index.html');
  if (!existsSync(entry) || !existsSync(web)) {
    throw new Error('dist/ has no launcher or web app: run `npx nx run-many -t build -p api web` first');
  }
  const dataDir = path.join(outDir, 'launcher-data');
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const logFile = path.join(outDir, 'launcher.log');
  const log = openSync(logFile, 'w');
  // Only what the launcher needs: a DATABASE_URL or REDIS_URL in the caller's shell must not leak in.
  launcher = spawn(process.execPath, [entry], {
    cwd: root,
    stdio: ['ignore', log, log],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: path.join(root, 'dist/apps/web'),
      DEV_MAIL_HTTP_PORT: String(mailPort),
      DEV_MAIL_SMTP_PORT: String(await freePort()),
      DEV_TWILIO_SANDBOX_PORT: String(await freePort()),
      SMS_ROUTER_PORT: String(await freePort()),
      RATE_LIMIT_REGISTER_PER_HOUR: '1000',
    },
  });
  closeSync(log);
  const url = `http://${HOST}:${port}`;
  try {
    await pollUntil(async () => (await fetch(`${url}/readyz`)).ok, {
      timeoutMs: 120_000,
      intervalMs: 250,
      alive: () => launcher.exitCode === null,
      what: 'launcher',
    });
  } catch (error) {
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    throw new Error(`${error.message}\n${tail}`);
  }
  return { url, mail: `http://${HOST}:${mailPort}` };
}

/** Confirms `email` with the link the worker mailed to the development mail catcher. */
async function confirmEmail(base, mail, email) {
  const token = await pollUntil(
    async () => {
      const messages = await (await fetch(`${mail}/api/messages?to=${encodeURIComponent(email)}`)).json();
      const link = messages.find((m) => /Confirm your email/.test(m.subject));
      return link?.text.match(/\/verify-email#token=([\w-]+)/)?.[1];
    },
    { timeoutMs: 30_000, intervalMs: 250, what: `the confirmation email to ${email}` },
  );
  const answer = await graphqlPost(base, 'mutation($token: String!) { verifyEmail(token: $token) }', {
    token,
  });
  if (answer.json.errors) throw new Error(`confirming ${email}: ${JSON.stringify(answer.json.errors)}`);
}

async function graphqlPost(base, query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { response, json: await response.json() };
}

/**
 * A new person's session: the web app restores it from the httpOnly refresh cookie, which Lighthouse
 * sends as a header. One per run: a refresh token is rotated on use, and a reused one ends the session.
 */
async function freshSessionCookie(base, mail) {
  const email = `lighthouse-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const { response, json } = await graphqlPost(
    base,
    'mutation($input: RegisterInput!) { register(input: $input) { user { id } } }',
    {
      input: {
        email,
        password: 'lantern orbit pickle violet 42',
        displayName: 'Lighthouse',
        timeZone: 'Europe/Paris',
        ...ACCEPTED_CONSENTS,
      },
    },
  );
  if (json.errors) throw new Error(`registering ${email}: ${JSON.stringify(json.errors)}`);
  if (mail) await confirmEmail(base, mail, email);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('pa_refresh='));
  if (!cookie) throw new Error('no refresh cookie after registering');
  return cookie;
}

/** Builds the reference page with Vite into a temporary folder and serves it like the launcher serves the app. */
async function startReference(apiBase) {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'pa-lighthouse-reference-'));
  await build({
    root: path.join(here, 'reference'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: dist, emptyOutDir: true },
  });
  const app = express();
  app.use(compression());
  app.post('/graphql', express.raw({ type: '*/*', limit: '100kb' }), async (req, res) => {
    const upstream = await fetch(`${apiBase}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: req.body,
    });
    res
      .status(upstream.status)
      .type('application/json')
      .send(Buffer.from(await upstream.arrayBuffer()));
  });
  app.use(
    express.static(dist, {
      setHeaders: (res, file) =>
        res.setHeader(
          'Cache-Control',
          /[/\\]assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    }),
  );
  const port = await freePort();
  const server = await new Promise((resolve) => {
    const s = app.listen(port, HOST, () => resolve(s));
  });
  return {
    url: `http://${HOST}:${port}`,
    stop: () => {
      server.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** One Lighthouse run in a fresh Chromium (a clean profile: no cookie or worker left by another run). */
async function lighthouseOnce(url, preset, extraHeaders) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        ...(extraHeaders ? { extraHeaders } : {}),
      },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`no Lighthouse result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id].numericValue]),
    );
    // What cost points: audits of the three categories that did not fully pass.
    const findings = CATEGORIES.flatMap((c) =>
      lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`),
    );
    return {
      scores,
      metrics,
      findings,
      finalUrl: lhr.finalDisplayedUrl,
      report: result.report,
      versions: { lighthouse: lhr.lighthouseVersion, browser: lhr.environment.hostUserAgent },
    };
  } finally {
    chrome.kill();
  }
}

/** `runs` runs of one page with one preset; the median of each score and metric. */
async function measure({ side, page, url, preset, session }) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    let run;
    // Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP): such a run is run again.
    for (let attempt = 1; !run; attempt++) {
      const extraHeaders = session ? { Cookie: await session() } : undefined;
      try {
        run = await lighthouseOnce(url, preset, extraHeaders);
      } catch (error) {
        if (attempt >= 3) throw error;
        process.stdout.write(`  ${side} ${page} ${preset} #${i + 1}: ${error.message}; again\n`);
      }
    }
    process.stdout.write(
      `  ${side} ${page} ${preset} #${i + 1}: ${CATEGORIES.map((c) => run.scores[c]).join(' / ')} (${run.finalUrl})\n`,
    );
    all.push(run);
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((r) => r.scores[c]))]));
  const metrics = Object.fromEntries(
    Object.keys(METRICS).map((m) => [m, median(all.map((r) => r.metrics[m]))]),
  );
  const representative = [...all].sort((a, b) => a.scores.performance - b.scores.performance)[
    Math.floor((all.length - 1) / 2)
  ];
  const file = path.join(outDir, `${side}-${page}-${preset}.report.html`);
  writeFileSync(file, representative.report);
  const findings = [...new Set(all.flatMap((r) => r.findings))];
  return {
    side,
    page,
    preset,
    url,
    runs,
    scores,
    metrics,
    findings,
    perRun: all.map((r) => r.scores),
    report: file,
    versions: all[0].versions,
  };
}

function table(results) {
  const fmt = (ms) => `${Math.round(ms)} ms`;
  const lines = [
    '| page | preset | performance | accessibility | best practices | FCP | LCP | TBT | CLS |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.side}: ${r.page} | ${r.preset} | ${r.scores.performance} | ${r.scores.accessibility} | ` +
        `${r.scores['best-practices']} | ${fmt(r.metrics.FCP)} | ${fmt(r.metrics.LCP)} | ${fmt(r.metrics.TBT)} | ` +
        `${r.metrics.CLS.toFixed(3)} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const launched = args.url ? { url: args.url, mail: args.mail } : await startLauncher();
  const base = launched.url;
  if (!launched.mail)
    process.stdout.write('  (no mail catcher: the dashboard person is not confirmed, the banner shows)\n');
  const targets = [];
  if (only !== 'reference') {
    targets.push(
      {
        side: 'product',
        page: 'dashboard',
        url: `${base}/today`,
        session: () => freshSessionCookie(base, launched.mail),
      },
      { side: 'product', page: 'sign-in', url: `${base}/sign-in` },
    );
  }
  const reference = only === 'ours' || only === 'product' ? null : await startReference(base);
  if (reference) targets.push({ side: 'reference', page: 'page', url: `${reference.url}/` });

  const results = [];
  try {
    for (const target of targets) {
      for (const preset of ['mobile', 'desktop']) results.push(await measure({ ...target, preset }));
    }
  } finally {
    reference?.stop();
  }

  const summary = {
    at: new Date().toISOString(),
    versions: results[0]?.versions,
    node: process.version,
    cpus: os.cpus().length,
    load1: os.loadavg()[0],
    runs,
    dashboardPerson: launched.mail ? 'signed in, email confirmed' : 'signed in, email not confirmed',
    results: results.map(({ perRun, ...rest }) => ({ ...rest, perRun })),
  };
  writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`\n${table(results)}\n\n`);
  for (const r of results) {
    if (r.findings.length)
      process.stdout.write(`${r.side} ${r.page} ${r.preset}:\n  ${r.findings.join('\n  ')}\n`);
  }
  const below = results.filter((r) => r.side === 'product' && CATEGORIES.some((c) => r.scores[c] < TARGET));
  process.stdout.write(
    `\nlighthouse: ${below.length === 0 ? 'every product page' : `${below.length} product run(s) NOT`} at ${TARGET}+ ` +
      `in ${CATEGORIES.join(', ')} (reports in ${path.relative(root, outDir)}/)\n`,
  );
  return below.length === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await stopLauncher();
    process.exit(code);
  })
  .catch(async (error) => {
    process.stderr.write(`lighthouse: ${error.stack ?? error}\n`);
    await stopLauncher();
    process.exit(1);
  });
