// In-process benchmarks: the built API's modules against a throw-away PostgreSQL database (and the
// local Redis when asked), on 127.0.0.1 only. Shared by shield-list and conversation-read.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machineInfo } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../../..');
const dist = (p) => path.join(root, 'dist/server', p);

/** The built API and core (CommonJS: their exports are on the default export). */
export async function loadServer() {
  if (!existsSync(dist('apps/api/src/index.js'))) {
    process.stderr.write('build the API first (npx nx run api:build)\n');
    process.exit(2);
  }
  const api = (await import(dist('apps/api/src/index.js'))).default;
  const core = (await import(dist('libs/server/core/src/index.js'))).default;
  return { api, core };
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * A migrated database of its own, a runtime and the API's services; dropped afterwards. `env` adds
 * config variables (e.g. a raised rate limit) on top of the bench defaults.
 */
export async function withBenchRuntime({ pgUrl, redisUrl, name, env: extraEnv = {} }, fn) {
  const { api, core } = await loadServer();
  const adminUrl = new URL(pgUrl);
  if (!LOOPBACK.includes(adminUrl.hostname)) throw new Error('loopback PostgreSQL only');
  if (redisUrl && !LOOPBACK.includes(new URL(redisUrl).hostname)) throw new Error('loopback Redis only');
  const dbName = `pa_bench_${name}_${randomBytes(4).toString('hex')}`;
  const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${dbName}`);
  let runtime;
  let services;
  try {
    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      ...extraEnv,
      // Never overridden: the throw-away database and its own Redis prefix.
      DATABASE_URL: dbUrl,
      REDIS_KEY_PREFIX: `${dbName}:`,
    };
    if (redisUrl) env.REDIS_URL = redisUrl;
    const config = core.loadConfig(env);
    runtime = await core.createRuntime({
      config,
      logger: core.createLogger({ level: 'error', name: 'bench' }),
      infrastructure: {
        databaseUrl: dbUrl,
        redisUrl,
        redisMode: redisUrl ? 'external' : 'single-process',
        databaseMode: 'external',
      },
      parts: api.apiParts,
      migrate: true,
      applicationName: `pa-bench-${name}`,
    });
    services = api.createServices(runtime);
    return await fn({ api, core, runtime, services, dbUrl });
  } finally {
    if (services) await api.closeServices(services).catch(() => undefined);
    await runtime?.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

/** Writes a result file under tmp/bench and returns its path relative to the repo. */
export function writeResults(name, results) {
  const outDir = path.join(root, 'tmp/bench');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ machine: machineInfo(), results }, null, 2)}\n`);
  return path.relative(root, file);
}

/** A bounded integer option. */
export function bounded(v, lo, hi, name) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${name} must be an integer in ${lo}..${hi}`);
  return n;
}

/** Ends the process if a benchmark runs past its budget. */
export function budget(ms) {
  const timer = setTimeout(() => {
    process.stderr.write(`bench: time budget (${ms / 60000} min) exceeded\n`);
    process.exit(1);
  }, ms);
  timer.unref();
}
