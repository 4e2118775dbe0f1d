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

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) =>
    r.map((c) => (c === null || c === undefined ? '—' : String(c))),
  );
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

const pick = (x) => ({ a: x.reqPerSec, b: x.latencyP50Ms, c: x.latencyP99Ms, d: x.latencyAvgMs });

export function renderReport(results) {
  const out = [];
  const m = results.machine;
  out.push(`Machine: ${m.cores} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}`);
  out.push(
    `PostgreSQL ${results.postgresVersion ?? '?'}; load average at start ${m.loadAverageAtStart.join(' / ')}`,
  );
  const read = results.scenarios.graphqlRead;
  if (read) {
    const c = read.config;
    out.push('');
    out.push(
      `graphql-read — ${c.rounds} rounds × ${c.durationSeconds} s per side, ${c.connections} connections, pipelining 1, warm-up ${c.warmupSeconds} s`,
    );
    out.push(
      table(
        [
          'round',
          'product req/s',
          'reference req/s',
          'product p50/p99 ms',
          'reference p50/p99 ms',
          'load 1m',
        ],
        read.rounds.map((r) => [
          `${r.round} (${r.order[0]} first)`,
          r.product.reqPerSec,
          r.reference.reqPerSec,
          `${r.product.latencyP50Ms} / ${r.product.latencyP99Ms}`,
          `${r.reference.latencyP50Ms} / ${r.reference.latencyP99Ms}`,
          r.loadAverage1m,
        ]),
      ),
    );
    const s = read.summary;
    out.push('');
    out.push(
      table(
        ['median', 'req/s', 'p50 ms', 'p99 ms', 'mean ms'],
        [
          ['product (API systemInfo)', ...Object.values(pick(s.product))],
          ['reference (Fastify + pg)', ...Object.values(pick(s.reference))],
          ['ratio product/reference', ...Object.values(pick(s.ratio))],
        ],
      ),
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
