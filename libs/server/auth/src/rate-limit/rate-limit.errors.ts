import { AppError, ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { RateLimitErrorCode } from '@pa/shared-contracts';

// One code for every limit and for the account lock-out alike: a distinct ACCOUNT_LOCKED would tell
// an attacker which emails have an account. Lock-out is keyed by the normalised email whether or not
// an account exists, so unknown and known emails answer in exactly the same shape.
// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { RateLimitErrorCode };

export const rateLimitErrors = {
  [RateLimitErrorCode.RATE_LIMITED]: {
    category: ErrorCategory.RATE_LIMITED,
    message: 'Too many attempts. Please wait a moment and try again.',
  },
} satisfies ErrorDefinitions<RateLimitErrorCode>;

const rateLimitError = defineErrors(rateLimitErrors);

/** The structured details a RATE_LIMITED error carries (clients show a countdown from it). */
export interface RateLimitedDetails {
  retryAfterSeconds: number;
}

function waitText(seconds: number): string {
  if (seconds <= 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** A RATE_LIMITED error telling the user how long to wait (at least 1 s, whole seconds). */
export function rateLimitedError(retryAfterSeconds: number): AppError<RateLimitErrorCode> {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return rateLimitError(
    RateLimitErrorCode.RATE_LIMITED,
    { retryAfterSeconds: seconds } satisfies RateLimitedDetails,
    {
      message: `Too many attempts. Please wait ${waitText(seconds)} and try again.`,
    },
  );
}

/** Whether an error is a RATE_LIMITED AppError (e.g. to set a Retry-After header). */
export function isRateLimitedError(error: unknown): error is AppError<RateLimitErrorCode> & {
  details: RateLimitedDetails;
} {
  return error instanceof AppError && error.code === RateLimitErrorCode.RATE_LIMITED;
}
