// Fault suite: starts its own PostgreSQL and redis-server on private loopback ports, runs the built
// API, worker and SMS router against them, drives load (authenticated reads, sends with client ids,
// WebSocket subscribers, reminders due) and injects one fault at a time. Per fault it prints:
// requests served unauthenticated (must be 0), acknowledged writes lost (0), duplicates (0),
// reminders late (and by how much) or missing, sockets still streaming after their session ended
// (0), the seconds until an authenticated read and a send work again, and sign-ins refused (by code).
// A tool run on demand (`npm run chaos`, builds the API first), never in CI. Bounded: each phase
// has a fixed length and every wait a deadline; the whole run stops after --budget seconds.
//
//   --faults <list>   redis,postgres,worker,api,connections (default: all)   env CHAOS_FAULTS
//   --people <n>      people generating load, 4                              env CHAOS_PEOPLE
//   --budget <s>      hard stop for the whole run, 900                       env CHAOS_BUDGET
//   --spend-sign-ins <n>  before each phase, sign the first person in n times and end their
//                     sessions (reaches the sign-in limit on purpose), 0     env CHAOS_SPEND_SIGN_INS
//   --keep            keep the data directory (logs of every process) for reading
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import pg from 'pg';
import { app, freePort, listening, startPostgres, startRedis, until } from './lib/infra.mjs';
import { clientId, gql, login, person, refusedSignIns, subscriber } from './lib/clients.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dist = path.join(repo, 'dist/server');

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    faults: { type: 'string', default: process.env.CHAOS_FAULTS ?? 'redis,postgres,worker,api,connections' },
    people: { type: 'string', default: process.env.CHAOS_PEOPLE ?? '4' },
    budget: { type: 'string', default: process.env.CHAOS_BUDGET ?? '900' },
    'spend-sign-ins': { type: 'string', default: process.env.CHAOS_SPEND_SIGN_INS ?? '0' },
    keep: { type: 'boolean', default: false },
  },
});
const PEOPLE = Math.min(Math.max(Number(values.people) || 4, 1), 20);
const BUDGET_MS = Math.min(Math.max(Number(values.budget) || 900, 60), 3600) * 1000;
const SPEND_SIGN_INS = Math.min(Math.max(Number(values['spend-sign-ins']) || 0, 0), 50);
const FAULTS = values.faults
  .split(',')
  .map((f) => f.trim())
  .filter(Boolean);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}]`, ...a);

const hardStop = setTimeout(() => {
  console.error(`chaos: over the ${BUDGET_MS / 1000} s budget, stopping`);
  void cleanup().finally(() => process.exit(2));
}, BUDGET_MS);

const root = mkdtempSync(path.join(os.tmpdir(), 'pa-chaos-'));
let pgServer;
let redis;
let sandbox;
let catcher;
const apps = {};
let db;
const cleanups = [];

async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
}

async function main() {
  log(`data and logs in ${root}`);
  pgServer = await startPostgres(root, repo);
  cleanups.push(() => pgServer.stop());
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query('CREATE DATABASE assistant');
  await admin.end();
  const databaseUrl = pgServer.url.replace(/\/postgres$/, '/assistant');
  redis = await startRedis();
  cleanups.push(() => redis.stop());
  const { startTwilioSandbox } = require(path.join(dist, 'tools/twilio-sandbox/src/index.js'));
  const { startSmtpCatcher } = require(path.join(dist, 'tools/smtp-catcher/src/index.js'));
  sandbox = await startTwilioSandbox({ port: 0, statusCallbackDelayMs: 20 });
  cleanups.push(() => sandbox.stop());
  catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  cleanups.push(() => catcher.stop());

  const apiPort = await freePort();
  const routerPort = await freePort();
  const env = {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATA_DIR: root,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    SMTP_URL: catcher.smtpUrl,
    TWILIO_API_BASE_URL: sandbox.url,
    SMS_ROUTER_PORT: String(routerPort),
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    LOG_LEVEL: 'warn',
    DB_POOL_MAX: '8',
    SHUTDOWN_TIMEOUT_MS: '5000',
    WORKER_PORT: '0',
  };
  const url = `http://127.0.0.1:${apiPort}`;
  apps.api = app('api', path.join(dist, 'apps/api/src/main.js'), env, root);
  apps.worker = app('worker', path.join(dist, 'apps/worker/src/main.js'), env, root);
  apps.router = app('router', path.join(dist, 'apps/sms-router/src/main.js'), env, root);
  for (const a of Object.values(apps)) cleanups.push(() => a.stop());
  apps.api.start();
  // Done waiting when ready, or when it exited (then say where to read why).
  await until(async () => !!apps.api.lastExit || (await fetch(`${url}/readyz`)).ok, 90_000, 250);
  if (apps.api.lastExit || !(await fetch(`${url}/readyz`).catch(() => undefined))?.ok)
    throw new Error(`API not ready: see ${root}/api.log`);
  apps.worker.start();
  apps.router.start();
  if (!(await until(() => listening(routerPort), 60_000, 250))) throw new Error('SMS router not up');
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);
  cleanups.push(() => db.end());

  const people = [];
  for (let i = 0; i < PEOPLE; i += 1) people.push(await person(url, i));
  // A session that ended before the run: its still-unexpired token must never be served.
  const revoked = await person(url, 'revoked');
  await gql(url, 'mutation { logout }', undefined, revoked.token);
  log(`${PEOPLE} people signed up; faults: ${FAULTS.join(', ')}`);

  const results = [];
  for (const fault of FAULTS) {
    const inject = INJECT[fault];
    if (!inject) throw new Error(`unknown fault ${fault}`);
    results.push(await phase(fault, inject, url, people, revoked.token));
  }
  printTable(results);
  return results;
}

