// Benchmark: N people with a reminder due the same minute → how late each push reaches the push
// service, and when the last one leaves. Two sides, same run, same machine, 127.0.0.1 only:
//   product    the real worker (BullMQ on the local Redis, PostgreSQL): `reminder.fire` jobs claim each
//              reminder, store its chat message, record deliveries, queue the escalation ladder and
//              send an RFC 8291-encrypted, VAPID-signed push to the person's device
//   reference  web-push + node:http sending the same N pushes directly at the due time (64 in flight)
// Both send to the push service stand-in (tools/push-sandbox) in a child process, which verifies the
// VAPID JWT on receipt and decrypts every payload once the run is over (a real push service never
// decrypts, so that work is not timed); arrival times are read there.
// A benchmark, not a test: never wired into CI. `npm run bench:push` (builds the API first).
//
//   --people <n>    people (one reminder, one device each), 10000     env BENCH_PUSH_PEOPLE
//   --lead <s>      seconds between the last job queued and the due time, 5   env BENCH_PUSH_LEAD
//   --pool <n>      the worker's PostgreSQL pool (DB_POOL_MAX), product default 10   env BENCH_PUSH_POOL
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import webpush from 'web-push';
import { round, table } from './lib/report.mjs';
import { bounded, budget, root, withBenchRuntime, writeResults } from './lib/in-process.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    people: { type: 'string', default: process.env.BENCH_PUSH_PEOPLE ?? '10000' },
    lead: { type: 'string', default: process.env.BENCH_PUSH_LEAD ?? '5' },
    pool: { type: 'string', default: process.env.BENCH_PUSH_POOL ?? '10' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const PEOPLE = bounded(values.people, 1, 20_000, 'people');
const LEAD_MS = bounded(values.lead, 1, 120, 'lead') * 1000;
const POOL = bounded(values.pool, 1, 100, 'pool');
budget(20 * 60_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = (p) => path.join(root, 'dist/server', p);

// The sandbox child: ask and wait for the answer that has `key`.
const child = fork(path.join(here, 'lib/push-sandbox-child.mjs'), { stdio: 'inherit' });
const ask = (msg, key) =>
  new Promise((resolve) => {
    const on = (reply) => {
      if (!(key in reply)) return;
      child.off('message', on);
      resolve(reply);
    };
    child.on('message', on);
    if (msg) child.send(msg);
  });
const { url: sandboxUrl } = await ask(null, 'url');

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Lateness of each arrival against the due time, and when the last one arrived. */
async function measure(dueAt, expected, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let got = { arrivals: [], refused: 0, undecryptable: 0 };
  while (Date.now() < deadline) {
    got = await ask({ arrivals: true }, 'arrivals');
    if (new Set(got.arrivals.map(([id]) => id)).size >= expected) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // Lateness of the first arrival per device (a push the service accepted but answered too late for
  // the sender's timeout is retried: the later copy replaces it on screen, same tag).
  const first = new Map();
  for (const [id, at] of got.arrivals) first.set(id, Math.min(at, first.get(id) ?? Infinity));
  const late = [...first.values()].map((at) => at - dueAt).sort((a, b) => a - b);
  const perSub = new Map();
  for (const [id] of got.arrivals) perSub.set(id, (perSub.get(id) ?? 0) + 1);
  return {
    delivered: first.size,
    distinctDevices: perSub.size,
    duplicates: got.arrivals.length - perSub.size,
    refused: got.refused,
    undecryptable: got.undecryptable,
    p50Ms: percentile(late, 50),
    p99Ms: percentile(late, 99),
    lastMs: late[late.length - 1] ?? NaN,
    firstMs: late[0] ?? NaN,
  };
}

const vapid = webpush.generateVAPIDKeys();
const env = {
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  VAPID_SUBJECT: 'mailto:bench@example.test',
  HEARTBEAT_INTERVAL_MS: '60000',
  DB_POOL_MAX: String(POOL),
};

const results = await withBenchRuntime(
  { pgUrl: values['pg-url'], redisUrl: values['redis-url'], name: 'push', env },
  async ({ runtime }) => {
    const ds = runtime.dataSource;
    const { startWorker } = (await import(dist('apps/worker/src/index.js'))).default;
    const { QueueReminderScheduler } = (await import(dist('libs/server/assistant/src/index.js'))).default;
    const { createJobQueue } = (await import(dist('libs/server/jobs/src/index.js'))).default;
    const mail = { send: async () => ({ messageId: 'unused' }), close: () => undefined, kind: 'bench' };

    // People, each with push chosen, no quiet hours and one device at the stand-in.
    process.stderr.write(`setting up ${PEOPLE} people…\n`);
    const { subscriptions } = await ask({ subscribe: PEOPLE }, 'subscriptions');
    const ids = [];
    for (let i = 0; i < PEOPLE; i += 1000) {
      const n = Math.min(1000, PEOPLE - i);
      const rows = await ds.query(
        `INSERT INTO users (email, password_hash, display_name, time_zone)
         SELECT 'bench' || g || '@example.test', 'x', 'Bench ' || g, 'UTC' FROM generate_series($1::int, $2::int) g
         RETURNING id`,
        [i, i + n - 1],
      );
      ids.push(...rows.map((r) => r.id));
    }
    await ds.query(
      `INSERT INTO preferences (user_id, locale, reminder_channels, assistant_tone, sms_reply_length)
       SELECT id, 'en', '{in_app,push}', 'gentle', 'short' FROM users`,
    );
    for (let i = 0; i < PEOPLE; i += 1000) {
      const chunk = ids.slice(i, i + 1000).map((id, k) => {
        const s = subscriptions[i + k];
        return [id, s.endpoint, s.keys.p256dh, s.keys.auth];
      });
      await ds.query(
        `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, device_name)
         SELECT u, e, p, a, 'bench' FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(u, e, p, a)`,
        [chunk.map((c) => c[0]), chunk.map((c) => c[1]), chunk.map((c) => c[2]), chunk.map((c) => c[3])],
      );
    }

    // A production database has statistics of its tables; without them, the planner takes the
    // tables just filled here for empty ones and scans them whole for every batch.
    await ds.query('ANALYZE');

    // Reference: the same pushes, straight from web-push at the due time.
    const refDue = Date.now() + LEAD_MS;
    await new Promise((r) => setTimeout(r, refDue - Date.now()));
    let next = 0;
    // The raw floor: one VAPID JWT for the push service (as the product caches it), encrypt, POST.
    const { Authorization } = webpush.getVapidHeaders(
      new URL(sandboxUrl).origin,
      env.VAPID_SUBJECT,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
      Math.floor(Date.now() / 1000) + 3600,
    );
    // node:http with kept-alive connections: the cheapest client (fetch costs ~5× its CPU per request).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const sendOne = async (s) => {
      const req = webpush.generateRequestDetails(
        s,
        JSON.stringify({ v: 1, kind: 'reminder', body: 'take a break', step: 0 }),
        { headers: { Authorization }, TTL: 3600, urgency: 'high', contentEncoding: 'aes128gcm' },
      );
      // One retry on a connection the server closed under us (as the product's retry job would).
      for (let attempt = 1; ; attempt += 1) {
        try {
          await new Promise((resolve, reject) => {
            const r = http.request(req.endpoint, { method: 'POST', agent, headers: req.headers }, (res) => {
              res.resume();
              res.on('end', resolve);
            });
            r.on('error', reject);
            r.end(req.body);
          });
          return;
        } catch (err) {
          if (attempt >= 2) throw err;
        }
      }
    };
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < subscriptions.length) await sendOne(subscriptions[next++]);
      }),
    );
    const reference = await measure(refDue, PEOPLE, 120_000);
    agent.destroy();
    await ask({ clear: true }, 'cleared');

    // Product: the worker, reminders due at the same instant, jobs queued as the API queues them.
    const worker = await startWorker({ runtime, mail });
    await worker.reconciled;
    const queue = createJobQueue(runtime);
    const scheduler = new QueueReminderScheduler(queue);
    const queueStarted = Date.now();
    const due = new Date(queueStarted + Math.max(LEAD_MS, PEOPLE * 2));
    const reminders = await ds.query(
      `INSERT INTO reminders (user_id, kind, text, due_at) SELECT id, 'reminder', 'take a break', $1 FROM users RETURNING id, user_id, due_at`,
      [due],
    );
    for (let i = 0; i < reminders.length; i += 200) {
      await Promise.all(
        reminders
          .slice(i, i + 200)
          .map((r) => scheduler.schedule({ id: r.id, userId: r.user_id, dueAt: r.due_at })),
      );
    }
    // The reminders of a real 9:00 were set days before: their table has statistics too.
    await ds.query('ANALYZE reminders');
    const queuedBy = Date.now();
    if (queuedBy > due.getTime())
      process.stderr.write('warning: jobs were still being queued at the due time\n');
    const product = await measure(due.getTime(), PEOPLE, 15 * 60_000);
    const [{ n: fired }] = await ds.query(
      `SELECT count(*)::int AS n FROM reminders WHERE status = 'delivered'`,
    );
    await queue.close();
    await worker.stop();
    return { product: { ...product, fired, queueMs: queuedBy - queueStarted }, reference };
  },
);
child.send({ stop: true });

