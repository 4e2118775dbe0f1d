import { createHash } from 'node:crypto';
import { AppError, ErrorCategory, type AppConfig } from '@pa/server-core';
import { JobsErrorCode, jobsError } from './jobs.errors';
import type { EnqueueOptions } from './job-queue';

export type JobsConfig = Pick<
  AppConfig,
  | 'JOBS_ATTEMPTS'
  | 'JOBS_BACKOFF_MS'
  | 'JOBS_CONCURRENCY'
  | 'JOBS_KEEP_COMPLETED'
  | 'JOBS_KEEP_FAILED'
  | 'JOBS_LOCK_MS'
  | 'JOBS_STALLED_CHECK_MS'
  | 'JOBS_MAX_STALLED'
>;

/** Largest payload accepted, as JSON (jobs carry ids and short texts, not files). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
const MAX_DELAY_MS = 366 * 24 * 3600 * 1000;
const SAFE_ID = /^[A-Za-z0-9_.-]{1,128}$/;

/** Default options of every job: retries with exponential backoff, completed trimmed, failed kept. */
export function jobDefaults(config: JobsConfig) {
  return {
    attempts: config.JOBS_ATTEMPTS,
    backoff: { type: 'exponential' as const, delay: config.JOBS_BACKOFF_MS },
    removeOnComplete: { count: config.JOBS_KEEP_COMPLETED },
    removeOnFail: { count: config.JOBS_KEEP_FAILED },
  };
}

/**
 * How workers hold and recover jobs: a running job's lock is renewed every lockDuration / 2, so a
 * crashed worker's job is found stalled and retried within lockDuration + stalledInterval.
 */
export function workerLockOptions(config: JobsConfig) {
  return {
    lockDuration: config.JOBS_LOCK_MS,
    stalledInterval: config.JOBS_STALLED_CHECK_MS,
    maxStalledCount: config.JOBS_MAX_STALLED,
  };
}

/** The wait before retry n (1-based) under BullMQ's exponential backoff: base × 2^(n−1). */
export function backoffDelayMs(retry: number, baseMs: number): number {
  return Math.round(2 ** (retry - 1) * baseMs);
}

/**
 * Our job id → one BullMQ accepts (no `:`, not all digits). Safe ids pass unchanged; any other id maps
 * to a hash of itself, so the same id always gives the same job and idempotency holds.
 */
export function toBackendJobId(jobId: string): string {
  if (SAFE_ID.test(jobId) && !/^\d+$/.test(jobId)) return jobId;
  return `h-${createHash('sha256').update(jobId).digest('base64url')}`;
}

/** Checks enqueue input; throws JOB_INVALID naming what is wrong. */
export function checkEnqueue(payload: unknown, options: EnqueueOptions): void {
  const bad = (field: string, reason: string) => jobsError(JobsErrorCode.JOB_INVALID, { field, reason });
  if (options.jobId !== undefined && (options.jobId.length === 0 || options.jobId.length > 512))
    throw bad('jobId', '1 to 512 characters');
  if (
    options.delayMs !== undefined &&
    !(Number.isInteger(options.delayMs) && options.delayMs >= 0 && options.delayMs <= MAX_DELAY_MS)
  )
    throw bad('delayMs', 'a whole number of ms, up to a year');
  if (
    options.attempts !== undefined &&
    !(Number.isInteger(options.attempts) && options.attempts >= 1 && options.attempts <= 50)
  )
    throw bad('attempts', '1 to 50');
  if (
    options.backoffMs !== undefined &&
    !(Number.isInteger(options.backoffMs) && options.backoffMs >= 10 && options.backoffMs <= 3_600_000)
  )
    throw bad('backoffMs', '10 ms to an hour');
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    throw bad('payload', 'not serialisable as JSON');
  }
  if (json === undefined || typeof payload !== 'object' || payload === null)
    throw bad('payload', 'an object');
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) throw bad('payload', `at most ${MAX_PAYLOAD_BYTES} bytes`);
}

const PERMANENT = new Set<ErrorCategory>([
  ErrorCategory.BAD_INPUT,
  ErrorCategory.NOT_FOUND,
  ErrorCategory.FORBIDDEN,
  ErrorCategory.UNAUTHENTICATED,
]);

/** Whether a processor's error means "this job can never succeed" (no retry). */
export function isPermanentFailure(err: unknown): boolean {
  return err instanceof AppError && PERMANENT.has(err.category);
}
