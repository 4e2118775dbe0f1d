import { defineErrors, ErrorCategory, type ErrorDefinitions } from '@pa/server-core';

export enum SmsWebhookErrorCode {
  /** No X-Twilio-Signature, or one that does not match the URL and body: not from Twilio. */
  INVALID_SIGNATURE = 'INVALID_SIGNATURE',
  /** Signed, but missing or malformed fields. */
  INVALID_WEBHOOK = 'INVALID_WEBHOOK',
}

export const smsWebhookErrors = {
  [SmsWebhookErrorCode.INVALID_SIGNATURE]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'This request is not signed by Twilio.',
  },
  [SmsWebhookErrorCode.INVALID_WEBHOOK]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'This webhook is missing fields or has malformed ones.',
  },
} satisfies ErrorDefinitions<SmsWebhookErrorCode>;

export const smsWebhookError = defineErrors(smsWebhookErrors);
