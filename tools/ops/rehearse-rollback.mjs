#!/usr/bin/env node
// Rehearses the runbook on loopback with two builds of different commits, no Docker:
// version A runs (2 APIs, a worker, an SMS router, the PWA) behind Debian's nginx; a person's data
// is made; then a rolling deploy to B (B's migrations first, then one instance at a time, nginx
// reloaded between steps), then a rollback to A (no migration, no revert). Throughout, probes go
// through nginx every 100 ms (the page, an authenticated GraphQL query, a live subscription) and
// every failure is timed. Prints how long requests failed, and checks the data is intact and the
// smoke test (tools/ops/smoke.mjs) passes after each step.
//
//   node tools/ops/rehearse-rollback.mjs --a <checkout of A, built> --b <checkout of B, built>
//     (--b defaults to this checkout; build each with
//      WEB_BUILD_ID=<sha> npx nx run-many -t build -p api web --output-style=static)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { killAllNow, spawnNode, stopAll, stopChild, logTail } from '../bench/lib/children.mjs';
import { freePort, pollUntil, request } from '../bench/lib/net.mjs';
import { httpsClient, register } from './lib/https.mjs';
import {
  createDatabase,
  deleteRedisPrefix,
  dropDatabase,
  makeCertificate,
  nginxVars,
  productionEnv,
  root,
  startNginx,
} from './lib/stack.mjs';

const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string', default: root } } });
if (!values.a) {
  process.stderr.write(
    'usage: rehearse-rollback.mjs --a <built checkout of A> [--b <built checkout of B>]\n',
  );
  process.exit(64);
}
const versions = { A: path.resolve(values.a), B: path.resolve(values.b) };
const buildId = (dir) =>
  readFileSync(path.join(dir, 'dist/apps/web/index.html'), 'utf8').match(
    /name="app-build" content="([^"]*)"/,
  )?.[1];
