// Benchmark reference for the login storm: what the password hash alone costs. CONCURRENCY async
// loops in this one process, each calling `argon2.verify(hash, password)` back to back (the same
// `argon2` package and libuv thread pool the API uses) for DURATION_SECONDS. Verifies that finish
// after the deadline are not counted, like autocannon's requests still in flight at its end.
// Writes its figures as JSON to RESULT_FILE and exits.
import { writeFileSync } from 'node:fs';
import argon2 from 'argon2';

const hash = process.env.ARGON2_HASH;
const password = process.env.ARGON2_PASSWORD;
const concurrency = Number(process.env.CONCURRENCY);
const seconds = Number(process.env.DURATION_SECONDS);
const resultFile = process.env.RESULT_FILE;
if (!hash?.startsWith('$argon2id$') || !password || !resultFile)
  throw new Error('ARGON2_HASH (argon2id), ARGON2_PASSWORD and RESULT_FILE are required');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000)
  throw new Error('CONCURRENCY must be an integer in [1, 1000]');
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
  throw new Error('DURATION_SECONDS must be in (0, 600]');

// One untimed verify: loads the addon and checks the hash and password really match.
if (!(await argon2.verify(hash, password))) throw new Error('the password does not match ARGON2_HASH');

const latencies = [];
let failed = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const deadline = t0 + seconds * 1000;
async function loop() {
  // Bounded by the deadline: each iteration takes one full verify.
  while (performance.now() < deadline) {
    const start = performance.now();
    const ok = await argon2.verify(hash, password).catch(() => false);
    const end = performance.now();
    if (end > deadline) break;
    if (ok) latencies.push(end - start);
    else failed++;
  }
}
await Promise.all(Array.from({ length: concurrency }, loop));
const cpu = process.cpuUsage(cpu0); // this process, every thread (the libuv pool runs argon2)
const wallSeconds = (performance.now() - t0) / 1000;

latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
writeFileSync(
  resultFile,
  JSON.stringify({
    concurrency,
    durationSeconds: seconds,
    verifies: latencies.length,
    failed,
    verifiesPerSec: latencies.length / seconds,
    latencyP50Ms: pct(50),
    latencyP99Ms: pct(99),
    latencyAvgMs: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    cpuCores: (cpu.user + cpu.system) / 1e6 / wallSeconds,
    threadPoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
  }),
);
process.exit(0);
