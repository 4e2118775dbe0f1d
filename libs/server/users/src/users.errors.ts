import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { UsersErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { UsersErrorCode };

export const usersErrors = {
  // details.fields: { [field]: message } — one message per field the form can show beside it.
  [UsersErrorCode.VALIDATION_FAILED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Some fields need another look.',
  },
  // Also the answer for an account that exists but is not the caller's to see.
  [UsersErrorCode.USER_NOT_FOUND]: { category: ErrorCategory.NOT_FOUND, message: 'No such person.' },
  [UsersErrorCode.LAST_ADMINISTRATOR]: {
    category: ErrorCategory.CONFLICT,
    message: 'This is the last active administrator: appoint another one first.',
  },
  [UsersErrorCode.OWN_ACCOUNT]: {
    category: ErrorCategory.CONFLICT,
    message: 'You cannot change your own role or turn off your own account here.',
  },
  // details.retryAfterSeconds: when the next export can be asked for.
  [UsersErrorCode.EXPORT_TOO_SOON]: {
    category: ErrorCategory.RATE_LIMITED,
    message: 'You asked for a copy of your data recently. You can ask again tomorrow.',
  },
  // Unknown, someone else's, not ready or expired: one answer.
  [UsersErrorCode.EXPORT_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'This download is not available. Ask for a new copy in Settings.',
  },
  // details.current: { [kind]: version } — the page showed an older text: show the new one.
  [UsersErrorCode.CONSENT_OUTDATED]: {
    category: ErrorCategory.CONFLICT,
    message: 'This document has a newer version. Please read it again before accepting.',
  },
  [UsersErrorCode.CONSENT_NOT_WITHDRAWABLE]: {
    category: ErrorCategory.BAD_INPUT,
    message:
      'The terms and the privacy notice are what the service runs on: to stop, delete your account in Settings.',
  },
} satisfies ErrorDefinitions<UsersErrorCode>;

export const usersError = defineErrors(usersErrors);

/** One VALIDATION_FAILED error naming every bad field. */
export function validationFailed(fields: Record<string, string>) {
  return usersError(UsersErrorCode.VALIDATION_FAILED, { fields });
}
