// Benchmark: memory while building a person's data export (GDPR art. 15/20), for a small history and
// large ones. The export streams every table in batches into the ZIP (libs/server/users, export
// builder): its peak memory must not grow with the number of rows. One person per --sizes entry
// (default 1,000, 30,000 and 100,000 messages of ~200 characters) in one database, each exported
// --rounds times in this process; per export, the peak of RSS and of the V8 heap over the level just
// before it (RSS sampled every 10 ms, the live heap after a forced GC every second), the time and the
// ZIP's size. The reference is
// the smallest export in the same run: the peaks' ratio to it is the figure (flat = bounded; a
// builder that held the rows would grow with them, 100× at 100,000). A benchmark, not a test.
// `npm run bench:export` (builds the API first; runs node with --expose-gc).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { round, table } from './lib/report.mjs';
import { bounded, budget, root, withBenchRuntime, writeResults } from './lib/in-process.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    sizes: { type: 'string', default: process.env.BENCH_EXPORT_SIZES ?? '1000,30000,100000' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const SIZES = values.sizes.split(',').map((v) => bounded(v, 10, 1_000_000, 'sizes'));
const ROUNDS = bounded(values.rounds, 1, 10, 'rounds');
budget(20 * 60_000);
if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc (npm run bench:export)');
const { buildExportZip } = (
  await import(path.join(root, 'dist/server/libs/server/users/src/privacy/export-builder.js'))
).default;

/**
 * Runs `fn` while sampling memory: RSS every 10 ms, and the live heap (heapUsed right after a forced
 * GC) every second, since the heap between two collections holds garbage V8 has not bothered to free.
 * Returns the peaks over the level just before it.
 */
async function measured(fn) {
  global.gc();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, live: before.heapUsed };
  const rss = setInterval(() => {
    peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
  }, 10);
  const live = setInterval(() => {
    global.gc();
    peak.live = Math.max(peak.live, process.memoryUsage().heapUsed);
  }, 1000);
  const started = performance.now();
  try {
    const size = await fn();
    return {
      ms: performance.now() - started,
      size,
      rssMb: (peak.rss - before.rss) / 2 ** 20,
      heapMb: (peak.live - before.heapUsed) / 2 ** 20,
    };
  } finally {
    clearInterval(rss);
    clearInterval(live);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = await mkdtemp(path.join(os.tmpdir(), 'pa-bench-export-'));
try {
  const results = await withBenchRuntime(
    { pgUrl: values['pg-url'], redisUrl: undefined, name: 'export' },
    async ({ runtime }) => {
      const ds = runtime.dataSource;
      const person = async (label, messages) => {
        const [{ id }] = await ds.query(
          `INSERT INTO users (email, password_hash, display_name, time_zone)
           VALUES ($1, 'x', $2, 'UTC') RETURNING id`,
          [`${label}@example.test`, label],
        );
        const [{ id: conversationId }] = await ds.query(
          `INSERT INTO conversations (user_id, title, channel) VALUES ($1, 'Everything', 'web') RETURNING id`,
          [id],
        );
        for (let i = 0; i < messages; i += 10_000) {
          await ds.query(
            `INSERT INTO messages (conversation_id, user_id, author, body)
             SELECT $1, $2, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
                    'message ' || g || ': ' || repeat(md5(g::text), 6)
               FROM generate_series($3::int, $4::int) g`,
            [conversationId, id, i, Math.min(messages, i + 10_000) - 1],
          );
        }
        return id;
      };
      process.stderr.write(`setting up people with ${SIZES.join(', ')} messages…\n`);
      const people = [];
      for (const [i, n] of SIZES.entries()) people.push({ n, userId: await person(`p${i}`, n), runs: [] });
      await ds.query('ANALYZE');
      for (let r = 0; r < ROUNDS; r++) {
        for (const p of people) {
          const file = path.join(dir, `${p.n}-${r}.zip`);
          p.runs.push(await measured(() => buildExportZip(ds, p.userId, file, new Date())));
          await rm(file, { force: true });
        }
      }
      return people;
    },
  );
  const summary = (runs) => ({
    ms: median(runs.map((r) => r.ms)),
    sizeMb: median(runs.map((r) => r.size)) / 2 ** 20,
    rssMb: median(runs.map((r) => r.rssMb)),
    heapMb: median(runs.map((r) => r.heapMb)),
  });
  const sums = results.map((p) => ({ n: p.n, ...summary(p.runs) }));
  const ref = sums[0];
  const row = (x, i) => [
    `${i === 0 ? 'reference: ' : ''}${x.n} messages`,
    round(x.ms / 1000, 2),
    round(x.sizeMb, 2),
    round(x.rssMb, 1),
    round(x.heapMb, 1),
    i === 0 ? '' : round(x.heapMb / Math.max(ref.heapMb, 1), 1),
  ];
  process.stdout.write(
    `\nexport-memory: a person's data export, median of ${ROUNDS} (peaks over the level before each export)\n\n${table(
      ['export', 'seconds', 'zip MB', 'peak RSS +MB', 'peak live heap +MB', 'heap / reference'],
      sums.map(row),
    )}\n\n`,
  );
  process.stdout.write(
    `results: ${writeResults('export-memory', { sizes: SIZES, rounds: ROUNDS, people: results })}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
