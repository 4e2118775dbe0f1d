// autocannon runs against 127.0.0.1 and their summary, and the alternating-rounds method shared by the
// throughput scenarios.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { HOST } from './net.mjs';
import { median, round } from './report.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function summarizeCannon(r) {
  return {
    reqPerSec: round(r.requests.average, 0),
    totalRequests: r.requests.total,
    durationSeconds: r.duration,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    latencyAvgMs: round(r.latency.average),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    mismatches: r.mismatches,
  };
}

/**
 * POST /graphql with `body` for `seconds` on `connections` keep-alive connections, pipelining 1.
 * `expectBody`: every response is compared with it (a mismatch is counted). `requests`: autocannon's
 * per-request hooks (setupRequest / onResponse), for bodies or headers that change per request.
 */
export function runCannon({ port, body, headers = {}, expectBody, requests, seconds, connections }) {
  return new Promise((resolve, reject) => {
    const guard = { timer: undefined };
    const instance = autocannon(
      {
        url: `http://${HOST}:${port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        ...(expectBody ? { expectBody } : {}),
        ...(requests ? { requests } : {}),
      },
      (err, result) => {
        clearTimeout(guard.timer);
        if (err) reject(err);
        else resolve(result);
      },
    );
    guard.timer = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
  });
}

const CLOCK_TICKS = 100; // USER_HZ: 100 on Linux x86-64 and arm64

/** CPU seconds (user + system, all threads) a process has used so far; undefined off Linux. */
function processCpuSeconds(pid) {
  try {
    // Fields after the `(comm)`: state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Cores used on average during fn() by the server process `pid` (if any) and by this process (autocannon). */
async function withCpu(pid, fn) {
  const wall0 = performance.now();
  const self0 = process.cpuUsage();
  const server0 = pid ? processCpuSeconds(pid) : undefined;
  const result = await fn();
  const wall = (performance.now() - wall0) / 1000;
  const self = process.cpuUsage(self0);
  const server1 = pid ? processCpuSeconds(pid) : undefined;
  const cpu = {
    loadGeneratorCores: round((self.user + self.system) / 1e6 / wall),
    ...(server0 !== undefined && server1 !== undefined
      ? { serverCores: round((server1 - server0) / wall) }
      : {}),
  };
  return { ...result, cpu: { ...cpu, ...result.cpu } };
}

/**
 * The method of every throughput scenario: a warm-up per side, then `rounds` rounds in which both
 * sides are loaded one after the other, alternating which goes first so slow drift (thermal, other
 * load) hits both equally. `load(side, seconds)` returns a summary with the figures to take medians of;
 * `pids[side]`: the server process whose CPU use is recorded with each measured round.
 */
export async function alternatingRounds({
  name,
  warmup,
  rounds,
  duration,
  load,
  describe,
  pids = {},
  rateKey = 'reqPerSec',
}) {
  if (warmup > 0) {
    console.log(`${name}: warm-up ${warmup} s per side`);
    await load('product', warmup, { warmup: true });
    await sleep(500);
    await load('reference', warmup, { warmup: true });
    await sleep(500);
  }
  const rows = [];
  for (let i = 1; i <= rounds; i++) {
    const order = i % 2 ? ['product', 'reference'] : ['reference', 'product'];
    const row = { round: i, order };
    for (const side of order) {
      // CPU used meanwhile by the server under test and by the load generator (this process).
      const r = await withCpu(pids[side], () => load(side, duration, { warmup: false }));
      // CPU time of the server process per operation: far less sensitive to other load on the machine
      // than throughput (a stolen core lowers req/s, not the work each request needs).
      if (r.cpu.serverCores !== undefined && r[rateKey] > 0)
        r.cpu.serverMsPerOp = round((r.cpu.serverCores * 1000) / r[rateKey], 3);
      row[side] = r;
      await sleep(500);
    }
    // Other work on the machine shows here: read a noisy round with this in mind.
    row.loadAverage1m = round(os.loadavg()[0]);
    console.log(`${name}: round ${i}/${rounds}  ${describe(row)}`);
    rows.push(row);
  }
  return rows;
}

/** Medians over rounds of each side's figures (and of the server's CPU ms per request), and the ratios. */
export function summarizeRounds(rows, keys, ratioDigits = {}) {
  const side = (s) => ({
    ...Object.fromEntries(
      keys.map((k) => [k, round(median(rows.map((r) => r[s][k])), k === 'reqPerSec' ? 0 : 2)]),
    ),
    serverCpuMsPerOp: round(median(rows.map((r) => r[s].cpu?.serverMsPerOp)), 3),
  });
  const product = side('product');
  const reference = side('reference');
  const ratio = Object.fromEntries(
    [...keys, 'serverCpuMsPerOp'].map((k) => [k, round(product[k] / reference[k], ratioDigits[k] ?? 2)]),
  );
  return { product, reference, ratio };
}
