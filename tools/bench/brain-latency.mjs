// Benchmark: the built-in brain's time per message (issue #18's budget: ≤ 5 ms). Every phrasing of
// the repo's sets (English and French, all classes) is answered in-process, in rounds, after a
// warm-up; the figure is the per-message latency (p50, p95, p99, max) and the mean per round.
// No database, no network: the brain is pure. A benchmark, not a test: never wired into CI.
// Run with `npm run bench:brain` (builds the API first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { median, round, table } from './lib/report.mjs';
import { bounded, budget, root, writeResults } from './lib/in-process.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '20' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '3' },
  },
});
const ROUNDS = bounded(values.rounds, 1, 200, 'rounds');
const WARMUP = bounded(values.warmup, 0, 50, 'warmup');
budget(10 * 60_000);

const brainDir = path.join(root, 'dist/server/libs/server/assistant/src/brain');
if (!existsSync(path.join(brainDir, 'index.js'))) {
  process.stderr.write('build the API first (npx nx run api:build)\n');
  process.exit(2);
}
const load = async (p) => (await import(path.join(brainDir, p))).default;
const { replyTo } = await load('index.js');
const { contextFor } = await load('phrasings/phrasing-check.js');
const { PHRASINGS } = await load('phrasings.js');
const { EN_CLASS_PHRASINGS } = await load('phrasings/classes-en.js');
const { FR_CLASS_PHRASINGS } = await load('phrasings/classes-fr.js');
const { HOLDOUT_PHRASINGS } = await load('phrasings/classes-holdout.js');
const { DAY_CLASS_PHRASINGS } = await load('phrasings/classes-day.js');

const sets = {
  'classes-en': EN_CLASS_PHRASINGS,
  'classes-fr': [...FR_CLASS_PHRASINGS, ...HOLDOUT_PHRASINGS.filter((p) => p.lang === 'fr')],
  'earlier-set': PHRASINGS,
  // The person's day, steps, vague times asked back (both languages).
  'classes-day': DAY_CLASS_PHRASINGS,
};
// Contexts are built once: the brain's time, not the fixtures', is measured.
const cases = Object.fromEntries(
  Object.entries(sets).map(([name, list]) => [name, list.map((p) => ({ say: p.say, ctx: contextFor(p) }))]),
);

const slowest = [];
const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const results = {};
for (const [name, list] of Object.entries(cases)) {
  for (let w = 0; w < WARMUP; w++) for (const c of list) replyTo(c.say, c.ctx);
  const samples = [];
  const perRound = [];
  const byMessage = list.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    list.forEach((c, i) => {
      const s = performance.now();
      replyTo(c.say, c.ctx);
      const ms = performance.now() - s;
      samples.push(ms);
      byMessage[i].push(ms);
    });
    perRound.push((performance.now() - t0) / list.length);
  }
  samples.sort((a, b) => a - b);
  list.forEach((c, i) => slowest.push([median(byMessage[i]), c.say]));
  // Each message's median over the rounds: robust to a GC pause or a busy neighbour on the machine.
  const medians = byMessage.map(median).sort((a, b) => a - b);
  results[name] = {
    medianOfMessageP95Ms: round(pct(medians, 0.95), 3),
    medianOfMessageMaxMs: round(medians[medians.length - 1], 3),
    messages: list.length,
    rounds: ROUNDS,
    p50Ms: round(pct(samples, 0.5), 3),
    p95Ms: round(pct(samples, 0.95), 3),
    p99Ms: round(pct(samples, 0.99), 3),
    maxMs: round(samples[samples.length - 1], 3),
    meanPerMessageMs: round(median(perRound), 3),
  };
}

const rows = Object.entries(results).map(([name, r]) => [
  name,
  r.messages,
  r.p50Ms,
  r.p95Ms,
  r.p99Ms,
  r.maxMs,
  r.meanPerMessageMs,
  r.medianOfMessageP95Ms,
  r.medianOfMessageMaxMs,
]);
process.stdout.write(
  `Built-in brain, ms per message (${ROUNDS} rounds after ${WARMUP} warm-up; msg-*: each message's median)\n` +
    `${table(['set', 'messages', 'p50', 'p95', 'p99', 'max', 'mean', 'msg-p95', 'msg-max'], rows)}\n`,
);
slowest.sort((a, b) => b[0] - a[0]);
process.stdout.write(
  `slowest messages (median ms): ${slowest
    .slice(0, 5)
    .map(([ms, say]) => `${round(ms, 2)} ${JSON.stringify(say)}`)
    .join(', ')}\n`,
);
process.stdout.write(`results: ${writeResults('brain-latency', results)}\n`);
