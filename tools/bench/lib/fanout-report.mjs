// Findings, summary and console table of realtime-fanout.
import { median, round, table } from './report.mjs';

/** What went wrong on one side of one round (empty when nothing did). */
export function findingsOf(side, s, rate) {
  const out = [];
  const add = (cond, text) => cond && out.push(`${side}: ${text}`);
  add(s.lost > 0, `${s.lost} of ${s.expectedDeliveries} deliveries lost`);
  add(s.duplicated > 0, `${s.duplicated} deliveries duplicated`);
  add(s.misrouted > 0, `${s.misrouted} deliveries reached a subscriber of another conversation`);
  add(s.foreign > 0, `${s.foreign} deliveries of messages this run did not send`);
  add(s.sendErrors > 0, `${s.sendErrors} sends failed (first: ${s.firstSendError})`);
  add(s.messagesNotSent > 0, `${s.messagesNotSent} messages not sent within the time bound`);
  add(
    s.achievedRatePerSec < rate * 0.95,
    `send rate held ${round(s.achievedRatePerSec, 1)}/s, not ${rate}/s`,
  );
  add(s.subscriptionErrors > 0, `${s.subscriptionErrors} subscription errors`);
  add(s.unexpectedCloses > 0, `${s.unexpectedCloses} sockets closed during the run`);
  return out;
}

const pct = (s) => [s.latencyMs.p50, s.latencyMs.p95, s.latencyMs.p99, s.latencyMs.max];

/** The console summary. */
export function render(results) {
  const out = [];
  const c = results.config;
  out.push(
    `realtime-fanout — ${c.subscribers} subscribers in ${c.conversations} conversations, ${c.rate} messages/s for ${c.seconds} s (${c.rate * c.seconds} messages), ${c.concurrency} sends in flight at most, warm-up ${c.warmupSeconds} s`,
  );
  out.push(
    table(
      [
        'round / side',
        'sent/s',
        'deliveries',
        'lost',
        'dup',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'send call p50/p99 ms',
        'behind schedule max ms',
        'server CPU ms/msg',
        'load 1m',
      ],
      results.rounds.flatMap((r) =>
        r.order.map((side) => {
          const s = r[side];
          return [
            `${r.round} ${side}`,
            round(s.achievedRatePerSec, 1),
            `${s.delivered}/${s.expectedDeliveries}`,
            s.lost,
            s.duplicated,
            ...pct(s),
            `${s.sendCallMs.p50} / ${s.sendCallMs.p99}`,
            s.sendLagMs.max,
            s.serverCpuMsPerMessage,
            s.loadAverage1m,
          ];
        }),
      ),
    ),
  );
  const sm = results.summary;
  out.push('');
  out.push(
    table(
      ['median over rounds', 'p50 ms', 'p95 ms', 'p99 ms', 'lost', 'duplicated'],
      [
        [
          'product (API: sendMessage + graphql-ws)',
          sm.product.p50,
          sm.product.p95,
          sm.product.p99,
          sm.product.lost,
          sm.product.duplicated,
        ],
        [
          'reference (INSERT + PUBLISH + ws)',
          sm.reference.p50,
          sm.reference.p95,
          sm.reference.p99,
          sm.reference.lost,
          sm.reference.duplicated,
        ],
        ['ratio product/reference', sm.ratio.p50, sm.ratio.p95, sm.ratio.p99, '', ''],
      ],
    ),
  );
  out.push('');
  if (results.findings.length === 0)
    out.push('No delivery lost, duplicated or misrouted; rate held on both sides.');
  else {
    out.push('FINDINGS:');
    for (const f of results.findings) out.push(`  - ${f}`);
  }
  return out.join('\n');
}

/** Per side, the median over rounds of each percentile; lost and duplicated summed. */
export function summarise(rounds) {
  const side = (name) => {
    const list = rounds.map((r) => r[name]);
    const m = (key) => round(median(list.map((s) => s.latencyMs[key])));
    return {
      p50: m('p50'),
      p95: m('p95'),
      p99: m('p99'),
      max: round(Math.max(...list.map((s) => s.latencyMs.max))),
      lost: list.reduce((n, s) => n + s.lost, 0),
      duplicated: list.reduce((n, s) => n + s.duplicated, 0),
    };
  };
  const product = side('product');
  const reference = side('reference');
  const ratio = (k) => round(product[k] / reference[k], 2);
  return { product, reference, ratio: { p50: ratio('p50'), p95: ratio('p95'), p99: ratio('p99') } };
}
