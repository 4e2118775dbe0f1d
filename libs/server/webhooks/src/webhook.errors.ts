import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { WEBHOOK_LIMITS } from '@pa/shared-domain';

export enum WebhookErrorCode {
  /** The URL is refused; `details.reason` says why (not_https, private_address, …). */
  WEBHOOK_URL_INVALID = 'WEBHOOK_URL_INVALID',
  WEBHOOK_EVENTS_INVALID = 'WEBHOOK_EVENTS_INVALID',
  WEBHOOK_LIMIT_REACHED = 'WEBHOOK_LIMIT_REACHED',
  WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND',
}

export const webhookErrors = {
  [WebhookErrorCode.WEBHOOK_URL_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please give a public https:// address for the endpoint.',
  },
  [WebhookErrorCode.WEBHOOK_EVENTS_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please choose at least one event from the list.',
  },
  [WebhookErrorCode.WEBHOOK_LIMIT_REACHED]: {
    category: ErrorCategory.CONFLICT,
    message: `You have ${WEBHOOK_LIMITS.perPerson} endpoints already. Delete one you no longer use first.`,
  },
  [WebhookErrorCode.WEBHOOK_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That webhook endpoint does not exist.',
  },
} satisfies ErrorDefinitions<WebhookErrorCode>;

export const webhookError = defineErrors(webhookErrors);
