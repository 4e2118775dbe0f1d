// Benchmark: the API against a minimal reference, side by side, on this machine (127.0.0.1 only).
//   graphql-read  the API's `systemInfo` query vs Fastify 5 + pg running the same SQL (autocannon)
//   auth-me       the API's `me` with a bearer token vs Fastify 5 + jose + one Redis GET + pg (autocannon)
//   login-storm   concurrent `login` mutations vs a bare loop of argon2.verify at the same parameters
//   cold-start    process start → first successful `systemInfo` vs a bare node:http server → first 200
// A benchmark, not a test: never wired into CI. Run with `npm run bench` (builds the API first).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import webPush from 'web-push';
import { runAuthMe } from './lib/auth-me.mjs';
import { alternatingRounds, runCannon, summarizeCannon, summarizeRounds } from './lib/cannon.mjs';
import { isRunning, killAllNow, logTail, spawnNode, stopAll, stopChild } from './lib/children.mjs';
import { runLoginStorm } from './lib/login-storm.mjs';
import { freePort, HOST, pollUntil, request } from './lib/net.mjs';
import { readOptions, timeBudgetSeconds } from './lib/options.mjs';
import { machineInfo, median, renderReport, round } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const API_ENTRY = path.join(root, 'dist/server/apps/api/src/main.js');
const DB_CLI = path.join(root, 'dist/server/apps/api/src/db-cli.js');
const REFERENCE_READ = path.join(here, 'reference/fastify-pg.mjs');
const REFERENCE_COLD = path.join(here, 'reference/bare-http.mjs');
const QUERY_BODY = JSON.stringify({ query: '{ systemInfo { id name createdAt } }' });
const JWT_ISSUER = 'personal-assistant-tdah';
const JWT_AUDIENCE = 'pa-clients';
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

/** The API's answer must be the real row: status 200, data.systemInfo.id, no errors. */
async function readSystemInfo(port) {
  const res = await request({ port, method: 'POST', path: '/graphql', body: QUERY_BODY });
  if (res.status !== 200) return null;
  const json = JSON.parse(res.body);
  return json.errors || !json.data?.systemInfo?.id ? null : res.body;
}