const app = (dir, name) => path.join(dir, 'dist/server/apps', name, 'src/main.js');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = performance.now();
const t = () => ((performance.now() - started) / 1000).toFixed(1);
const log = (m) => process.stdout.write(`[${t()} s] ${m}\n`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pa-rehearsal-'));
chmodSync(tmp, 0o755);
const logDir = path.join(tmp, 'logs');
mkdirSync(logDir);
const dbName = `pa_rehearsal_${Date.now()}`;
let dbCreated = false;
const redisPrefix = `pa-rehearsal-${Date.now()}:`;
let nginx;
const watchdog = setTimeout(() => {
  process.stderr.write('rehearsal: over 600 s, stopping\n');
  nginx?.child.kill('SIGKILL');
  killAllNow();
  process.exit(2);
}, 600_000);
watchdog.unref();

async function main() {
  const ports = await Promise.all(Array.from({ length: 8 }, () => freePort()));
  const [httpPort, httpsPort, ...slots] = ports;
  const origin = `https://localhost:${httpsPort}`;
  const dbUrl = await createDatabase(dbName);
  dbCreated = true;
  const env = productionEnv({ dbUrl, redisPrefix, publicOrigin: origin });
  const { cert, key } = makeCertificate(tmp);
  const dir = path.join(tmp, 'nginx');

  const migrate = (v) =>
    execFileSync(
      process.execPath,
      [path.join(versions[v], 'dist/server/apps/api/src/db-cli.js'), 'migrate'],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  const ready = (h, port) =>
    pollUntil(async () => (await request({ port, path: '/readyz' })).status === 200, {
      timeoutMs: 60_000,
      intervalMs: 100,
      alive: () => h.child.exitCode === null,
      what: h.label,
    }).catch((e) => {
      throw new Error(`${e.message}\n${logTail(h, 20)}`);
    });
  const startApi = async (v, port) => {
    const h = spawnNode(`api-${v}-${port}`, app(versions[v], 'api'), { ...env, PORT: String(port) }, logDir);
    await ready(h, port);
    return { v, port, h };
  };
  const startRouter = async (v, port) => {
    const h = spawnNode(
      `router-${v}-${port}`,
      app(versions[v], 'sms-router'),
      { ...env, SMS_ROUTER_PORT: String(port) },
      logDir,
    );
    await ready(h, port);
    return { v, port, h };
  };
  // nginx: the upstreams and the web root of the moment, re-rendered then reloaded (graceful).
  let webRoot = path.join(versions.A, 'dist/apps/web');
  let servedRoot = webRoot;
  const render = (apis, routers) => ({
    vars: nginxVars({
      cert,
      key,
      dir,
      httpPort,
      httpsPort,
      apiUpstream: 'x:1',
      smsUpstream: 'x:1',
      overrides: { NGINX_WEB_ROOT: webRoot },
    }),
    upstreams: {
      pa_api: apis.map((a) => `127.0.0.1:${a.port}`),
      pa_sms_router: routers.map((r) => `127.0.0.1:${r.port}`),
    },
  });

  log(`A = ${buildId(versions.A)} (${versions.A}), B = ${buildId(versions.B)} (${versions.B})`);
  migrate('A');
  let apis = await Promise.all([startApi('A', slots[0]), startApi('A', slots[1])]);
  let routers = [await startRouter('A', slots[4])];
  let worker = spawnNode('worker-A', app(versions.A, 'worker'), env, logDir);
  nginx = await startNginx({ dir, logDir, ...render(apis, routers) });
  const reload = async () => {
    rewrite(render(apis, routers));
    nginx.reload();
    await sleep(300);
  };
  // conf.d/pa.conf with the new upstreams and web root, then `nginx -s reload` (graceful).
  const rewrite = (r) => {
    const conf = path.join(dir, 'conf.d/pa.conf');
    let text = readFileSync(conf, 'utf8');
    for (const [name, servers] of Object.entries(r.upstreams))
      text = text.replace(
        new RegExp(`(upstream ${name} \\{\\n)(?:\\s*server [^\\n]*\\n)+`),
        `$1${servers.map((s) => `    server ${s} max_fails=1 fail_timeout=5s;\n`).join('')}`,
      );
    if (!text.includes(`root ${servedRoot};`)) throw new Error(`no "root ${servedRoot};" in ${conf}`);
    text = text.replace(`root ${servedRoot};`, `root ${r.vars.NGINX_WEB_ROOT};`);
    servedRoot = r.vars.NGINX_WEB_ROOT;
    writeFileSync(conf, text);
  };
  log('A is up behind nginx');

  // A person and their data.
  const c = httpsClient({ port: httpsPort, caFile: cert });
  const person = await register(c, 'rehearsal');
  const conv = (
    await c.graphql(
      'mutation { createConversation(title: "before the deploy") { id } }',
      {},
      { token: person.token },
    )
  ).json.data.createConversation.id;
  for (let i = 0; i < 3; i++)
    await c.graphql(
      'mutation ($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
      { i: { conversationId: conv, body: `note ${i}`, clientId: `rehearsal-${i}` } },
      { token: person.token },
    );
  await c.graphql(
    'mutation ($i: CreateReminderInput!) { createReminder(input: $i) { id } }',
    { i: { dueAt: new Date(Date.now() + 3_600_000).toISOString(), text: 'water the plants' } },
    { token: person.token },
  );
  const snapshot = async () => {
    const r = await c.graphql(
      'query ($id: ID!) { me { email } conversation(id: $id) { messages(last: 50) { edges { node { body } } } } reminders { text status } }',
      { id: conv },
      { token: person.token },
    );
    const d = r.json?.data;
    return JSON.stringify({
      email: d?.me?.email,
      mine: d?.conversation?.messages?.edges?.map((e) => e.node.body).filter((b) => /^note \d$/.test(b)),
      reminders: d?.reminders,
    });
  };
  const before = await snapshot();

  // Probes through nginx every 100 ms, each on a fresh connection; a subscription stays open.
  const probes = { page: [], graphql: [] };
  let probing = true;
  const probe = async (kind, fn) => {
    while (probing) {
      const at = performance.now();
      const ok = await fn().catch(() => false);
      probes[kind].push({ at, ok });
      await sleep(100);
    }
  };
  const loops = [
    probe('page', async () => (await c.req({ path: '/today', timeoutMs: 5000 })).status === 200),
    probe(
      'graphql',
      async () =>
        (await c.graphql('{ me { id } }', {}, { token: person.token })).json?.data?.me?.id === person.userId,
    ),
  ];
  let wsConnects = 0;
  const ws = c.wsClient({
    token: () => person.token,
    retryAttempts: 100,
    on: { connected: () => (wsConnects += 1) },
  });
  ws.subscribe(
    { query: 'subscription { conversationUpdated { id } }' },
    { next: () => undefined, error: () => undefined, complete: () => undefined },
  );
  await sleep(1000);

  const phases = [];
  // API ports alternate between slots[0..1] and slots[2..3]; routers between slots[4] and [5].
  const deploy = await rollSimple('B', true);
  const back = await rollSimple('A', false);

  async function rollSimple(to, migrations) {
    const t0 = performance.now();
    if (migrations) log(`migrations of ${to}: ${migrate(to).trim().split('\n').pop()}`);
    const free = slots.slice(0, 4).filter((p) => !apis.some((a) => a.port === p));
    for (let i = 0; i < 2; i++) {
      const next = await startApi(to, free[i]);
      const old = apis.find((a) => a.v !== to);
      apis = [...apis.filter((a) => a !== old), next];
      if (i === 0) webRoot = path.join(versions[to], 'dist/apps/web');
      await reload();
      await stopChild(old.h, 8000);
      log(`api ${old.v}:${old.port} → ${to}:${next.port}`);
    }
    const newRouter = await startRouter(to, routers[0].port === slots[4] ? slots[5] : slots[4]);
    const oldRouter = routers[0];
    routers = [newRouter];
    await reload();
    await stopChild(oldRouter.h, 8000);
    const newWorker = spawnNode(`worker-${to}-${Date.now()}`, app(versions[to], 'worker'), env, logDir);
    await sleep(1500);
    await stopChild(worker, 8000);
    worker = newWorker;
    phases.push({ to, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) });
    log(`now on ${to}`);
    await sleep(1500);
    const smoke = spawnSync(
      process.execPath,
      [
        path.join(root, 'tools/ops/smoke.mjs'),
        origin,
        '--insecure',
        '--expect-revision',
        buildId(versions[to]),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    return {
      smokeOk: smoke.status === 0,
      smokeOut: smoke.stdout.trim(),
      same: (await snapshot()) === before,
    };
  }

  probing = false;
  await Promise.all(loops);
  await ws.dispose();
  const summary = {};
  for (const [kind, list] of Object.entries(probes)) {
    const failed = list.filter((p) => !p.ok);
    let longest = 0;
    let runStart;
    for (const p of list) {
      if (!p.ok) runStart ??= p.at;
      else if (runStart !== undefined) {
        longest = Math.max(longest, p.at - runStart);
        runStart = undefined;
      }
    }
    summary[kind] = { requests: list.length, failed: failed.length, longestFailingMs: Math.round(longest) };
  }
  const result = {
    phases,
    probes: summary,
    websocketConnections: wsConnects,
    deploy: { smoke: deploy.smokeOk, dataIntact: deploy.same },
    rollback: { smoke: back.smokeOk, dataIntact: back.same },
  };
  process.stdout.write(`\n${JSON.stringify(result, null, 2)}\n`);
  if (!deploy.smokeOk) process.stdout.write(`deploy smoke:\n${deploy.smokeOut}\n`);
  if (!back.smokeOk) process.stdout.write(`rollback smoke:\n${back.smokeOut}\n`);
  return deploy.smokeOk && back.smokeOk && deploy.same && back.same;
}

let ok = false;
try {
  ok = await main();
} catch (err) {
  process.stderr.write(`rehearsal: ${err.stack ?? err}\n(logs: ${logDir}; KEEP_TMP=1 keeps them)\n`);
} finally {
  await nginx?.stop();
  await stopAll(5000);
  if (dbCreated) await dropDatabase(dbName).catch(() => undefined);
  await deleteRedisPrefix(redisPrefix).catch((e) => process.stderr.write(`redis keys: ${e.message}\n`));
  if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`rehearsal: ${ok ? 'passed' : 'FAILED'} in ${t()} s\n`);
process.exit(ok ? 0 : 1);
