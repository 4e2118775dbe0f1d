// Figures and their presentation: medians, ratios, machine description, the console table.
import os from 'node:os';
import { readFileSync } from 'node:fs';

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export const round = (x, digits = 2) =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null;

export function machineInfo() {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => round(x)),
  };
}

export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) =>
    r.map((c) => (c === null || c === undefined ? '—' : String(c))),
  );
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

// CPU used on average during a measured round (cores), product / reference.
const cores = (r, key) => `${r.product.cpu?.[key] ?? '—'} / ${r.reference.cpu?.[key] ?? '—'}`;

const pick = (x) => ({
  a: x.reqPerSec,
  b: x.latencyP50Ms,
  c: x.latencyP99Ms,
  d: x.latencyAvgMs,
  e: x.serverCpuMsPerOp,
});

export function renderReport(results) {
  const out = [];
  const m = results.machine;
  out.push(`Machine: ${m.cores} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}`);
  out.push(
    `PostgreSQL ${results.postgresVersion ?? '?'}; load average at start ${m.loadAverageAtStart.join(' / ')}`,
  );
  const throughput = (name, scenario, productLabel, referenceLabel) => {
    const c = scenario.config;
    out.push('');
    out.push(
      `${name} — ${c.rounds} rounds × ${c.durationSeconds} s per side, ${c.connections} connections, pipelining 1, warm-up ${c.warmupSeconds} s`,
    );
    out.push(
      table(
        [
          'round',
          'product req/s',
          'reference req/s',
          'product p50/p99 ms',
          'reference p50/p99 ms',
          'server cores p/r',
          'autocannon cores p/r',
          'load 1m',
        ],
        scenario.rounds.map((r) => [
          `${r.round} (${r.order[0]} first)`,
          r.product.reqPerSec,
          r.reference.reqPerSec,
          `${r.product.latencyP50Ms} / ${r.product.latencyP99Ms}`,
          `${r.reference.latencyP50Ms} / ${r.reference.latencyP99Ms}`,
          cores(r, 'serverCores'),
          cores(r, 'loadGeneratorCores'),
          r.loadAverage1m,
        ]),
      ),
    );
    const s = scenario.summary;
    out.push('');
    out.push(
      table(
        ['median', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'server CPU ms/req'],
        [
          [productLabel, ...Object.values(pick(s.product))],
          [referenceLabel, ...Object.values(pick(s.reference))],
          ['ratio product/reference', ...Object.values(pick(s.ratio))],
        ],
      ),
    );
  };
  if (results.scenarios.graphqlRead)
    throughput(
      'graphql-read',
      results.scenarios.graphqlRead,
      'product (API systemInfo)',
      'reference (Fastify + pg)',
    );
  if (results.scenarios.authMe)
    throughput(
      'auth-me',
      results.scenarios.authMe,
      'product (API me, bearer)',
      'reference (Fastify + jose + Redis + pg)',
    );
  const storm = results.scenarios.loginStorm;
  if (storm) {
    const c = storm.config;
    out.push('');
    out.push(
      `login-storm — ${c.rounds} rounds × ${c.durationSeconds} s per side, concurrency ${c.concurrency}, warm-up ${c.warmupSeconds} s, ${c.accounts} accounts, ${c.clientIps} client IPs (X-Forwarded-For)`,
    );
    out.push(
      table(
        [
          'round',
          'product logins/s',
          'reference verifies/s',
          'product p50/p99 ms',
          'reference p50/p99 ms',
          'rate-limited / errors',
          'server cores p/r',
          'load 1m',
        ],
        storm.rounds.map((r) => [
          `${r.round} (${r.order[0]} first)`,
          r.product.perSec,
          r.reference.perSec,
          `${r.product.latencyP50Ms} / ${r.product.latencyP99Ms}`,
          `${r.reference.latencyP50Ms} / ${r.reference.latencyP99Ms}`,
          `${r.product.rateLimited} / ${r.product.other + r.product.errors + r.product.timeouts}`,
          cores(r, 'serverCores'),
          r.loadAverage1m,
        ]),
      ),
    );
    const s = storm.summary;
    const row = (x) => [x.perSec, x.latencyP50Ms, x.latencyP99Ms, x.latencyAvgMs, x.serverCpuMsPerOp];
    out.push('');
    out.push(
      table(
        ['median', 'per s', 'p50 ms', 'p99 ms', 'mean ms', 'server CPU ms/op'],
        [
          ['product (API login)', ...row(s.product)],
          ['reference (argon2.verify loop)', ...row(s.reference)],
          ['ratio product/reference', ...row(s.ratio)],
        ],
      ),
    );
    out.push(
      `answers over the whole scenario (warm-up included): ${storm.answers.ok} signed in, ${storm.answers.rateLimited} RATE_LIMITED, ${storm.answers.other} other errors; at most ${storm.maxLoginsPerIp} logins per client IP`,
    );
  }
  const cold = results.scenarios.coldStart;
  if (cold) {
    out.push('');
    out.push(
      `cold-start — ${cold.config.runs} runs per side, alternating, poll every ${cold.config.pollIntervalMs} ms`,
    );
    out.push(
      table(
        ['', 'median ms', 'min ms', 'max ms', 'runs (ms)'],
        [
          [
            'product (API, first systemInfo)',
            cold.summary.product.medianMs,
            cold.summary.product.minMs,
            cold.summary.product.maxMs,
            cold.runs.product.join(' '),
          ],
          [
            'reference (bare http, first 200)',
            cold.summary.reference.medianMs,
            cold.summary.reference.minMs,
            cold.summary.reference.maxMs,
            cold.runs.reference.join(' '),
          ],
          ['ratio product/reference', cold.summary.ratio, null, null, ''],
        ],
      ),
    );
  }
  if (results.problems.length > 0) {
    out.push('');
    out.push('PROBLEMS (figures are not valid):');
    for (const p of results.problems) out.push(`  - ${p}`);
  }
  return out.join('\n');
}
