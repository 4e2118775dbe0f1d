import { UnrecoverableError, type Job, type JobType } from 'bullmq';
import { randomUUID } from 'node:crypto';
import {
  AppError,
  currentCorrelationId,
  runWithContext,
  withConsumerSpan,
  withProducerSpan,
  type Logger,
  type Runtime,
} from '@pa/server-core';
import { createJobBackend, type JobBackend, type QueueHandle, type WorkerHandle } from './bullmq-backend';
import { jobMetrics } from './job-metrics';
import { splitJobData, withJobMeta } from './job-meta';
import {
  checkEnqueue,
  isPermanentFailure,
  jobDefaults,
  toBackendJobId,
  workerLockOptions,
  type JobsConfig,
} from './job-policy';
import type { JobName } from './job-payloads';
import type { FailedJob, JobCounts, JobProcessor, JobQueue, JobWorkers } from './job-queue';
import { JobsErrorCode, jobsError } from './jobs.errors';
import { takeTraceMeta, withTraceMeta } from './job-trace';

const spanAttributes = (name: string) => ({
  'messaging.system': 'bullmq',
  'messaging.destination.name': name,
});

export interface JobQueueOptions {
  /** Overrides of the JOBS_* settings (tests use short backoffs). */
  settings?: Partial<JobsConfig>;
  /** Store override; by default Redis when the runtime has it, else PostgreSQL. */
  backend?: JobBackend;
}

function settingsOf(runtime: Runtime, overrides?: Partial<JobsConfig>): JobsConfig {
  return { ...runtime.config, ...overrides };
}

/** Logs a store error at most once per interval (a down Redis makes BullMQ report every retry). */
function throttledErrorLog(logger: Logger, what: string, intervalMs = 10_000): (err: Error) => void {
  let last = 0;
  return (err) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    logger.warn({ err: { message: err.message } }, `${what}: job store error`);
  };
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What the failed set shows for an error: our stable code (and the cause's code) before the message. */
export function failedReasonOf(err: unknown): string {
  if (!(err instanceof AppError)) return err instanceof Error ? err.message : String(err);
  const reason = err.details?.['reason'];
  return `${err.code}${typeof reason === 'string' ? ` (${reason})` : ''}: ${err.message}`;
}

// How many of the oldest waiting jobs are read per scrape to find the one waiting longest.
const OLDEST_SAMPLE = 20;

/** Since when a waiting job has been ready to run (ms), as well as the stores tell. */
function readySince(job: Job): number {
  // A delayed job became ready at its due time (the PostgreSQL store zeroes `delay` when it promotes
  // one, `opts.delay` keeps it); a retried job after its last run (plus a backoff we do not see).
  return Math.max(
    job.timestamp + (job.opts.delay ?? 0),
    job.timestamp + (job.delay ?? 0),
    job.processedOn ?? 0,
  );
}

/**
 * Seconds the longest-waiting job of a queue has been waiting (0 when none waits). A delayed job
 * past its due time counts as waiting since then: it stays "delayed" until a worker promotes it, so
 * with no worker (or none free to promote it) an overdue reminder would otherwise look like nothing.
 */
async function oldestWaitingSecondsOf(queue: QueueHandle, now = Date.now()): Promise<number> {
  // Both stores list waiting jobs newest first (asc=false): the oldest are the last ones. (Our jobs
  // carry no priority, so BullMQ's separate prioritized set stays empty.)
  const { waiting = 0, delayed = 0 } = await queue.getJobCounts('waiting', 'delayed');
  let since = Infinity;
  if (waiting > 0) {
    const jobs = await queue.getJobs(['waiting'], Math.max(0, waiting - OLDEST_SAMPLE), waiting - 1, false);
    since = Math.min(since, ...jobs.map(readySince));
  }
  if (delayed > 0) {
    // The soonest due first. Only first runs: a retry's backoff is not a due time we can read.
    const soonest = await queue.getJobs(['delayed'], 0, OLDEST_SAMPLE - 1, true);
    for (const job of soonest)
      if (job.attemptsMade === 0) {
        const due = job.timestamp + (job.opts.delay ?? 0);
        if (due < now) since = Math.min(since, due);
      }
  }
  return Number.isFinite(since) ? Math.max(0, (now - since) / 1000) : 0;
}

async function countsOf(queue: QueueHandle): Promise<JobCounts> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
  return {
    waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0),
    active: c['active'] ?? 0,
    delayed: c['delayed'] ?? 0,
    failed: c['failed'] ?? 0,
    completed: c['completed'] ?? 0,
  };
}

// The most jobs per queue `forget` reads (kept finished jobs are capped by JOBS_KEEP_*).
const FORGET_SCAN_MAX = 20_000;
const FORGETTABLE: JobType[] = ['waiting', 'delayed', 'prioritized', 'completed', 'failed'];

/**
 * The JobQueue on BullMQ: one BullMQ queue per job name, in Redis (keys under
 * `${REDIS_KEY_PREFIX}bull:`) or, in the single-process default, in PostgreSQL (schema `pa_jobs`).
 */
