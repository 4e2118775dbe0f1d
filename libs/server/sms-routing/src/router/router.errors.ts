import { defineErrors, ErrorCategory, type ErrorDefinitions } from '@pa/server-core';
import { SmsWebhookErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { SmsWebhookErrorCode };

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
