// Benchmark: real-time fan-out. 1,000 WebSocket subscribers in 50 conversations while messages arrive
// at 200/s; send → delivery latency (p50/p95/p99) and every (subscriber, message) delivery counted,
// so a lost or duplicated one shows. Two sides, same run, same machine, 127.0.0.1 only:
//   product    the built API over HTTP + WebSocket: `sendMessage` mutations over HTTP, graphql-ws
//              subscribers on `messageAdded`, pub/sub through the local Redis as in production
//   reference  INSERT into the same messages table (pg) + Redis PUBLISH + a bare `ws` broadcast
// Servers run in this process; subscribers and senders in a forked load generator (lib/fanout-clients.mjs).
// A benchmark, not a test: never wired into CI. Run with `npm run bench:realtime` (builds the API first).
//
//   --subscribers <n>   WebSocket subscribers, 1000             env BENCH_SUBSCRIBERS
//   --conversations <n> conversations (one person each), 50     env BENCH_CONVERSATIONS
//   --rate <n>          messages per second, 200                env BENCH_RATE
//   --seconds <s>       measured seconds, 10                    env BENCH_SECONDS
//   --warmup <s>        unmeasured traffic first, 2             env BENCH_WARMUP
//   --concurrency <n>   sends in flight at most, 32             env BENCH_CONCURRENCY
//   --drain <s>         wait for late deliveries, 5             env BENCH_DRAIN
//   --rounds <n>        product + reference pairs, alternating which goes first, 1   env BENCH_ROUNDS
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { round } from './lib/report.mjs';
import { findingsOf, render, summarise } from './lib/fanout-report.mjs';
import { bounded, budget, withBenchRuntime, writeResults } from './lib/in-process.mjs';
import { startReferenceFanout } from './lib/fanout-reference.mjs';
import { ACCEPTED_CONSENTS } from './lib/accepted-consents.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    subscribers: { type: 'string', default: process.env.BENCH_SUBSCRIBERS ?? '1000' },
    conversations: { type: 'string', default: process.env.BENCH_CONVERSATIONS ?? '50' },
    rate: { type: 'string', default: process.env.BENCH_RATE ?? '200' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '2' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '32' },
    drain: { type: 'string', default: process.env.BENCH_DRAIN ?? '5' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '1' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const SUBSCRIBERS = bounded(values.subscribers, 1, 5000, 'subscribers');
const CONVERSATIONS = bounded(values.conversations, 1, 500, 'conversations');
const RATE = bounded(values.rate, 1, 2000, 'rate');
const SECONDS = bounded(values.seconds, 1, 120, 'seconds');
const WARMUP = bounded(values.warmup, 0, 30, 'warmup');
const CONCURRENCY = bounded(values.concurrency, 1, 256, 'concurrency');
const DRAIN = bounded(values.drain, 1, 60, 'drain');
const ROUNDS = bounded(values.rounds, 1, 5, 'rounds');
if (CONVERSATIONS > SUBSCRIBERS) throw new Error('conversations must not exceed subscribers');

const here = path.dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'lantern-cactus-orbit-violin';
// Per phase: connecting, proving every subscriber live, warm-up, the measure, the drain, closing.
const PHASE_TIMEOUT_MS = (90 + WARMUP * 2 + SECONDS * 2 + DRAIN + 60) * 1000;

/** The soft limit on open files: each process holds one socket per subscriber, plus its own. */
function openFileLimit() {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === 'unlimited' ? Infinity : Number(soft);
  } catch {
    return Infinity; // not Linux: let the run tell
  }
}

/** Runs one phase in the load generator; `onMark` hears when the measured window starts and ends. */
function runPhase(child, params, onMark) {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${params.side} phase took longer than ${PHASE_TIMEOUT_MS / 1000} s`));
    }, PHASE_TIMEOUT_MS);
    const onMessage = (msg) => {
      if (msg.type === 'mark') return onMark(msg.what);
      if (msg.type === 'result') {
        cleanup();
        resolve(msg.stats);
      } else if (msg.type === 'error') {
        cleanup();
        reject(new Error(`load generator: ${msg.message}`));
      }
    };
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`load generator exited (${code ?? signal})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ cmd: 'phase', params });
  });
}

function startLoadGenerator() {
  const child = fork(path.join(here, 'lib/fanout-clients.mjs'), [], {
    // A clean environment: nothing from the caller's shell (DATABASE_URL…) leaks in.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const up = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('load generator did not start')), 15_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`load generator exited at start (${code})`)));
  });
  return { child, up };
}

/** Signs up one person per conversation through the real register flow and opens their conversation. */
async function createPeople(services) {
  const people = [];
  // Two at a time: each sign-up hashes a password (argon2), which is memory- and CPU-heavy.
  for (let i = 0; i < CONVERSATIONS; i += 2) {
    const batch = [i, i + 1].filter((n) => n < CONVERSATIONS);
    people.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const signedIn = await services.auth.register(
            {
              email: `fanout-${n}@bench.test`,
              password: PASSWORD,
              displayName: `Fan-out ${n}`,
              timeZone: 'Europe/Paris',
              ...ACCEPTED_CONSENTS,
            },
            { ip: '127.0.0.1', userAgent: 'bench' },
          );
          const conversation = await services.conversations.create(signedIn.user.id, `Fan-out ${n}`);
          return { userId: signedIn.user.id, token: signedIn.accessToken, conversationId: conversation.id };
        }),
      )),
    );
  }
  return people;
}

