// Benchmark: the SMS router under signed Twilio webhooks. Two sides, same run, same machine, same
// database server, 127.0.0.1 only:
//   product    the built SMS router (signature check, MessageSid dedupe, routing to the number's
//              owner, the person's SMS conversation, usage log, jobs queued in Redis)
//   reference  a bare HTTP server doing only what any webhook receiver must: parse the form, check
//              the signature (twilio.validateRequest), one INSERT … ON CONFLICT DO NOTHING, empty TwiML
// Traffic: 200 people's numbers; 90 % texts from the owner, 5 % to numbers nobody has, 5 % retries
// of an earlier MessageSid. Reports throughput and latency (p50/p99) per side and their ratios.
// A benchmark, not a test: never wired into CI. `npm run bench:sms` (builds the API first).
//
//   --messages <n>      webhooks per side and round, 4000       env BENCH_MESSAGES
//   --concurrency <n>   requests in flight, 16                  env BENCH_CONCURRENCY
//   --rounds <n>        product + reference pairs, alternating which goes first, 2   env BENCH_ROUNDS
import http from 'node:http';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import twilio from 'twilio';
import { round, table } from './lib/report.mjs';
import { bounded, budget, root, withBenchRuntime, writeResults } from './lib/in-process.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    messages: { type: 'string', default: process.env.BENCH_MESSAGES ?? '4000' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '16' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '2' },
  },
});
const MESSAGES = bounded(values.messages, 100, 100_000, 'messages');
const CONCURRENCY = bounded(values.concurrency, 1, 256, 'concurrency');
const ROUNDS = bounded(values.rounds, 1, 10, 'rounds');
const USERS = 200;
const TOKEN = 'sandbox-token';
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
budget(20 * 60_000);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The traffic of one round: owners, unknown numbers, retries. */
function planFor(owners, roundNo) {
  const plan = [];
  for (let i = 0; i < MESSAGES; i++) {
    const roll = Math.random();
    if (roll < 0.05 && plan.length > 0) {
      plan.push(plan[Math.floor(Math.random() * plan.length)]);
      continue;
    }
    const owner = owners[Math.floor(Math.random() * owners.length)];
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const to =
      roll < 0.1 ? `+1212${String(4_000_000 + roundNo * MESSAGES + i).padStart(7, '0')}` : owner.number;
    plan.push({
      MessageSid: sid,
      SmsSid: sid,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: owner.phone,
      To: to,
      Body: `bench ${i}`,
      NumSegments: '1',
      NumMedia: '0',
    });
  }
  return plan;
}

/** Sends the plan with bounded concurrency; returns throughput and latencies. */
async function drive(url, plan) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < plan.length) {
        const params = plan[next++];
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, params),
          },
          body: new URLSearchParams(params).toString(),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: plan.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

/** The reference receiver: form parse, signature check, one INSERT, empty TwiML. */
async function startReference(pool) {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_inbound (sid text PRIMARY KEY, from_number text, to_number text, body text, created_at timestamptz DEFAULT now())`,
  );
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const params = Object.fromEntries(new URLSearchParams(raw));
      const url = `http://127.0.0.1:${server.address().port}${req.url}`;
      if (!twilio.validateRequest(TOKEN, req.headers['x-twilio-signature'] ?? '', url, params)) {
        res.writeHead(403).end();
        return;
      }
      await pool.query(
        `INSERT INTO bench_inbound (sid, from_number, to_number, body) VALUES ($1, $2, $3, $4) ON CONFLICT (sid) DO NOTHING`,
        [params.MessageSid, params.From, params.To, params.Body],
      );
      res
        .writeHead(200, { 'content-type': 'text/xml' })
        .end('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/twilio/sms`,
    stop: () => new Promise((r) => server.close(r)),
  };
}

/** A free loopback port (the router signs against its public URL, so the port is settled first). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const routerPort = await freePort();

await withBenchRuntime(
  { pgUrl, redisUrl, name: 'sms', env: { SMS_ROUTER_PORT: String(routerPort) } },
  async ({ runtime, dbUrl }) => {
    const { startSmsRouter } = (await import(path.join(root, 'dist/server/apps/sms-router/src/index.js')))
      .default;
    const pg = (await import('pg')).default;
    const ds = runtime.dataSource;
    const people = await ds.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone)
     SELECT 'bench.' || g || '@example.test', 'x', 'Person ' || g, 'UTC' FROM generate_series(1, $1) g RETURNING id`,
      [USERS],
    );
    const owners = people.map((p, i) => ({
      userId: p.id,
      phone: `+336${String(20_000_000 + i).padStart(8, '0')}`,
      number: `+1415${String(5_000_000 + i).padStart(7, '0')}`,
    }));
    for (const o of owners) {
      await ds.query(
        `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
        [o.userId, o.phone],
      );
      await ds.query(
        `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
       VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now())`,
        [o.number, `PN${randomBytes(16).toString('hex')}`, o.userId],
      );
    }
    const product = await startSmsRouter({ runtime, port: routerPort, host: '127.0.0.1' });
    const pool = new pg.Pool({ connectionString: dbUrl, max: runtime.config.DB_POOL_MAX });
    const reference = await startReference(pool);
    const rows = [];
    try {
      // Unmeasured warm-up of both sides (JIT, pool connections, caches).
      const warm = planFor(owners, 99).slice(0, Math.min(500, MESSAGES));
      await drive(`${product.url}/twilio/sms`, warm);
      await drive(reference.url, warm);
      for (let r = 0; r < ROUNDS; r++) {
        const sides = r % 2 === 0 ? ['product', 'reference'] : ['reference', 'product'];
        const result = {};
        for (const side of sides) {
          const plan = planFor(owners, r * 2 + sides.indexOf(side));
          result[side] = await drive(side === 'product' ? `${product.url}/twilio/sms` : reference.url, plan);
        }
        await product.router.settled();
        rows.push(result);
        process.stdout.write(
          `round ${r + 1}: product ${round(result.product.perSecond, 0)}/s p99 ${round(result.product.p99, 1)} ms · reference ${round(result.reference.perSecond, 0)}/s p99 ${round(result.reference.p99, 1)} ms\n`,
        );
      }
    } finally {
      await product.stop();
      await reference.stop();
      await pool.end();
    }
    const mean = (side, key) => rows.reduce((s, r) => s + r[side][key], 0) / rows.length;
    const summary = {
      messagesPerSide: MESSAGES,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      product: {
        perSecond: mean('product', 'perSecond'),
        p50: mean('product', 'p50'),
        p99: mean('product', 'p99'),
        failures: rows.reduce((s, r) => s + r.product.failures, 0),
      },
      reference: {
        perSecond: mean('reference', 'perSecond'),
        p50: mean('reference', 'p50'),
        p99: mean('reference', 'p99'),
        failures: rows.reduce((s, r) => s + r.reference.failures, 0),
      },
    };
    summary.throughputRatio = summary.product.perSecond / summary.reference.perSecond;
    summary.p99Ratio = summary.product.p99 / summary.reference.p99;
    process.stdout.write(
      `\n${table(
        ['side', 'webhooks/s', 'p50 ms', 'p99 ms', 'non-200'],
        ['product', 'reference'].map((s) => [
          s,
          round(summary[s].perSecond, 0),
          round(summary[s].p50, 1),
          round(summary[s].p99, 1),
          summary[s].failures,
        ]),
      )}\nthroughput ratio (product / reference) ${round(summary.throughputRatio, 2)} · p99 ratio ${round(summary.p99Ratio, 2)}\n`,
    );
    process.stdout.write(`results: ${writeResults('sms-webhooks', summary)}\n`);
  },
);
