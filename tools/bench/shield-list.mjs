// Benchmark: the cost of authorization on a list. The same GraphQL operation runs in-process against
// the same PostgreSQL, once through the shielded schema (graphql-shield, every field checked) and once
// through the unshielded one, alternating in rounds; the ratio of medians is the shield's cost.
//   users-100       an administrator lists 100 people (each field of each row is a cross-user check,
//                   the read itself is audited): the worst case of the rules
//   own-rows-100    a person reads 100 rows of their own (audit entries): the common case
// A benchmark, not a test: never wired into CI. Run with `npm run bench:shield` (builds the API first).
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import { median, round } from './lib/report.mjs';
import { bounded, budget, withBenchRuntime, writeResults } from './lib/in-process.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '7' },
    iterations: { type: 'string', default: process.env.BENCH_ITERATIONS ?? '60' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const ROUNDS = bounded(values.rounds, 1, 50, 'rounds');
const ITERATIONS = bounded(values.iterations, 5, 1000, 'iterations');

const OPERATIONS = {
  'users-100': parse(`{ users(first: 100) { edges { cursor node {
      id email displayName role status createdAt avatar { initials color } } } } }`),
  'own-rows-100': parse(`{ me { id auditEntries(first: 100) { edges { cursor node {
      id at action outcome permission resourceType resourceId correlationId details } } } } }`),
};

async function run({ api, runtime, services }) {
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
    const r = results[name];
    process.stdout.write(
      `${name}: shield on ${r.shieldOnMedianMs} ms, off ${r.shieldOffMedianMs} ms, ratio ${r.ratio}×\n`,
    );
  }
  process.stdout.write(`results: ${writeResults('shield-list', results)}\n`);
}

budget(600_000);
withBenchRuntime({ pgUrl: values['pg-url'], redisUrl: values['redis-url'], name: 'shield' }, run).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench: ${err.stack ?? err}\n`);
    process.exit(1);
  },
);