/** Deletes every key under `prefix` (SCAN + UNLINK, bounded). Returns how many. */
async function deleteRedisKeys(url, prefix) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    for (let i = 0; i < 100_000; i++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

async function main() {
  const opts = readOptions(process.argv.slice(2), process.env);
  if (!existsSync(API_ENTRY)) {
    throw new Error(
      `${path.relative(root, API_ENTRY)} is missing: build first (npm run bench does it, or node tools/scripts/build-server.mjs)`,
    );
  }
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const outDir = path.join(root, 'tmp/bench');
  const logDir = path.join(outDir, `logs-${stamp}`);
  mkdirSync(logDir, { recursive: true });
  const dbName = `pa_bench_${startedAt.getTime()}`;
  const dbUrl = withDatabase(opts.pgUrl, dbName);
  // Own Redis namespace per run: rate-limit counters (register: 5 per IP per hour), sessions and
  // queued jobs of one run never meet another's, and the cleanup deletes them all.
  const redisPrefix = `bench:${startedAt.getTime()}:`;
  // Production refuses the development secrets: fresh random ones per run, never written anywhere.
  const jwt = { secret: randomBytes(48).toString('base64url'), issuer: JWT_ISSUER, audience: JWT_AUDIENCE };
  const mfaKey = randomBytes(32).toString('base64');
  const budget = timeBudgetSeconds(opts);

  const results = {
    benchmark: 'personal-assistant-tdah api vs reference',
    startedAt: startedAt.toISOString(),
    machine: machineInfo(),
    postgresVersion: null,
    options: { ...opts, pgUrl: opts.pgUrl.replace(/\/\/[^@/]*@/, '//…@') },
    scenarios: {},
    problems: [],
  };
  const resultsFile = path.join(outDir, `results-${stamp}.json`);
  console.log(
    `bench: logs in ${path.relative(root, logDir)}, database ${dbName}, Redis prefix ${redisPrefix}, time limit ${budget} s`,
  );

  let dbCreated = false;
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await stopAll(5000);
      if (dbCreated) {
        await admin(opts.pgUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(
          (err) => console.error(`bench: could not drop ${dbName}: ${err.message}`),
        );
      }
      await deleteRedisKeys(opts.redisUrl, redisPrefix).catch((err) =>
        console.error(`bench: could not delete the Redis keys ${redisPrefix}*: ${err.message}`),
      );
    })());
  const abort = (why, code) => {
    console.error(`\nbench: ${why}, stopping children and dropping ${dbName}…`);
    cleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  process.on('exit', killAllNow);
  const overall = setTimeout(() => abort(`over the ${budget} s time limit`, 1), budget * 1000);

  // Required in production; the scenarios send no push and no text.
  const vapid = webPush.generateVAPIDKeys();
  const apiEnv = (port) => ({
    NODE_ENV: opts.nodeEnv,
    HOST,
    PORT: String(port),
    DATABASE_URL: dbUrl,
    REDIS_URL: opts.redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    DB_POOL_MAX: String(opts.pool),
    // Migrated once beforehand with db-cli, as in production.
    DB_MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '2000',
    JWT_SECRET: jwt.secret,
    JWT_ISSUER: jwt.issuer,
    JWT_AUDIENCE: jwt.audience,
    MFA_ENCRYPTION_KEY: mfaKey,
    TWILIO_AUTH_TOKEN: 'bench-unused',
    // Never used by these scenarios; a closed loopback port, so no SMS could ever leave the machine.
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    SMS_WEBHOOK_BASE_URL: 'https://bench.invalid',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:bench@example.com',
    // auth-me reuses one access token for the whole scenario (default lifetime 15 min).
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    // login-storm: each login carries X-Forwarded-For (documentation addresses) so the per-IP limits
    // see many clients, and an account collects many sessions (default 5, then the oldest is evicted).
    TRUST_PROXY: 'true',
    SESSION_MAX_PER_USER: '100',
  });
  const waitReady = (handle, port, probe) =>
    pollUntil(probe, {
      timeoutMs: 60_000,
      intervalMs: 50,
      alive: () => isRunning(handle),
      what: handle.label,
    }).catch((err) => {
      throw new Error(`${err.message}\n--- ${handle.logFile}\n${logTail(handle)}`, { cause: err });
    });

  try {
    await admin(opts.pgUrl, async (c) => {
      results.postgresVersion = (await c.query('SHOW server_version')).rows[0].server_version;
      await c.query(`CREATE DATABASE "${dbName}"`);
    });
    dbCreated = true;

    const migrate = spawnNode('db-cli-migrate', DB_CLI, apiEnv(0), logDir, ['migrate']);
    const migrated = await Promise.race([
      migrate.exited,
      new Promise((r) => setTimeout(() => r({ code: 'timeout' }), 120_000).unref()),
    ]);
    if (migrated.code !== 0) {
      await stopChild(migrate);
      throw new Error(
        `db-cli migrate failed (${migrated.code})\n--- ${migrate.logFile}\n${logTail(migrate)}`,
      );
    }

    // One API process serves graphql-read, auth-me and login-storm, in this order.
    const needsApi = ['graphql-read', 'auth-me', 'login-storm'].some((s) => opts.scenarios.includes(s));
    const apiPort = await freePort();
    const api = needsApi ? spawnNode('api', API_ENTRY, apiEnv(apiPort), logDir) : undefined;
    const productBody = needsApi
      ? await waitReady(api, apiPort, async () => {
          if ((await request({ port: apiPort, path: '/readyz' })).status !== 200) return null;
          return readSystemInfo(apiPort);
        })
      : undefined;

    if (opts.scenarios.includes('graphql-read')) {
      const refPort = await freePort();
      const ref = spawnNode(
        'reference-fastify-pg',
        REFERENCE_READ,
        { HOST, PORT: String(refPort), DATABASE_URL: dbUrl, DB_POOL_MAX: String(opts.pool) },
        logDir,
      );
      await waitReady(
        ref,
        refPort,
        async () => (await request({ port: refPort, path: '/readyz' })).status === 200,
      );
      const referenceBody = await readSystemInfo(refPort);
      // Same data and shape (Apollo ends its body with a newline, Fastify does not).
      if (
        !referenceBody ||
        JSON.stringify(JSON.parse(referenceBody)) !== JSON.stringify(JSON.parse(productBody))
      ) {
        throw new Error(
          `the reference does not answer like the API:\n  api:       ${productBody}\n  reference: ${referenceBody}`,
        );
      }
      const sides = {
        product: { port: apiPort, body: productBody },
        reference: { port: refPort, body: referenceBody },
      };
      const load = async (side, seconds) => {
        const r = summarizeCannon(
          await runCannon({
            port: sides[side].port,
            body: QUERY_BODY,
            expectBody: sides[side].body,
            seconds,
            connections: opts.connections,
          }),
        );
        const bad = r.non2xx + r.errors + r.timeouts + r.mismatches;
        if (bad > 0)
          results.problems.push(
            `graphql-read ${side}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} wrong bodies`,
          );
        return r;
      };
      const rounds = await alternatingRounds({
        name: 'graphql-read',
        warmup: opts.warmup,
        rounds: opts.rounds,
        duration: opts.duration,
        load,
        pids: { product: api.child.pid, reference: ref.child.pid },
        describe: (row) =>
          `product ${row.product.reqPerSec} req/s  reference ${row.reference.reqPerSec} req/s`,
      });
      results.scenarios.graphqlRead = {
        config: {
          rounds: opts.rounds,
          durationSeconds: opts.duration,
          warmupSeconds: opts.warmup,
          connections: opts.connections,
          pipelining: 1,
          dbPoolMax: opts.pool,
        },
        responseBody: JSON.parse(productBody),
        rounds,
        // autocannon's percentiles are whole milliseconds; the mean is finer-grained.
        summary: summarizeRounds(rounds, ['reqPerSec', 'latencyP50Ms', 'latencyP99Ms', 'latencyAvgMs'], {
          reqPerSec: 3,
        }),
      };
      await stopChild(ref);
    }

    const scenarioCtx = {
      opts,
      logDir,
      dbUrl,
      apiPort,
      apiPid: api?.child.pid,
      redisPrefix,
      jwt,
      waitReady,
      results,
    };
    if (opts.scenarios.includes('auth-me')) await runAuthMe(scenarioCtx);
    if (opts.scenarios.includes('login-storm')) await runLoginStorm(scenarioCtx);
    if (api) await stopChild(api);

    if (opts.scenarios.includes('cold-start')) {
      const pollIntervalMs = 10;
      const starters = {
        product: {
          script: API_ENTRY,
          env: (port) => apiEnv(port),
          probe: (port) => readSystemInfo(port),
        },
        reference: {
          script: REFERENCE_COLD,
          env: (port) => ({ HOST, PORT: String(port) }),
          probe: async (port) => (await request({ port, path: '/' })).status === 200,
        },
      };
      const coldStart = async (side) => {
        const { script, env, probe } = starters[side];
        const port = await freePort();
        const t0 = performance.now();
        const child = spawnNode(`cold-${side}`, script, env(port), logDir);
        try {
          await pollUntil(() => probe(port), {
            timeoutMs: 30_000,
            intervalMs: pollIntervalMs,
            alive: () => isRunning(child),
            what: `cold-${side}`,
          });
          return round(performance.now() - t0, 1);
        } catch (err) {
          throw new Error(`${err.message}\n--- ${child.logFile}\n${logTail(child)}`, { cause: err });
        } finally {
          await stopChild(child);
        }
      };
      const runs = { product: [], reference: [] };
      for (let i = 0; i < opts.coldRuns; i++) {
        const order = i % 2 ? ['reference', 'product'] : ['product', 'reference'];
        for (const s of order) runs[s].push(await coldStart(s));
        console.log(
          `cold-start: run ${i + 1}/${opts.coldRuns}  product ${runs.product.at(-1)} ms  reference ${runs.reference.at(-1)} ms`,
        );
      }
      const stats = (v) => ({ medianMs: round(median(v), 1), minMs: Math.min(...v), maxMs: Math.max(...v) });
      const product = stats(runs.product);
      const reference = stats(runs.reference);
      results.scenarios.coldStart = {
        config: { runs: opts.coldRuns, pollIntervalMs, nodeEnv: opts.nodeEnv, migrateOnStart: false },
        runs,
        summary: { product, reference, ratio: round(product.medianMs / reference.medianMs, 1) },
      };
    }
  } finally {
    clearTimeout(overall);
    await cleanup();
  }

  results.finishedAt = new Date().toISOString();
  results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x));
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderReport(results)}\n\nresults: ${path.relative(root, resultsFile)}`);
  if (results.problems.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`bench failed: ${err.message}`);
  process.exitCode = 1;
});
