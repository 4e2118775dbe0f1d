import { Counter, Gauge, type Registry } from 'prom-client';
import type { Metrics } from '@pa/server-core';
import type { JobCounts } from './job-queue';

type DepthReader = () => Promise<JobCounts>;

/** The job metrics of one process (one set per metrics registry, shared by every queue and worker). */
export interface JobMetrics {
  processed: Counter<'queue'>;
  /** Every failed run; `final` is "true" when no retry follows. */
  failed: Counter<'queue' | 'final'>;
  /** Adds a queue to the depth gauge; the returned function takes it out. */
  trackDepth(queue: string, read: DepthReader): () => void;
}

const PREFIX = 'pa_';
const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const COLLECT_TIMEOUT_MS = 1000;
const byRegistry = new WeakMap<Registry, JobMetrics>();

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Registers (once per registry) `pa_jobs_depth{queue,state}`, read from the store at scrape time, and
 * `pa_jobs_processed_total{queue}` / `pa_jobs_failed_total{queue,final}`. The depth gauge reads
 * asynchronously (core's `metrics.gauge` is synchronous), so it is a prom-client Gauge on the same
 * registry; a store that does not answer within a second leaves that queue out of the scrape.
 */
export function jobMetrics(metrics: Metrics): JobMetrics {
  const existing = byRegistry.get(metrics.registry);
  if (existing) return existing;
  // Several holders may track one queue (the API's queue and the worker's, in one process): the
  // latest still open answers.
  const readers = new Map<string, DepthReader[]>();
  new Gauge({
    name: `${PREFIX}jobs_depth`,
    help: 'Background jobs by queue and state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      await Promise.all(
        [...readers].map(async ([queue, list]) => {
          const read = list.at(-1);
          if (!read) return;
          try {
            const counts = await withTimeout(read(), COLLECT_TIMEOUT_MS);
            for (const state of DEPTH_STATES) this.set({ queue, state }, counts[state]);
          } catch {
            // The store is down or slow: /readyz reports it; the scrape must still answer.
          }
        }),
      );
    },
  });
  const created: JobMetrics = {
    processed: new Counter({
      name: `${PREFIX}jobs_processed_total`,
      help: 'Background jobs completed, by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
    }),
    failed: new Counter({
      name: `${PREFIX}jobs_failed_total`,
      help: 'Background job runs that failed, by queue; final="true" when no retry follows',
      labelNames: ['queue', 'final'] as const,
      registers: [metrics.registry],
    }),
    trackDepth(queue, read) {
      readers.set(queue, [...(readers.get(queue) ?? []), read]);
      return () => {
        const rest = (readers.get(queue) ?? []).filter((r) => r !== read);
        if (rest.length > 0) readers.set(queue, rest);
        else readers.delete(queue);
      };
    },
  };
  byRegistry.set(metrics.registry, created);
  return created;
}
