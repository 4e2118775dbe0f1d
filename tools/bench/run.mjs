// Benchmark: the API against a minimal reference, side by side, on this machine (127.0.0.1 only).
//   graphql-read  the API's `systemInfo` query vs Fastify 5 + pg running the same SQL (autocannon)
//   cold-start    process start → first successful `systemInfo` vs a bare node:http server → first 200
// A benchmark, not a test: never wired into CI. Run with `npm run bench` (builds the API first).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { isRunning, killAllNow, logTail, spawnNode, stopAll, stopChild } from './lib/children.mjs';
import { freePort, HOST, pollUntil, request } from './lib/net.mjs';
import { readOptions, timeBudgetSeconds } from './lib/options.mjs';
import { machineInfo, median, renderReport, round } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const API_ENTRY = path.join(root, 'dist/server/apps/api/src/main.js');
const REFERENCE_READ = path.join(here, 'reference/fastify-pg.mjs');
const REFERENCE_COLD = path.join(here, 'reference/bare-http.mjs');
const QUERY_BODY = JSON.stringify({ query: '{ systemInfo { id name createdAt } }' });
const withDatabase = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

function summarizeCannon(r) {
  return {
    reqPerSec: round(r.requests.average, 0),
    totalRequests: r.requests.total,
    durationSeconds: r.duration,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    latencyAvgMs: round(r.latency.average),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    mismatches: r.mismatches,
  };
}

function runCannon({ port, body, seconds, connections }) {
  return new Promise((resolve, reject) => {
    const guard = { timer: undefined };
    const instance = autocannon(
      {
        url: `http://${HOST}:${port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: QUERY_BODY,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        // Every response is compared with the one checked before the run.
        expectBody: body,
      },
      (err, result) => {
        clearTimeout(guard.timer);
        if (err) reject(err);
        else resolve(result);
      },
    );
    guard.timer = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
  });
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
  console.log(`bench: logs in ${path.relative(root, logDir)}, database ${dbName}, time limit ${budget} s`);

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
    })());
  const abort = (why, code) => {
    console.error(`\nbench: ${why}, stopping children and dropping ${dbName}…`);
    cleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  process.on('exit', killAllNow);
  const overall = setTimeout(() => abort(`over the ${budget} s time limit`, 1), budget * 1000);

  const apiEnv = (port, migrate) => ({
    NODE_ENV: opts.nodeEnv,
    HOST,
    PORT: String(port),
    DATABASE_URL: dbUrl,
    REDIS_URL: opts.redisUrl,
    REDIS_KEY_PREFIX: 'bench:',
    DB_POOL_MAX: String(opts.pool),
    DB_MIGRATE_ON_START: String(migrate),
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '2000',
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

    // First start migrates the fresh database; graphql-read then keeps this process.
    const apiPort = await freePort();
    const api = spawnNode('api', API_ENTRY, apiEnv(apiPort, true), logDir);
    await waitReady(
      api,
      apiPort,
      async () => (await request({ port: apiPort, path: '/readyz' })).status === 200,
    );
    const productBody = await waitReady(api, apiPort, () => readSystemInfo(apiPort));

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
          await runCannon({ ...sides[side], seconds, connections: opts.connections }),
        );
        const bad = r.non2xx + r.errors + r.timeouts + r.mismatches;
        if (bad > 0)
          results.problems.push(
            `graphql-read ${side}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} wrong bodies`,
          );
        await sleep(500);
        return r;
      };

      if (opts.warmup > 0) {
        console.log(`graphql-read: warm-up ${opts.warmup} s per side`);
        await load('product', opts.warmup);
        await load('reference', opts.warmup);
      }
      const rounds = [];
      for (let i = 1; i <= opts.rounds; i++) {
        // Alternate which side goes first so slow drift (thermal, other load) hits both equally.
        const order = i % 2 ? ['product', 'reference'] : ['reference', 'product'];
        const row = { round: i, order };
        for (const side of order) row[side] = await load(side, opts.duration);
        // Other work on the machine shows here: read a noisy round with this in mind.
        row.loadAverage1m = round(os.loadavg()[0]);
        console.log(
          `graphql-read: round ${i}/${opts.rounds}  product ${row.product.reqPerSec} req/s  reference ${row.reference.reqPerSec} req/s`,
        );
        rounds.push(row);
      }
      const med = (side, key) => median(rounds.map((r) => r[side][key]));
      const side = (s) => ({
        reqPerSec: round(med(s, 'reqPerSec'), 0),
        latencyP50Ms: med(s, 'latencyP50Ms'),
        latencyP99Ms: med(s, 'latencyP99Ms'),
        // autocannon's percentiles are whole milliseconds; the mean is finer-grained.
        latencyAvgMs: round(med(s, 'latencyAvgMs')),
      });
      const product = side('product');
      const reference = side('reference');
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
        summary: {
          product,
          reference,
          ratio: {
            reqPerSec: round(product.reqPerSec / reference.reqPerSec, 3),
            latencyP50Ms: round(product.latencyP50Ms / reference.latencyP50Ms, 2),
            latencyP99Ms: round(product.latencyP99Ms / reference.latencyP99Ms, 2),
            latencyAvgMs: round(product.latencyAvgMs / reference.latencyAvgMs, 2),
          },
        },
      };
      await stopChild(ref);
    }
    await stopChild(api);

    if (opts.scenarios.includes('cold-start')) {
      const pollIntervalMs = 10;
      const starters = {
        product: {
          script: API_ENTRY,
          env: (port) => apiEnv(port, false),
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