export function createJobQueue(runtime: Runtime, options: JobQueueOptions = {}): JobQueue {
  const settings = settingsOf(runtime, options.settings);
  const backend = options.backend ?? createJobBackend(runtime);
  const metrics = jobMetrics(runtime.metrics);
  const queues = new Map<string, QueueHandle>();
  const untrack: (() => void)[] = [];
  const onError = throttledErrorLog(runtime.logger, 'queue');
  // Enqueue must answer promptly even while the store is unreachable (BullMQ waits for a connection).
  const boundMs =
    (backend.kind === 'redis'
      ? runtime.config.REDIS_COMMAND_TIMEOUT_MS
      : runtime.config.DB_CONNECT_TIMEOUT_MS) * 2;
  let closed = false;

  const queueFor = (name: JobName): QueueHandle => {
    if (closed) throw jobsError(JobsErrorCode.JOBS_UNAVAILABLE, { reason: 'closed' });
    let queue = queues.get(name);
    if (!queue) {
      queue = backend.queue(name, jobDefaults(settings));
      queue.on('error', onError);
      queues.set(name, queue);
      const q = queue;
      untrack.push(
        metrics.trackDepth(
          name,
          () => countsOf(q),
          () => oldestWaitingSecondsOf(q),
        ),
      );
    }
    return queue;
  };

  return {
    backend: backend.kind,
    async enqueue(name, payload, opts = {}) {
      checkEnqueue(payload, opts);
      const queue = queueFor(name);
      const jobId = opts.jobId === undefined ? undefined : toBackendJobId(opts.jobId);
      try {
        // Traced: a PRODUCER span whose context the job carries to the worker's CONSUMER span; the
        // request's correlation id travels in the job too (meta.requestId), so its logs join up.
        const job = await withProducerSpan(`${name} publish`, spanAttributes(name), (carrier) =>
          bounded(
            queue.add(
              name,
              withTraceMeta(withJobMeta(payload, { requestId: currentCorrelationId() }), carrier),
              {
                ...(jobId ? { jobId } : {}),
                ...(opts.delayMs ? { delay: opts.delayMs } : {}),
                ...(opts.attempts ? { attempts: opts.attempts } : {}),
                ...(opts.backoffMs
                  ? { backoff: { type: 'exponential' as const, delay: opts.backoffMs } }
                  : {}),
              },
            ),
            boundMs,
            'enqueue',
          ),
        );
        return { jobId: job.id ?? jobId ?? '' };
      } catch (err) {
        runtime.logger.warn({ err: { message: (err as Error).message }, job: name }, 'enqueue failed');
        throw jobsError(JobsErrorCode.JOBS_UNAVAILABLE, undefined, { cause: err });
      }
    },
    async counts(name) {
      try {
        return await bounded(countsOf(queueFor(name)), boundMs, 'counts');
      } catch (err) {
        throw jobsError(JobsErrorCode.JOBS_UNAVAILABLE, undefined, { cause: err });
      }
    },
    async listFailed(name, limit = 50): Promise<FailedJob[]> {
      const n = Math.max(1, Math.min(limit, 1000));
      const jobs = await bounded(queueFor(name).getFailed(0, n - 1), boundMs, 'listFailed');
      return jobs.map((job) => ({
        jobId: job.id ?? '',
        name: job.name,
        failedReason: job.failedReason ?? '',
        attemptsMade: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      }));
    },
    async forget(names, needles) {
      const wanted = needles.filter((n) => n.length >= 6);
      if (wanted.length === 0) return 0;
      let removed = 0;
      if (closed) throw jobsError(JobsErrorCode.JOBS_UNAVAILABLE, { reason: 'closed' });
      for (const name of names) {
        // A connection of its own for this rare sweep: a long-lived producer whose first connection
        // failed keeps answering with that failure, and erasure must not depend on it.
        const queue = backend.queue(name, jobDefaults(settings));
        queue.on('error', onError);
        try {
          removed += await forgetIn(queue, name);
        } finally {
          await queue.close().catch(() => undefined);
        }
      }
      return removed;

      async function forgetIn(queue: QueueHandle, name: string): Promise<number> {
        let count = 0;
        const step = <T>(what: string, p: Promise<T>) =>
          bounded(p, boundMs * 5, 'forget').catch((err: unknown) => {
            throw new Error(`forget ${name} ${what}: ${(err as Error).message}`, { cause: err });
          });
        const ids: string[] = [];
        // Bounded: pages of 200, at most FORGET_SCAN_MAX jobs per queue; removed after reading so
        // the pages do not shift under the scan.
        for (let start = 0; start < FORGET_SCAN_MAX; start += 200) {
          const jobs = await step('read', queue.getJobs(FORGETTABLE, start, start + 199));
          for (const job of jobs) {
            const text = [
              job.id,
              JSON.stringify(job.data),
              JSON.stringify(job.returnvalue ?? null),
              job.failedReason,
            ].join(' ');
            if (job.id && wanted.some((n) => text.includes(n))) ids.push(job.id);
          }
          if (jobs.length < 200) break;
        }
        for (const id of ids) count += await step('remove', queue.remove(id));
        // The event stream names the removed jobs too; nothing in the product reads it back.
        if (ids.length > 0 && backend.kind === 'redis' && queue.trimEvents)
          await step('trim', queue.trimEvents(0));
        return count;
      }
    },
    observe(name) {
      queueFor(name);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const u of untrack) u();
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => undefined)));
    },
  };
}

