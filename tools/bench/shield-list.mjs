// Benchmark: the cost of authorization on a list. The same GraphQL operation runs in-process against
// the same PostgreSQL, once through the shielded schema (graphql-shield, every field checked) and once
// through the unshielded one, alternating in rounds; the ratio of medians is the shield's cost.
//   users-100       an administrator lists 100 people (each field of each row is a cross-user check,
//                   the read itself is audited): the worst case of the rules
//   own-rows-100    a person reads 100 rows of their own (audit entries): the common case
// A benchmark, not a test: never wired into CI. Run with `npm run bench:shield` (builds the API first).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import pg from 'pg';
import { machineInfo, median, round } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = (p) => path.join(root, 'dist/server', p);
if (!existsSync(dist('apps/api/src/index.js'))) {
  process.stderr.write('build the API first: npm run bench:shield (or npx nx run api:build)\n');
  process.exit(2);
}
// The server is CommonJS (swc): its exports are on the module's default export.
const api = (await import(dist('apps/api/src/index.js'))).default;
const core = (await import(dist('libs/server/core/src/index.js'))).default;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '7' },
    iterations: { type: 'string', default: process.env.BENCH_ITERATIONS ?? '60' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const bounded = (v, lo, hi, name) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${name} must be an integer in ${lo}..${hi}`);
  return n;
};
const ROUNDS = bounded(values.rounds, 1, 50, 'rounds');
const ITERATIONS = bounded(values.iterations, 5, 1000, 'iterations');
const adminUrl = new URL(values['pg-url']);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(adminUrl.hostname))
  throw new Error('loopback PostgreSQL only');

const dbName = `pa_bench_shield_${randomBytes(4).toString('hex')}`;
const withDb = (db) => Object.assign(new URL(adminUrl), { pathname: `/${db}` }).toString();

async function admin(fn) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const OPERATIONS = {
  'users-100': parse(`{ users(first: 100) { edges { cursor node {
      id email displayName role status createdAt avatar { initials color } } } } }`),
  'own-rows-100': parse(`{ me { id auditEntries(first: 100) { edges { cursor node {
      id at action outcome permission resourceType resourceId correlationId details } } } } }`),
};

async function main() {
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  let runtime;
  let services;
  try {
    const config = core.loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: withDb(dbName),
      LOG_LEVEL: 'error',
    });
    const logger = core.createLogger({ level: 'error', name: 'bench' });
    runtime = await core.createRuntime({
      config,
      logger,
      infrastructure: {
        databaseUrl: withDb(dbName),
        redisUrl: undefined,
        redisMode: 'single-process',
        databaseMode: 'external',
      },
      parts: api.apiParts,
      migrate: true,
      applicationName: 'pa-bench-shield',
    });
    services = api.createServices(runtime);
    const ds = runtime.dataSource;
    // 101 people (one administrator); 120 audit entries of the administrator's own.
    const [{ id: adminId }] = await ds.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ('admin@bench.test', 'x', 'Admin', 'UTC') RETURNING id`,
    );
    await ds.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'administrator')`, [adminId]);
    await ds.query(`
      WITH u AS (
        INSERT INTO users (email, password_hash, display_name, time_zone)
        SELECT 'p' || g || '@bench.test', 'x', 'Person ' || g, 'Europe/Paris' FROM generate_series(1, 100) g
        RETURNING id)
      INSERT INTO user_roles (user_id, role) SELECT id, 'user' FROM u`);
    await ds.query(
      `INSERT INTO audit_log (actor_id, subject_id, action, outcome, details)
       SELECT $1, $1, 'login', 'success', '{"n":1}' FROM generate_series(1, 120)`,
      [adminId],
    );
    const { schema, unshielded } = await api.buildApiSchema(runtime.pubSub);
    const contextFor = () => ({
      runtime,
      services,
      correlationId: 'bench',
      client: { ip: '127.0.0.1', userAgent: 'bench' },
      auth: { userId: adminId, sessionId: 'bench', aal: 'aal2', authenticatedAt: Date.now() },
    });
    const once = async (s, document) => {
      const start = process.hrtime.bigint();
      const result = await execute({ schema: s, document, contextValue: contextFor() });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.errors?.length) throw new Error(`operation failed: ${result.errors[0].message}`);
      return ms;
    };

    const results = {};
    for (const [name, document] of Object.entries(OPERATIONS)) {
      for (let i = 0; i < 20; i++) {
        await once(schema, document);
        await once(unshielded, document);
      }
      const on = [];
      const off = [];
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate which side goes first, so drift on the machine hits both alike.
        const sides =
          r % 2 === 0
            ? [
                [schema, on],
                [unshielded, off],
              ]
            : [
                [unshielded, off],
                [schema, on],
              ];
        for (const [s, into] of sides) {
          const times = [];
          for (let i = 0; i < ITERATIONS; i++) times.push(await once(s, document));
          into.push(median(times));
        }
      }
      results[name] = {
        shieldOnMedianMs: round(median(on), 3),
        shieldOffMedianMs: round(median(off), 3),
        ratio: round(median(on) / median(off), 3),
        rounds: ROUNDS,
        iterationsPerRound: ITERATIONS,
      };
      process.stdout.write(
        `${name}: shield on ${results[name].shieldOnMedianMs} ms, off ${results[name].shieldOffMedianMs} ms, ratio ${results[name].ratio}×\n`,
      );
    }
    const outDir = path.join(root, 'tmp/bench');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `shield-list-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify({ machine: machineInfo(), results }, null, 2)}\n`);
    process.stdout.write(`results: ${path.relative(root, file)}\n`);
  } finally {
    await services?.access.stop();
    await services?.jobs.close().catch(() => undefined);
    await runtime?.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  }
}

const timer = setTimeout(() => {
  process.stderr.write('bench: time budget (10 min) exceeded\n');
  process.exit(1);
}, 600_000);
timer.unref();
main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench: ${err.stack ?? err}\n`);
    process.exit(1);
  },
);
