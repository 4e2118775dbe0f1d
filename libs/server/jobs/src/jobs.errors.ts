import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';

export enum JobsErrorCode {
  /** The queue store (Redis or PostgreSQL) did not take the job: try again. */
  JOBS_UNAVAILABLE = 'JOBS_UNAVAILABLE',
  /** The job itself is wrong (bad id, payload too large or malformed): retrying will not help. */
  JOB_INVALID = 'JOB_INVALID',
  /** Another worker holds this job's idempotency key right now: retried later. */
  JOB_IN_PROGRESS = 'JOB_IN_PROGRESS',
}

export const jobsErrors = {
  [JobsErrorCode.JOBS_UNAVAILABLE]: {
    category: ErrorCategory.UNAVAILABLE,
    message: 'The service is briefly unavailable. Please try again in a moment.',
  },
  [JobsErrorCode.JOB_INVALID]: { category: ErrorCategory.BAD_INPUT, message: 'The request is not valid.' },
  [JobsErrorCode.JOB_IN_PROGRESS]: {
    category: ErrorCategory.CONFLICT,
    message: 'This is already being handled.',
  },
} satisfies ErrorDefinitions<JobsErrorCode>;

export const jobsError = defineErrors(jobsErrors);
