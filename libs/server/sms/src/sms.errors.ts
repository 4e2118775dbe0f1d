import { AppError, defineErrors, ErrorCategory, type ErrorDefinitions } from '@pa/server-core';
import { SmsErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { SmsErrorCode };

export const smsErrors = {
  [SmsErrorCode.SMS_INVALID_NUMBER]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'This phone number cannot receive text messages. Check it and try again.',
  },
  [SmsErrorCode.SMS_INVALID_BODY]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'This text message is empty or too long.',
  },
  [SmsErrorCode.SMS_REJECTED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'We could not send a text message to this number.',
  },
  [SmsErrorCode.SMS_RATE_LIMITED]: {
    category: ErrorCategory.RATE_LIMITED,
    message: 'Too many text messages right now. Please try again in a moment.',
  },
  [SmsErrorCode.SMS_MISCONFIGURED]: {
    category: ErrorCategory.INTERNAL,
    message: 'Text messages cannot be sent right now. We are looking into it.',
  },
  [SmsErrorCode.SMS_UNAVAILABLE]: {
    category: ErrorCategory.UNAVAILABLE,
    message: 'Text messages are briefly unavailable. Please try again in a moment.',
  },
} satisfies ErrorDefinitions<SmsErrorCode>;

/** Makes an SmsError: `smsError(SmsErrorCode.SMS_INVALID_NUMBER, { field: 'to' })`. */
export const smsError = defineErrors(smsErrors);

export type SmsError = AppError<SmsErrorCode>;

const codes = new Set<string>(Object.values(SmsErrorCode));

/** Whether `err` is an SmsError. */
export function isSmsError(err: unknown): err is SmsError {
  return err instanceof AppError && codes.has(err.code);
}

/** Whether sending again later may succeed (a job should retry, not give up). */
export function isRetryableSmsError(err: unknown): boolean {
  return (
    isSmsError(err) &&
    (err.code === SmsErrorCode.SMS_UNAVAILABLE || err.code === SmsErrorCode.SMS_RATE_LIMITED)
  );
}
