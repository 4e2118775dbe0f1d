// Benchmark: the cost of tracing. The graphql-read operation (`{ systemInfo { … } }`: HTTP, GraphQL,
// one PostgreSQL read), or with `--operation conversation` a signed-in person's conversation with its
// latest 50 messages, against API processes that differ only in tracing, loaded one after the other in
// rounds whose order rotates, so drift and other load on the machine hit every side alike:
//   off       OTEL_EXPORTER_OTLP_ENDPOINT unset (the SDK is never loaded)
//   on        OTEL_EXPORTER_OTLP_ENDPOINT set to a local OTLP/HTTP sink in this process (every request
//             traced and exported: http, graphql parse/validate/execute, pg spans)
//   sampled   (with --sampled R) on, keeping a share R of traces (OTEL_TRACES_SAMPLE_RATIO)
//   --profile DIR  a CPU profile of each side's API process in DIR/<side>/ (to see what tracing costs)
//   baseline  (with --baseline-dist DIR) the API of another build, e.g. the commit before tracing existed:
//             `off` against it is what the tracing code costs when it is off
// The figures are medians over rounds and the ratios on/off and off/baseline (throughput and the API
// process's CPU per request). A benchmark, not a test: never wired into CI.
// Run with `npm run bench:tracing` (builds the API first).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import webPush from 'web-push';
import { runCannon, summarizeCannon } from './lib/cannon.mjs';
import { isRunning, killAllNow, logTail, spawnNode, stopAll } from './lib/children.mjs';
import { assertLoopback, freePort, HOST, pollUntil, request } from './lib/net.mjs';
import { machineInfo, median, round, table } from './lib/report.mjs';
import { ACCEPTED_CONSENTS } from './lib/accepted-consents.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const DIST = path.join(root, 'dist/server');
const QUERY_BODY = JSON.stringify({ query: '{ systemInfo { id name createdAt } }' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '6' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '8' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '5' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
    'baseline-dist': { type: 'string' },
    sampled: { type: 'string' },
    // A CPU profile of each API side (node --cpu-prof), written to <dir>/<side>/ when it stops.
    profile: { type: 'string' },
    // read: `{ systemInfo }`, the cheapest request; conversation: a signed-in person opening a
    // conversation with its latest 50 messages (token check, session, shield, two reads), as the app does.
    operation: { type: 'string', default: process.env.BENCH_OPERATION ?? 'read' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const int = (name, min, max) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be in [${min}, ${max}]`);
  return n;
};
const ROUNDS = int('rounds', 1, 50);
const OPERATION = values.operation;
if (!['read', 'conversation'].includes(OPERATION))
  throw new Error('--operation must be read or conversation');
const DURATION = int('duration', 1, 120);
const WARMUP = int('warmup', 0, 120);
const CONNECTIONS = int('connections', 1, 500);
const pgUrl = values['pg-url'];
const redisUrl = values['redis-url'];
assertLoopback(pgUrl, '--pg-url');
assertLoopback(redisUrl, '--redis-url');
const baselineDist = values['baseline-dist'] ? path.resolve(values['baseline-dist']) : undefined;
const sampledRatio = values.sampled;
if (sampledRatio !== undefined && !(Number(sampledRatio) > 0 && Number(sampledRatio) < 1))
  throw new Error('--sampled must be a ratio between 0 and 1');

const withDatabase = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
async function admin(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Deletes this run's Redis keys (SCAN + UNLINK, bounded). */
async function deleteRedisKeys(url, prefix) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000 });
  await redis.connect();
  try {
    let cursor = '0';
    for (let i = 0; i < 10_000; i++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}

/** The OTLP/HTTP sink: answers every export at once and counts what arrived (spans not decoded). */
async function startSink() {
  const stats = { exports: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on('data', (c) => (stats.bytes += c.length));
    req.on('end', () => {
      stats.exports += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, HOST, resolve));
  return { url: `http://${HOST}:${server.address().port}`, stats, close: () => server.close() };
}

/** CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

const CONVERSATION = `query C($id: ID!) { conversation(id: $id) { id title lastActivityAt
  messages(last: 50) { edges { cursor node { id author body parentId createdAt } } pageInfo { hasPreviousPage startCursor } } } }`;

/** A person signed up through the API, with a conversation of 50 messages: the request and its token. */
async function conversationOperation(port, dbUrl) {
  const reg = await request({
    port,
    method: 'POST',
    path: '/graphql',
    timeoutMs: 30_000,
    body: JSON.stringify({
      query: `mutation R($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
      variables: {
        input: {
          email: `bench-tracing-${Date.now()}@example.com`,
          password: 'lantern-cactus-orbit-violin',
          displayName: 'Bench Tracing',
          timeZone: 'UTC',
          ...ACCEPTED_CONSENTS,
          refreshTokenIn: 'BODY',
        },
      },
    }),
  });
  const registered = JSON.parse(reg.body).data?.register;
  if (!registered?.accessToken) throw new Error(`register failed: ${reg.body.slice(0, 300)}`);
  const conversationId = await admin(dbUrl, async (c) => {
    const { rows } = await c.query(
      `INSERT INTO conversations (user_id, title, channel) VALUES ($1, 'Bench', 'web') RETURNING id`,
      [registered.user.id],
    );
    await c.query(
      `INSERT INTO messages (conversation_id, user_id, author, body, created_at)
       SELECT $1, $2, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END, 'message number ' || g,
              now() - (60 - g) * interval '1 minute'
         FROM generate_series(1, 60) g`,
      [rows[0].id, registered.user.id],
    );
    return rows[0].id;
  });
  return {
    body: JSON.stringify({ query: CONVERSATION, variables: { id: conversationId } }),
    headers: { authorization: `Bearer ${registered.accessToken}` },
  };
}

async function main() {
  const mainOf = (dist) => path.join(dist, 'apps/api/src/main.js');
  if (!existsSync(mainOf(DIST))) throw new Error('dist/server is missing: run `npm run bench:tracing`');
  if (baselineDist && !existsSync(mainOf(baselineDist)))
    throw new Error(`--baseline-dist: no ${mainOf(baselineDist)}`);
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const outDir = path.join(root, 'tmp/bench');
  const logDir = path.join(outDir, `tracing-logs-${stamp}`);
  mkdirSync(logDir, { recursive: true });
  const dbName = `pa_bench_tracing_${startedAt.getTime()}`;
  const dbUrl = withDatabase(pgUrl, dbName);
  const redisPrefix = `bench:tracing:${startedAt.getTime()}:`;
  const sink = await startSink();
  const vapid = webPush.generateVAPIDKeys();
  const secrets = { jwt: randomBytes(48).toString('base64url'), mfa: randomBytes(32).toString('base64') };
  const apiEnv = (port, extra = {}) => ({
    NODE_ENV: 'production',
    HOST,
    PORT: String(port),
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    DB_MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '2000',
    JWT_SECRET: secrets.jwt,
    MFA_ENCRYPTION_KEY: secrets.mfa,
    TWILIO_AUTH_TOKEN: 'bench-unused',
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    SMS_WEBHOOK_BASE_URL: 'https://bench.invalid',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:bench@example.com',
    ...extra,
  });
  let dbCreated = false;
  const overall = setTimeout(
    () => {
      console.error('bench: over its time limit');
      killAllNow();
      process.exit(1);
    },
    (WARMUP * 4 + ROUNDS * 4 * (DURATION + 1) + 300) * 1000,
  );
  process.on('exit', killAllNow);
  const results = {
    benchmark: `tracing overhead (${OPERATION === 'read' ? 'graphql-read' : 'conversation with 50 messages'})`,
    startedAt: startedAt.toISOString(),
    machine: machineInfo(),
    config: { rounds: ROUNDS, durationSeconds: DURATION, warmupSeconds: WARMUP, connections: CONNECTIONS },
    rounds: [],
    problems: [],
  };
  try {
    await admin(pgUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
    dbCreated = true;
    const migrate = spawnNode('migrate', path.join(DIST, 'apps/api/src/db-cli.js'), apiEnv(0), logDir, [
      'migrate',
    ]);
    if ((await migrate.exited).code !== 0) throw new Error(`migrate failed\n${logTail(migrate)}`);

    const sides = {
      off: { dist: DIST, env: {} },
      on: { dist: DIST, env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url } },
    };
    if (sampledRatio)
      sides.sampled = {
        dist: DIST,
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLE_RATIO: sampledRatio },
      };
    if (baselineDist) sides.baseline = { dist: baselineDist, env: {} };
    const names = Object.keys(sides);
    for (const name of names) {
      const side = sides[name];
      side.port = await freePort();
      const profiled = values.profile
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile, name)}`]
        : [];
      side.handle = spawnNode(
        `api-${name}`,
        mainOf(side.dist),
        apiEnv(side.port, side.env),
        logDir,
        [],
        profiled,
      );
      side.body = await pollUntil(
        async () => {
          const res = await request({ port: side.port, method: 'POST', path: '/graphql', body: QUERY_BODY });
          return res.status === 200 && JSON.parse(res.body).data?.systemInfo?.id ? res.body : null;
        },
        { timeoutMs: 60_000, intervalMs: 50, alive: () => isRunning(side.handle), what: `api-${name}` },
      ).catch((err) => {
        throw new Error(`${err.message}\n${logTail(side.handle)}`, { cause: err });
      });
    }
    const op =
      OPERATION === 'read'
        ? { body: QUERY_BODY, headers: {} }
        : await conversationOperation(sides[names[0]].port, dbUrl);
    for (const name of names) {
      const res = await request({
        port: sides[name].port,
        method: 'POST',
        path: '/graphql',
        body: op.body,
        headers: op.headers,
        timeoutMs: 10_000,
      });
      if (res.status !== 200 || JSON.parse(res.body).errors)
        throw new Error(`api-${name}: the ${OPERATION} operation failed: ${res.body.slice(0, 300)}`);
      sides[name].body = res.body;
    }
    const load = async (name, seconds) => {
      const side = sides[name];
      const cpu0 = cpuSeconds(side.handle.child.pid);
      const t0 = performance.now();
      const r = summarizeCannon(
        await runCannon({
          port: side.port,
          body: op.body,
          headers: op.headers,
          expectBody: side.body,
          seconds,
          connections: CONNECTIONS,
        }),
      );
      const wall = (performance.now() - t0) / 1000;
      const cores = (cpuSeconds(side.handle.child.pid) - cpu0) / wall;
      const bad = r.non2xx + r.errors + r.timeouts + r.mismatches;
      if (bad > 0) results.problems.push(`${name}: ${bad} failed or wrong answers`);
      return { ...r, serverCpuMsPerOp: r.reqPerSec > 0 ? round((cores * 1000) / r.reqPerSec, 3) : null };
    };
    if (WARMUP > 0) {
      for (const name of names) await load(name, WARMUP);
      console.log(`warm-up done (${WARMUP} s per side)`);
    }
    const exportsBefore = sink.stats.exports;
    for (let i = 0; i < ROUNDS; i++) {
      // Rotate the order: each side goes first, second and last equally often.
      const order = names.map((_, k) => names[(i + k) % names.length]);
      const row = { round: i + 1, order };
      for (const name of order) {
        row[name] = await load(name, DURATION);
        await sleep(300);
      }
      row.loadAverage1m = round(os.loadavg()[0]);
      results.rounds.push(row);
      console.log(
        `round ${i + 1}/${ROUNDS}  ${names.map((n) => `${n} ${row[n].reqPerSec} req/s ${row[n].serverCpuMsPerOp} ms cpu`).join('  ')}  load ${row.loadAverage1m}`,
      );
    }
    if (sink.stats.exports === exportsBefore) results.problems.push('the traced API exported nothing');
    const med = (name, key) => median(results.rounds.map((r) => r[name][key]));
    const ratios = (a, b) => ({
      reqPerSec: round(med(a, 'reqPerSec') / med(b, 'reqPerSec'), 3),
      latencyAvgMs: round(med(a, 'latencyAvgMs') / med(b, 'latencyAvgMs'), 3),
      serverCpuMsPerOp: round(med(a, 'serverCpuMsPerOp') / med(b, 'serverCpuMsPerOp'), 3),
      // Per-round ratios show the spread that other load on the machine leaves.
      reqPerSecByRound: results.rounds.map((r) => round(r[a].reqPerSec / r[b].reqPerSec, 3)),
    });
    results.summary = {
      medians: Object.fromEntries(
        names.map((n) => [
          n,
          {
            reqPerSec: med(n, 'reqPerSec'),
            latencyAvgMs: med(n, 'latencyAvgMs'),
            latencyP99Ms: med(n, 'latencyP99Ms'),
            serverCpuMsPerOp: med(n, 'serverCpuMsPerOp'),
          },
        ]),
      ),
      onVsOff: ratios('on', 'off'),
      ...(sampledRatio ? { sampledVsOff: { ratio: Number(sampledRatio), ...ratios('sampled', 'off') } } : {}),
      ...(baselineDist ? { offVsBaseline: ratios('off', 'baseline') } : {}),
      sink: { exports: sink.stats.exports, bytes: sink.stats.bytes },
    };
  } finally {
    clearTimeout(overall);
    await stopAll(5000);
    sink.close();
    if (dbCreated)
      await admin(pgUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(
        () => undefined,
      );
    await deleteRedisKeys(redisUrl, redisPrefix).catch(() => undefined);
  }
  const file = path.join(outDir, `tracing-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const s = results.summary;
  console.log(
    `\n${table(
      ['side', 'req/s', 'avg ms', 'p99 ms', 'API CPU ms/req'],
      Object.entries(s.medians).map(([n, m]) => [
        n,
        m.reqPerSec,
        m.latencyAvgMs,
        m.latencyP99Ms,
        m.serverCpuMsPerOp,
      ]),
    )}\n\non/off: req/s ${s.onVsOff.reqPerSec}, CPU per request ${s.onVsOff.serverCpuMsPerOp} (rounds: ${s.onVsOff.reqPerSecByRound.join(' ')})`,
  );
  if (s.sampledVsOff)
    console.log(
      `sampled (${s.sampledVsOff.ratio})/off: req/s ${s.sampledVsOff.reqPerSec}, CPU per request ${s.sampledVsOff.serverCpuMsPerOp} (rounds: ${s.sampledVsOff.reqPerSecByRound.join(' ')})`,
    );
  if (s.offVsBaseline)
    console.log(
      `off/baseline: req/s ${s.offVsBaseline.reqPerSec}, CPU per request ${s.offVsBaseline.serverCpuMsPerOp} (rounds: ${s.offVsBaseline.reqPerSecByRound.join(' ')})`,
    );
  console.log(`results: ${path.relative(root, file)}`);
  if (results.problems.length > 0) {
    console.error(`problems: ${results.problems.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`bench failed: ${err.message}`);
  process.exitCode = 1;
});