const row = (name, r) => [
  name,
  r.delivered,
  r.duplicates,
  round(r.p50Ms / 1000, 2),
  round(r.p99Ms / 1000, 2),
  round(r.lastMs / 1000, 2),
];
process.stdout.write(
  `\nreminder-push: ${PEOPLE} people, one reminder and one device each, due at the same instant (pool ${POOL})\n\n${table(
    ['side', 'pushes', 'dupes', 'p50 late s', 'p99 late s', 'last s'],
    [
      row('product (worker)', results.product),
      row('reference (web-push)', results.reference),
      [
        'ratio product/ref',
        '',
        '',
        round(results.product.p50Ms / results.reference.p50Ms, 1),
        round(results.product.p99Ms / results.reference.p99Ms, 1),
        round(results.product.lastMs / results.reference.lastMs, 1),
      ],
    ],
  )}\n\n`,
);
// Every payload must have decrypted and every person got their push, or the figures mean nothing.
for (const [side, r] of Object.entries(results))
  if (r.undecryptable > 0 || r.delivered < PEOPLE) {
    process.stderr.write(`${side}: ${r.delivered}/${PEOPLE} delivered, ${r.undecryptable} undecryptable\n`);
    process.exitCode = 1;
  }
process.stdout.write(
  `results: ${writeResults('reminder-push', { people: PEOPLE, pool: POOL, ...results })}\n`,
);
process.exit(process.exitCode ?? 0);