export interface JobWorkersOptions extends JobQueueOptions {
  /** When given, the depth of every processed queue is reported through it. */
  queue?: JobQueue;
}

/** The worker side on BullMQ: one BullMQ worker per registered job name. */
export function createJobWorkers(runtime: Runtime, options: JobWorkersOptions = {}): JobWorkers {
  const settings = settingsOf(runtime, options.settings);
  const backend = options.backend ?? createJobBackend(runtime);
  const metrics = jobMetrics(runtime.metrics);
  const workers: WorkerHandle[] = [];
  const active = new Set<Promise<unknown>>();
  let stopping: Promise<{ drained: boolean }> | undefined;

  return {
    register<N extends JobName>(name: N, processor: JobProcessor<N>, opts: { concurrency?: number } = {}) {
      if (stopping) throw new Error('job workers are stopping');
      const logger = runtime.logger.child({ queue: name });
      const run = async (job: Job) => {
        // The trace context first (it keeps other meta keys), then the correlation id.
        const { payload: data, carrier } = takeTraceMeta(job.data);
        const { payload, meta } = splitJobData(data);
        const context = {
          jobId: job.id ?? '',
          name,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          logger: logger.child({ jobId: job.id }),
        };
        try {
          // Every line the job logs (any logger: core's mixin reads the context) carries the request's
          // id, and every job it queues inherits it. A job queued outside a request gets its own id.
          const correlationId = meta.requestId ?? randomUUID();
          await runWithContext({ correlationId }, () =>
            withConsumerSpan(
              `${name} process`,
              carrier,
              {
                ...spanAttributes(name),
                'messaging.message.id': context.jobId,
                'pa.job.attempt': context.attempt,
              },
              async () => {
                const started = Date.now();
                context.logger.debug({ attempt: context.attempt }, 'job started');
                await processor(payload as Parameters<JobProcessor<N>>[0], context);
                context.logger.debug({ durationMs: Date.now() - started }, 'job done');
              },
            ),
          );
        } catch (err) {
          // A job that cannot succeed goes straight to the failed set instead of burning its retries.
          if (isPermanentFailure(err)) throw new UnrecoverableError(failedReasonOf(err));
          throw err instanceof AppError ? new Error(failedReasonOf(err), { cause: err }) : err;
        }
      };
      const worker = backend.worker(
        name,
        (job: Job) => {
          const p = run(job);
          active.add(p);
          void p.then(
            () => active.delete(p),
            () => active.delete(p),
          );
          return p;
        },
        { concurrency: opts.concurrency ?? settings.JOBS_CONCURRENCY, ...workerLockOptions(settings) },
      );
      worker.on('error', throttledErrorLog(runtime.logger, `worker ${name}`));
      worker.on('completed', () => metrics.processed.inc({ queue: name }));
      worker.on('failed', (job, err) => {
        const final =
          err instanceof UnrecoverableError || !job || job.attemptsMade >= (job.opts.attempts ?? 1);
        metrics.failed.inc({ queue: name, final: String(final) });
        if (!final) metrics.retried.inc({ queue: name });
        logger[final ? 'error' : 'warn'](
          { jobId: job?.id, attempt: job?.attemptsMade, final, reason: err.message },
          final ? 'job failed for good' : 'job failed: will retry',
        );
      });
      worker.on('stalled', (jobId) => {
        metrics.stalled.inc({ queue: name });
        logger.warn({ jobId }, 'job stalled: its worker lost the lock; it runs again');
      });
      workers.push(worker);
      options.queue?.observe(name);
    },
    stop(timeoutMs) {
      stopping ??= (async () => {
        const deadline = Date.now() + timeoutMs;
        // Stop taking jobs, then give the running ones until the deadline.
        await Promise.all(workers.map((w) => w.pause(true).catch(() => undefined)));
        const drained = await Promise.race([
          Promise.allSettled([...active]).then(() => true),
          new Promise<boolean>((resolve) =>
            setTimeout(resolve, Math.max(0, deadline - Date.now()), false).unref(),
          ),
        ]);
        if (drained) {
          await Promise.race([
            Promise.all(workers.map((w) => w.close().catch(() => undefined))),
            new Promise((resolve) => setTimeout(resolve, Math.max(100, deadline - Date.now())).unref()),
          ]);
        } else {
          runtime.logger.warn(
            { active: active.size },
            'jobs still running at the deadline: cut (they will be retried)',
          );
          await Promise.all(workers.map((w) => w.close(true).catch(() => undefined)));
        }
        return { drained };
      })();
      return stopping;
    },
  };
}
