import type { DataSource } from 'typeorm';
import type { Metrics } from '@pa/server-core';

const registered = new WeakSet<object>();

/**
 * Business metrics read at scrape time: numbers by status, this month's texts by direction and their
 * cost (exact sums, exposed as a float only here, for dashboards), local opt-outs.
 */
export function registerSmsMetrics(metrics: Metrics, ds: DataSource): void {
  if (registered.has(metrics.registry)) return;
  registered.add(metrics.registry);
  metrics.gauge('sms_numbers', 'Dedicated numbers by status', ['status'], async (set) => {
    const rows = (await ds.query(
      `SELECT status, count(*)::int AS n FROM user_phone_numbers GROUP BY status`,
    )) as {
      status: string;
      n: number;
    }[];
    for (const r of rows) set({ status: r.status }, r.n);
  });
  metrics.gauge(
    'sms_messages_month',
    'Texts this calendar month (UTC) by direction',
    ['direction'],
    async (set) => {
      const rows = (await ds.query(
        `SELECT direction, count(*)::int AS n FROM sms_usage_logs
          WHERE kind = 'message' AND occurred_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          GROUP BY direction`,
      )) as { direction: string; n: number }[];
      for (const r of rows) set({ direction: r.direction }, r.n);
    },
  );
  metrics.gauge(
    'sms_cost_month',
    'SMS cost this calendar month (UTC): messages and rentals, by currency',
    ['currency', 'kind'],
    async (set) => {
      const rows = (await ds.query(
        `SELECT currency, kind, sum(price)::text AS total FROM sms_usage_logs
          WHERE price IS NOT NULL AND occurred_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          GROUP BY currency, kind`,
      )) as { currency: string; kind: string; total: string }[];
      for (const r of rows) set({ currency: r.currency.trim(), kind: r.kind }, Number(r.total));
    },
  );
  metrics.gauge('sms_opt_outs', 'Phones that texted STOP to one of our numbers', [], async (set) => {
    const [row] = (await ds.query(`SELECT count(*)::int AS n FROM sms_opt_outs`)) as { n: number }[];
    set({}, row?.n ?? 0);
  });
}
