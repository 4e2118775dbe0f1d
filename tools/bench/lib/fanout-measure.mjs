// Measuring for realtime-fanout: the delivery tracker, the paced sender loop and the percentiles.
import { round } from './report.mjs';

// Sends still queued this long after the planned end are dropped (and reported as not sent).
const SEND_OVERRUN_MS = 30_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Nearest rank: p99 of 40,000 samples is the 39,600th.
/** p50/p95/p99/max/mean of a list of milliseconds, rounded to 0.01 ms; nulls when empty. */
export function latencyStats(values) {
  const v = Float64Array.from(values).sort();
  const n = v.length;
  const at = (p) => (n === 0 ? NaN : v[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]);
  let sum = 0;
  for (const x of v) sum += x;
  return {
    count: n,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(n === 0 ? NaN : v[n - 1]),
    mean: round(n === 0 ? NaN : sum / n),
  };
}

/** Who listens where and what was sent; counts every delivery per (subscriber, message). */
export function createTracker(subscriberConversations) {
  const sent = new Map(); // clientId → { conv, t, measured, ok }
  const subs = subscriberConversations.map((conv) => ({ conv, seen: new Map(), ready: false }));
  const t = {
    sent,
    subs,
    latencies: [],
    foreign: 0,
    misrouted: 0,
    duplicated: 0,
    warmupDuplicated: 0,
    subscriptionErrors: 0,
    unexpectedCloses: 0,
    lastDeliveryAt: 0,
    measuredDelivered: 0,
    receive(j, clientId, at) {
      const m = sent.get(clientId);
      if (!m) {
        t.foreign += 1;
        return;
      }
      const sub = subs[j];
      if (m.conv !== sub.conv) {
        t.misrouted += 1;
        return;
      }
      const n = sub.seen.get(clientId) ?? 0;
      sub.seen.set(clientId, n + 1);
      if (!m.measured) {
        sub.ready = true;
        if (n > 0) t.warmupDuplicated += 1;
        return;
      }
      if (n > 0) {
        t.duplicated += 1;
        return;
      }
      t.latencies.push(at - m.t);
      t.measuredDelivered += 1;
      t.lastDeliveryAt = at;
    },
  };
  return t;
}

/**
 * Sends `count` messages at `rate` per second, message k to conversation k mod C, with at most
 * `concurrency` in flight. Bounded in count and in time (planned duration + SEND_OVERRUN_MS).
 */
export async function pace({ count, rate, concurrency, conversations, sendOne }) {
  const interval = 1000 / rate;
  const start = performance.now();
  const deadline = start + count * interval + SEND_OVERRUN_MS;
  const lags = [];
  const durations = [];
  const pending = [];
  let errors = 0;
  let firstError;
  let inflight = 0;
  let wake;
  let k = 0;
  let lastIssue = start;
  while (k < count) {
    const now = performance.now();
    if (now > deadline) break;
    const due = start + k * interval;
    if (due > now) {
      await sleep(due - now);
      continue;
    }
    if (inflight >= concurrency) {
      await Promise.race([new Promise((resolve) => (wake = resolve)), sleep(1000)]);
      continue;
    }
    const index = k;
    k += 1;
    lags.push(now - due);
    lastIssue = now;
    inflight += 1;
    const begun = performance.now();
    pending.push(
      sendOne(index, index % conversations)
        .then(() => durations.push(performance.now() - begun))
        .catch((err) => {
          errors += 1;
          firstError ??= String(err?.message ?? err).slice(0, 300);
        })
        .finally(() => {
          inflight -= 1;
          wake?.();
          wake = undefined;
        }),
    );
  }
  await Promise.all(pending);
  return {
    planned: count,
    issued: k,
    errors,
    firstError,
    // k messages over k slots: the rate actually held, from the first send to the last one issued.
    achievedPerSec: k > 0 ? k / ((lastIssue - start + interval) / 1000) : 0,
    lags,
    durations,
    endedAt: performance.now(),
  };
}

/** Waits until `done()` or `ms` passed; returns whether it was done. */
export async function waitFor(done, ms) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (done()) return true;
    await sleep(20);
  }
  return done();
}
