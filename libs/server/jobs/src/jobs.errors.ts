import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { JobsErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { JobsErrorCode };

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