/** Deletes the run's Redis keys (queued reply jobs, sessions, caches) under its prefix; bounded SCAN. */
async function deleteRedisKeys(redisUrl, prefix) {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    let cursor = '0';
    for (let i = 0; i < 10_000; i += 1) {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    await client.quit();
  }
}

async function run({ api, runtime, services, dbUrl }) {
  const people = await createPeople(services);
  const [{ server_version: postgresVersion }] = await runtime.dataSource.query('SHOW server_version');
  const apiHandle = await api.startApi({ runtime, port: 0, host: '127.0.0.1' });
  let reference;
  let loadGenerator;
  try {
    const referenceChannel = `${runtime.config.REDIS_KEY_PREFIX}reference:messageAdded`;
    reference = await startReferenceFanout({ redisUrl: values['redis-url'], channel: referenceChannel });
    loadGenerator = startLoadGenerator();
    const child = await loadGenerator.up;
    const common = {
      subscribers: SUBSCRIBERS,
      rate: RATE,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      concurrency: CONCURRENCY,
      drainSeconds: DRAIN,
      conversationIds: people.map((p) => p.conversationId),
      userIds: people.map((p) => p.userId),
      tokens: people.map((p) => p.token),
      apiUrl: apiHandle.url,
      referenceUrl: reference.url,
      referenceChannel,
      databaseUrl: dbUrl,
      redisUrl: values['redis-url'],
      // The reference's pool is as large as the API's.
      referencePool: runtime.config.DB_POOL_MAX,
    };
    const rounds = [];
    for (let r = 1; r <= ROUNDS; r += 1) {
      const order = r % 2 === 1 ? ['product', 'reference'] : ['reference', 'product'];
      const entry = { round: r, order };
      for (const side of order) {
        let cpuStart;
        let wallStart = 0;
        let window = { cpuMs: NaN, wallMs: NaN };
        const stats = await runPhase(child, { ...common, side, round: r }, (what) => {
          if (what === 'start') {
            cpuStart = process.cpuUsage();
            wallStart = performance.now();
          } else if (what === 'end' && cpuStart) {
            const cpu = process.cpuUsage(cpuStart);
            window = { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStart };
          }
        });
        entry[side] = {
          ...stats,
          achievedRatePerSec: round(stats.achievedRatePerSec, 1),
          // The servers' process (API or reference server) during the measured window, drain included.
          serverCpuMs: Math.round(window.cpuMs),
          serverCores: round(window.cpuMs / window.wallMs),
          serverCpuMsPerMessage: round(window.cpuMs / Math.max(1, stats.messagesSent)),
          loadAverage1m: round(os.loadavg()[0]),
        };
        process.stdout.write(
          `round ${r} ${side}: p50 ${stats.latencyMs.p50} ms, p99 ${stats.latencyMs.p99} ms, ${stats.delivered}/${stats.expectedDeliveries} delivered, ${stats.duplicated} duplicated\n`,
        );
      }
      rounds.push(entry);
    }
    const results = {
      config: {
        subscribers: SUBSCRIBERS,
        conversations: CONVERSATIONS,
        subscribersPerConversation: SUBSCRIBERS / CONVERSATIONS,
        rate: RATE,
        seconds: SECONDS,
        warmupSeconds: WARMUP,
        concurrency: CONCURRENCY,
        drainSeconds: DRAIN,
        rounds: ROUNDS,
        dbPoolMax: runtime.config.DB_POOL_MAX,
      },
      postgresVersion,
      rounds,
      summary: summarise(rounds),
      findings: rounds.flatMap((r) =>
        r.order.flatMap((side) => findingsOf(`round ${r.round} ${side}`, r[side], RATE)),
      ),
    };
    process.stdout.write(`\n${render(results)}\n`);
    process.stdout.write(`results: ${writeResults('realtime-fanout', results)}\n`);
  } finally {
    if (loadGenerator) {
      loadGenerator.child.send({ cmd: 'exit' }, () => undefined);
      const gone = new Promise((resolve) => loadGenerator.child.once('exit', resolve));
      if (loadGenerator.child.exitCode === null)
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
      loadGenerator.child.kill('SIGKILL');
    }
    await reference?.stop();
    await apiHandle.stop();
  }
}

const needFiles = SUBSCRIBERS + 256;
if (openFileLimit() < needFiles) {
  process.stderr.write(`bench: ${needFiles} open files needed per process; raise the limit (ulimit -n)\n`);
  process.exit(2);
}
budget(ROUNDS * 2 * PHASE_TIMEOUT_MS + 180_000);
let redisPrefix;
withBenchRuntime(
  {
    pgUrl: values['pg-url'],
    redisUrl: values['redis-url'],
    name: 'fanout',
    // Fifty sign-ups from one address.
    env: { RATE_LIMIT_REGISTER_PER_HOUR: '10000' },
  },
  (ctx) => {
    redisPrefix = ctx.runtime.config.REDIS_KEY_PREFIX;
    return run(ctx);
  },
)
  .finally(() => (redisPrefix ? deleteRedisKeys(values['redis-url'], redisPrefix) : undefined))
  .then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`bench: ${err.stack ?? err}\n`);
      process.exit(1);
    },
  );
