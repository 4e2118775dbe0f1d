import { Counter, Histogram, type Registry } from 'prom-client';
import type { Metrics } from '@pa/server-core';

/** Push outcomes and how late reminders reach people. */
export interface PushMetrics {
  /** Pushes by outcome: sent, gone (404/410, subscription removed), retry (429/5xx/network), rejected (other 4xx), gave_up. */
  pushes: Counter<'outcome' | 'kind'>;
  /** Seconds between when a reminder was due and when its first push left. */
  lateness: Histogram<'channel'>;
  /** Pushes encrypted ahead of their time: prepared, used as they were, or stale (encrypted again). */
  prepared: Counter<'outcome'>;
}

const byRegistry = new WeakMap<Registry, PushMetrics>();

/** The push metrics of this process's registry (created once). */
export function pushMetrics(metrics: Metrics, prefix = 'pa_'): PushMetrics {
  const existing = byRegistry.get(metrics.registry);
  if (existing) return existing;
  const created: PushMetrics = {
    pushes: new Counter({
      name: `${prefix}push_messages_total`,
      help: 'Web Push messages by outcome (sent, gone, retry, rejected, gave_up) and kind',
      labelNames: ['outcome', 'kind'] as const,
      registers: [metrics.registry],
    }),
    lateness: new Histogram({
      name: `${prefix}reminder_lateness_seconds`,
      help: 'Seconds from a reminder being due to its delivery leaving, by channel',
      labelNames: ['channel'] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [metrics.registry],
    }),
    prepared: new Counter({
      name: `${prefix}push_prepared_total`,
      help: 'Pushes encrypted before they were due: prepared, used as prepared, or stale (payload or device changed, encrypted again)',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    }),
  };
  byRegistry.set(metrics.registry, created);
  return created;
}