// Each fault: what it does, and when the component is back (recovery is measured from its start).
const INJECT = {
  redis: async () => {
    await redis.kill();
    await sleep(2000);
    await redis.start(); // empty: no sessions, queues or pub/sub subscriptions survive
  },
  postgres: async () => {
    pgServer.crash();
    await sleep(3000);
    pgServer.start();
  },
  worker: async () => {
    await apps.worker.signal('SIGKILL');
    await sleep(2000);
    apps.worker.start();
  },
  api: async () => {
    await apps.api.signal('SIGTERM');
    apps.api.start();
  },
  connections: async () => {
    // Take every PostgreSQL connection the server will give (superuser slots included), for 8 s.
    const held = [];
    for (let i = 0; i < pgServer.maxConnections + 5; i += 1) {
      const c = new pg.Client({ connectionString: pgServer.url, connectionTimeoutMillis: 2000 });
      c.on('error', () => undefined);
      try {
        await c.connect();
        held.push(c);
      } catch {
        break;
      }
    }
    log(`  holding ${held.length} PostgreSQL connections`);
    await sleep(8000);
    for (const c of held) await c.end().catch(() => undefined);
  },
};

async function phase(fault, inject, url, people, revokedToken) {
  log(`fault: ${fault}`);
  if (SPEND_SIGN_INS > 0) {
    // A person at the sign-in limit whose sessions all ended (as the previous phase's logoutAll does).
    for (let i = 0; i < SPEND_SIGN_INS; i += 1) await login(url, people[0]);
    await gql(url, 'mutation { logoutAll }', undefined, people[0].token).catch(() => undefined);
  }
  for (const code of Object.keys(refusedSignIns)) delete refusedSignIns[code];
  // Fresh sessions and sockets for this phase.
  for (const p of people) await login(url, p);
  const subs = people.map((p) => subscriber(url, p));
  await sleep(1000);
  const stats = { unauthServed: 0, reads: 0, readErrors: 0, sends: [], probes: 0 };
  let running = true;

  // Reminders due while the fault is on (4 s after it starts), delivered in the app.
  const due = new Date(Date.now() + 4000 + 1500);
  const reminders = [];
  for (const p of people.slice(0, 2)) {
    const r = await gql(
      url,
      'mutation R($i: CreateReminderInput!) { createReminder(input: $i) { id } }',
      { i: { text: `chaos ${fault}`, dueAt: due.toISOString() } },
      p.token,
    ).catch(() => undefined);
    const id = r?.body.data?.createReminder.id;
    if (id) reminders.push(id);
  }

  const loops = [];
  // Authenticated reads; a 401 means the session is gone: sign in again, as a client would.
  loops.push(
    (async () => {
      let i = 0;
      while (running) {
        const p = people[i++ % people.length];
        const r = await gql(url, '{ me { id } }', undefined, p.token, 3000).catch(() => undefined);
        stats.reads += 1;
        if (!r || r.status >= 500 || !r.body.data?.me) stats.readErrors += 1;
        if (r?.status === 401) await login(url, p);
        await sleep(40);
      }
    })(),
  );
  // The same question with an ended session's token and with none: any answer is a breach.
  loops.push(
    (async () => {
      while (running) {
        for (const token of [revokedToken, undefined]) {
          const r = await gql(url, '{ me { id } }', undefined, token, 3000).catch(() => undefined);
          stats.probes += 1;
          if (r?.body.data?.me) stats.unauthServed += 1;
        }
        await sleep(150);
      }
    })(),
  );
  // Sends with client ids: what was acknowledged must be stored, once.
  loops.push(
    (async () => {
      let i = 0;
      while (running) {
        const p = people[i++ % people.length];
        const send = { clientId: clientId(), person: p, ackedId: undefined };
        stats.sends.push(send);
        const r = await gql(
          url,
          'mutation S($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
          {
            i: {
              conversationId: p.conversationId,
              body: `chaos ${fault} ${send.clientId}`,
              clientId: send.clientId,
            },
          },
          p.token,
          4000,
        ).catch(() => undefined);
        send.ackedId = r?.body.data?.sendMessage?.id;
        await sleep(80);
      }
    })(),
  );

  await sleep(3000); // load before the fault
  const startedAt = Date.now();
  await inject();
  const backAt = Date.now();
  // Recovery: a sign-in-if-needed, an authenticated read and a send all work.
  let recoveredAt;
  const probePerson = people[0];
  await until(
    async () => {
      const me = await gql(url, '{ me { id } }', undefined, probePerson.token, 2000);
      if (me.status === 401) await login(url, probePerson);
      if (!me.body.data?.me) return false;
      const s = await gql(
        url,
        'mutation S($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
        { i: { conversationId: probePerson.conversationId, body: 'probe', clientId: clientId() } },
        probePerson.token,
        2000,
      );
      if (!s.body.data?.sendMessage) return false;
      recoveredAt = Date.now();
      return true;
    },
    90_000,
    200,
  );
  await sleep(4000); // load after recovery
  running = false;
  await Promise.allSettled(loops);

  // Retry every unacknowledged send once with its client id (what a client's outbox does).
  for (const s of stats.sends.filter((x) => !x.ackedId)) {
    if (!(await gql(url, '{ me { id } }', undefined, s.person.token).catch(() => undefined))?.body.data?.me)
      await login(url, s.person);
    const r = await gql(
      url,
      'mutation S($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
      {
        i: {
          conversationId: s.person.conversationId,
          body: `chaos ${fault} ${s.clientId}`,
          clientId: s.clientId,
        },
      },
      s.person.token,
    ).catch(() => undefined);
    s.retriedId = r?.body.data?.sendMessage?.id;
  }
  const acked = stats.sends.filter((s) => s.ackedId);
  const stored = await db.query(`SELECT id FROM messages WHERE id = ANY($1::uuid[])`, [
    acked.map((s) => s.ackedId),
  ]);
  const lost = acked.length - stored.rowCount;
  const dups = await db.query(
    `SELECT client_id FROM messages WHERE client_id = ANY($1) GROUP BY user_id, client_id HAVING count(*) > 1`,
    [stats.sends.map((s) => s.clientId)],
  );

  // Reminders: delivered, and how late (bounded wait).
  await until(
    async () => {
      const r = await db.query(
        `SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND delivered_at IS NOT NULL`,
        [reminders],
      );
      return r.rows[0].n === reminders.length;
    },
    60_000,
    500,
  ).catch(() => false);
  const rem = await db.query(
    `SELECT extract(epoch FROM delivered_at - due_at)::float AS late FROM reminders WHERE id = ANY($1::uuid[])`,
    [reminders],
  );
  const lateness = rem.rows.map((r) => (r.late === null ? null : Math.max(0, r.late)));

  // Sockets after their session ended: end every session of each person (logoutAll from a fresh
  // sign-in), then post in their conversations; a socket that still hears it is a leak.
  for (const p of people) {
    await login(url, p);
    const endedAt = Date.now();
    await gql(url, 'mutation { logoutAll }', undefined, p.token).catch(() => undefined);
    for (const s of subs)
      if (s.token && s.endedAt === undefined && people.indexOf(p) === subs.indexOf(s)) s.endedAt = endedAt;
  }
  await sleep(1500);
  for (const p of people) {
    await login(url, p);
    await gql(
      url,
      'mutation S($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
      { i: { conversationId: p.conversationId, body: 'after logout', clientId: clientId() } },
      p.token,
    ).catch(() => undefined);
  }
  await sleep(2000);
  const streaming = subs.filter((s) => s.events.some((t) => t > (s.endedAt ?? Infinity) + 1000)).length;
  for (const s of subs) await s.dispose().catch?.(() => undefined);

  const result = {
    fault,
    unauthServed: stats.unauthServed,
    probes: stats.probes,
    reads: stats.reads,
    readErrors: stats.readErrors,
    sends: stats.sends.length,
    acked: acked.length,
    lost,
    duplicates: dups.rowCount,
    reminders: reminders.length,
    remindersMissing: lateness.filter((l) => l === null).length,
    remindersLateMaxS: lateness.filter((l) => l !== null).reduce((m, l) => Math.max(m, l), 0),
    socketsStreamingAfterEnd: streaming,
    sockets: subs.length,
    outageS: (backAt - startedAt) / 1000,
    recoveryS: recoveredAt ? (recoveredAt - backAt) / 1000 : null,
    signInsRefused: { ...refusedSignIns },
  };
  log(`  ${JSON.stringify(result)}`);
  return result;
}

