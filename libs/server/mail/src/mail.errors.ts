import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';

export enum MailErrorCode {
  /** No SMTP server configured (SMTP_URL unset). */
  MAIL_NOT_CONFIGURED = 'MAIL_NOT_CONFIGURED',
  /** The SMTP server is down, slow, refused our credentials or answered 4xx: worth retrying. */
  MAIL_UNAVAILABLE = 'MAIL_UNAVAILABLE',
  /** The SMTP server refused this message for good (5xx): retrying the same mail gets the same answer. */
  MAIL_REJECTED = 'MAIL_REJECTED',
  /** The mail itself is malformed (bad address, empty subject, too large): never sent. */
  MAIL_INVALID = 'MAIL_INVALID',
}

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
