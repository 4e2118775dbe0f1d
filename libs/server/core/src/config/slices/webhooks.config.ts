import { int, slice } from '../schema';

/** Outgoing webhooks (libs/server/webhooks). */
export const webhooksConfig = slice({
  WEBHOOK_MAX_ATTEMPTS: {
    schema: int(1, 20).default(8),
    doc: 'Attempts per webhook delivery (network errors, 5xx and 429 are retried; other 4xx are not).',
  },
  WEBHOOK_BACKOFF_MS: {
    schema: int(10, 3_600_000).default(30_000),
    doc: 'Wait before the first retry of a webhook delivery; doubles at each attempt (8 attempts: about 1 h in all).',
  },
  WEBHOOK_TIMEOUT_MS: {
    schema: int(100, 60_000).default(10_000),
    doc: 'A webhook receiver that has not answered within this long counts as a failed attempt (retried).',
  },
  WEBHOOK_DISABLE_AFTER_FAILURES: {
    schema: int(1, 1000).default(10),
    doc: 'Consecutive failed deliveries (each after its retries) after which an endpoint is disabled and its owner is told by email.',
  },
});