function printTable(results) {
  const rows = [
    [
      'fault',
      'unauth served',
      'acked lost',
      'duplicates',
      'reminders late (max s) / missing',
      'sockets streaming after end',
      'outage s',
      'recovery s',
      'sign-ins refused',
    ],
    ...results.map((r) => [
      r.fault,
      `${r.unauthServed} / ${r.probes}`,
      `${r.lost} / ${r.acked}`,
      String(r.duplicates),
      `${r.remindersLateMaxS.toFixed(1)} / ${r.remindersMissing} of ${r.reminders}`,
      `${r.socketsStreamingAfterEnd} / ${r.sockets}`,
      r.outageS.toFixed(1),
      r.recoveryS === null ? 'not within 90' : r.recoveryS.toFixed(1),
      Object.entries(r.signInsRefused)
        .map(([code, n]) => `${n} ${code}`)
        .join(', ') || '0',
    ]),
  ];
  console.log(`\n| ${rows[0].join(' | ')} |\n|${rows[0].map(() => '---').join('|')}|`);
  for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
}

main()
  .then(async () => {
    await cleanup();
    clearTimeout(hardStop);
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  })
  .catch(async (err) => {
    console.error('chaos:', err);
    await cleanup();
    clearTimeout(hardStop);
    console.error(`logs kept in ${root}`);
    process.exitCode = 1;
  });
