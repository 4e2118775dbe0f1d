import { Counter, Gauge, type Registry } from 'prom-client';
import type { Metrics } from '@pa/server-core';
import type { JobCounts } from './job-queue';

type DepthReader = () => Promise<JobCounts>;
type AgeReader = () => Promise<number>;
interface Reader {
  depth: DepthReader;
  age?: AgeReader;
}

/** The job metrics of one process (one set per metrics registry, shared by every queue and worker). */
export interface JobMetrics {
  processed: Counter<'queue'>;
  /** Every failed run; `final` is "true" when no retry follows. */
  failed: Counter<'queue' | 'final'>;
  /** Failed runs that will run again (backoff). */
  retried: Counter<'queue'>;
  /** Jobs whose worker lost the lock (crash, blocked event loop) and that BullMQ put back. */
  stalled: Counter<'queue'>;
  /** Adds a queue to the depth (and oldest-waiting-age) gauges; the returned function takes it out. */
  trackDepth(queue: string, read: DepthReader, age?: AgeReader): () => void;
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
 * Registers (once per registry) `pa_jobs_depth{queue,state}` and `pa_jobs_oldest_waiting_seconds{queue}`,
 * read from the store at scrape time, and `pa_jobs_{processed,failed,retried,stalled}_total`. The depth gauge reads
 * asynchronously (core's `metrics.gauge` is synchronous), so it is a prom-client Gauge on the same
 * registry; a store that does not answer within a second leaves that queue out of the scrape.
 */
export function jobMetrics(metrics: Metrics): JobMetrics {
  const existing = byRegistry.get(metrics.registry);
  if (existing) return existing;
  // Several holders may track one queue (the API's queue and the worker's, in one process): the
  // latest still open answers.
  const readers = new Map<string, Reader[]>();
  new Gauge({
    name: `${PREFIX}jobs_oldest_waiting_seconds`,
    help: 'Age in seconds of the oldest job waiting to run, by queue (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      await Promise.all(
        [...readers].map(async ([queue, list]) => {
          const read = list.at(-1)?.age;
          if (!read) return;
          try {
            this.set({ queue }, await withTimeout(read(), COLLECT_TIMEOUT_MS));
          } catch {
            // As for depth: a store that does not answer leaves the queue out of this scrape.
          }
        }),
      );
    },
  });
  new Gauge({
    name: `${PREFIX}jobs_depth`,
    help: 'Background jobs by queue and state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      await Promise.all(
        [...readers].map(async ([queue, list]) => {
          const read = list.at(-1)?.depth;
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
    retried: new Counter({
      name: `${PREFIX}jobs_retried_total`,
      help: 'Background job runs that failed and will be retried, by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
    }),
    stalled: new Counter({
      name: `${PREFIX}jobs_stalled_total`,
      help: 'Background jobs found stalled (worker lost the lock) and put back, by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
    }),
    trackDepth(queue, depth, age) {
      const reader: Reader = { depth, ...(age ? { age } : {}) };
      readers.set(queue, [...(readers.get(queue) ?? []), reader]);
      return () => {
        const rest = (readers.get(queue) ?? []).filter((r) => r !== reader);
        if (rest.length > 0) readers.set(queue, rest);
        else readers.delete(queue);
      };
    },
  };
  byRegistry.set(metrics.registry, created);
  return created;
}
