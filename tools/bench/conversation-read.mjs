// Benchmark: a conversation with its latest 50 messages, as the web app opens it. The GraphQL query
// runs in-process through the full shielded schema (permission check with the cached role, the
// conversation, the page of messages) against the same query done by hand as ONE SQL join with pg.
// Reports the ratio of medians and the SQL statements one request makes (target ≤ 2).
// A benchmark, not a test: never wired into CI. Run with `npm run bench:conversation`.
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import pg from 'pg';
import { median, round } from './lib/report.mjs';
import { bounded, budget, withBenchRuntime, writeResults } from './lib/in-process.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '7' },
    iterations: { type: 'string', default: process.env.BENCH_ITERATIONS ?? '100' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const ROUNDS = bounded(values.rounds, 1, 50, 'rounds');
const ITERATIONS = bounded(values.iterations, 5, 2000, 'iterations');

const QUERY = parse(`query C($id: ID!) { conversation(id: $id) { id title lastActivityAt
  messages(last: 50) { edges { cursor node { id author body parentId createdAt } } pageInfo { hasPreviousPage startCursor } } } }`);

// The reference: the same rows, one statement, no GraphQL, no authorization layer.
const JOIN = `SELECT c.id, c.title, c.last_activity_at, m.id AS m_id, m.author, m.body, m.parent_id, m.created_at
  FROM conversations c
  LEFT JOIN LATERAL (
    SELECT id, author, body, parent_id, created_at FROM messages
     WHERE conversation_id = c.id AND parent_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 50
  ) m ON true
 WHERE c.id = $1 AND c.user_id = $2`;

async function run({ api, runtime, services, dbUrl }) {
  const ds = runtime.dataSource;
  const [{ id: userId }] = await ds.query(
    `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ('reader@bench.test', 'x', 'Reader', 'UTC') RETURNING id`,
  );
  await ds.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'user')`, [userId]);
  const [{ id: conversationId }] = await ds.query(
    `INSERT INTO conversations (user_id, title, channel) VALUES ($1, 'Bench', 'web') RETURNING id`,
    [userId],
  );
  // 500 messages, so "the latest 50" is a real page, not the whole table.
  await ds.query(
    `INSERT INTO messages (conversation_id, user_id, author, body, created_at)
     SELECT $1, $2, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END, 'message number ' || g,
            now() - (500 - g) * interval '1 second'
       FROM generate_series(1, 500) g`,
    [conversationId, userId],
  );
  const { schema } = await api.buildApiSchema(runtime.pubSub);
  const contextFor = () => ({
    runtime,
    services,
    correlationId: 'bench',
    client: { ip: '127.0.0.1', userAgent: 'bench' },
    auth: { userId, sessionId: 'bench', aal: 'aal2', authenticatedAt: Date.now() },
  });
  // Counts every statement the API sends, through TypeORM's query runner.
  const runner = ds.createQueryRunner();
  const proto = Object.getPrototypeOf(runner);
  await runner.release();
  const original = proto.query;
  let statements = 0;
  proto.query = function counted(...args) {
    statements += 1;
    return original.apply(this, args);
  };
  const pool = new pg.Pool({ connectionString: dbUrl, max: runtime.config.DB_POOL_MAX });
  try {
    const viaApi = async () => {
      const start = process.hrtime.bigint();
      const result = await execute({
        schema,
        document: QUERY,
        contextValue: contextFor(),
        variableValues: { id: conversationId },
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.errors?.length || result.data?.conversation?.messages.edges.length !== 50)
        throw new Error(`API answer wrong: ${JSON.stringify(result.errors ?? result.data).slice(0, 300)}`);
      return ms;
    };
    const viaJoin = async () => {
      const start = process.hrtime.bigint();
      const { rows } = await pool.query(JOIN, [conversationId, userId]);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (rows.length !== 50) throw new Error(`reference answer wrong: ${rows.length} rows`);
      return ms;
    };
    for (let i = 0; i < 50; i++) {
      await viaApi();
      await viaJoin();
    }
    statements = 0;
    const probe = 20;
    for (let i = 0; i < probe; i++) await viaApi();
    const perRequest = statements / probe;
    const api = [];
    const ref = [];
    for (let r = 0; r < ROUNDS; r++) {
      const sides =
        r % 2 === 0
          ? [
              [viaApi, api],
              [viaJoin, ref],
            ]
          : [
              [viaJoin, ref],
              [viaApi, api],
            ];
      for (const [fn, into] of sides) {
        const times = [];
        for (let i = 0; i < ITERATIONS; i++) times.push(await fn());
        into.push(median(times));
      }
    }
    const results = {
      apiMedianMs: round(median(api), 3),
      joinMedianMs: round(median(ref), 3),
      ratio: round(median(api) / median(ref), 2),
      sqlStatementsPerRequest: perRequest,
      rounds: ROUNDS,
      iterationsPerRound: ITERATIONS,
    };
    process.stdout.write(
      `conversation + 50 messages: API ${results.apiMedianMs} ms, one SQL join ${results.joinMedianMs} ms, ratio ${results.ratio}×, SQL statements per request ${perRequest}\n`,
    );
    process.stdout.write(`results: ${writeResults('conversation-read', results)}\n`);
  } finally {
    proto.query = original;
    await pool.end();
  }
}

budget(600_000);
withBenchRuntime({ pgUrl: values['pg-url'], redisUrl: values['redis-url'], name: 'conv' }, run).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench: ${err.stack ?? err}\n`);
    process.exit(1);
  },
);
