import type { Logger } from '@pa/server-core';
import type { JobName, JobPayloads } from './job-payloads';

export interface EnqueueOptions {
  /** Idempotency: a second enqueue with the same jobId (while the first is kept) adds nothing. */
  jobId?: string;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
  /** Overrides JOBS_ATTEMPTS for this job. */
  attempts?: number;
  /** Overrides JOBS_BACKOFF_MS (the first retry's wait, doubled at each one) for this job. */
  backoffMs?: number;
}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** A job that used up its attempts (or failed for good), kept for inspection. */
export interface FailedJob {
  jobId: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  /** ISO time of the last failure. */
  failedAt: string | null;
}

/** The producer side: every process that queues work (API, sms-router, worker) holds one. */
export interface JobQueue {
  /** Which store the jobs live in. */
  readonly backend: 'redis' | 'postgres';
  enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<{ jobId: string }>;
  counts(name: JobName): Promise<JobCounts>;
  listFailed(name: JobName, limit?: number): Promise<FailedJob[]>;
  /**
   * Removes the jobs of these queues (waiting, delayed, finished; not the running ones) whose id or
   * payload contains any of `needles` (e.g. an erased person's id and email). Returns how many went.
   */
  forget(names: readonly string[], needles: readonly string[]): Promise<number>;
  /** Reports this queue's depth in metrics even before anything is enqueued through this instance. */
  observe(name: JobName): void;
  close(): Promise<void>;
}

export interface JobContext {
  jobId: string;
  name: JobName;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  logger: Logger;
}

/**
 * Handles one job. Throwing retries it with backoff; throwing an AppError whose category says the
 * input is wrong (BAD_INPUT, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED) fails it at once. Runs at least
 * once per job, so it must be idempotent.
 */
export type JobProcessor<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

/** The consumer side, in the worker. */
export interface JobWorkers {
  register<N extends JobName>(name: N, processor: JobProcessor<N>, options?: { concurrency?: number }): void;
  /**
   * Stops taking jobs and waits up to timeoutMs for the active ones; past it they are cut (their locks
   * lapse and another worker retries them). Resolves `drained: false` when it had to cut.
   */
  stop(timeoutMs: number): Promise<{ drained: boolean }>;
}
