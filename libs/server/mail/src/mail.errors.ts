import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { MailErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { MailErrorCode };

export const mailErrors = {
  [MailErrorCode.MAIL_NOT_CONFIGURED]: {
    category: ErrorCategory.UNAVAILABLE,
    message: 'Email is not available right now. Please try again later.',
  },
  [MailErrorCode.MAIL_UNAVAILABLE]: {
    category: ErrorCategory.UNAVAILABLE,
    message: 'Email is briefly unavailable. It will be sent as soon as possible.',
  },
  [MailErrorCode.MAIL_REJECTED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'The email could not be delivered to that address.',
  },
  [MailErrorCode.MAIL_INVALID]: { category: ErrorCategory.BAD_INPUT, message: 'The email is not valid.' },
} satisfies ErrorDefinitions<MailErrorCode>;

export const mailError = defineErrors(mailErrors);
