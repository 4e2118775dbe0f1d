export type { EmailSendPayload, JobName, JobPayloads } from './job-payloads';
export type {
  EnqueueOptions,
  FailedJob,
  JobContext,
  JobCounts,
  JobProcessor,
  JobQueue,
  JobWorkers,
} from './job-queue';
export { JobsErrorCode, jobsError, jobsErrors } from './jobs.errors';
export {
  MAX_PAYLOAD_BYTES,
  backoffDelayMs,
  isPermanentFailure,
  jobDefaults,
  toBackendJobId,
  workerLockOptions,
  type JobsConfig,
} from './job-policy';
export { jobMetrics, type JobMetrics } from './job-metrics';
export { MicroBatcher } from './micro-batch';
export { splitJobData, withJobMeta, type JobMeta } from './job-meta';
export { JOBS_SCHEMA, createJobBackend, type JobBackend } from './bullmq-backend';
export {
  createJobQueue,
  createJobWorkers,
  type JobQueueOptions,
  type JobWorkersOptions,
} from './bullmq-job-queue';
export {
  createIdempotencyStore,
  createPostgresIdempotencyStore,
  createRedisIdempotencyStore,
  type IdempotencyClaim,
  type IdempotencyStore,
} from './idempotency-store';
export { createEmailSendProcessor, type EmailSendProcessorDeps } from './processors/email-send.processor';
export {
  JOB_STORE_SENTINEL_KEY,
  watchJobStore,
  type JobStoreWatch,
  type JobStoreWatchOptions,
} from './job-store-watch';
