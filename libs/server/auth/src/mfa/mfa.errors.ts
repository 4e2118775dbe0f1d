import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { MfaErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { MfaErrorCode };

export const mfaErrors = {
  [MfaErrorCode.MFA_USER_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That account does not exist.',
  },
  [MfaErrorCode.TOTP_ENROLLMENT_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'No authenticator app is being set up. Please start again.',
  },
  // Tampered data or a missing key: an operator problem, never the user's; says nothing more.
  [MfaErrorCode.MFA_SECRET_UNREADABLE]: {
    category: ErrorCategory.INTERNAL,
    message: 'Something went wrong on our side. Please try again.',
  },
} satisfies ErrorDefinitions<MfaErrorCode>;

export const mfaError = defineErrors(mfaErrors);
