import { apiErrorOf } from '../apiError';
import type { Verdict } from './outbox';
import type { OutboxFailure, OutboxItem } from './outboxTypes';

// Passing troubles: the item waits and is sent again later (with the same client id).
const PASSING = new Set([
  'NETWORK_ERROR',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'HTTP_408',
]);
// A server error may pass too, but not forever: after this many attempts it is shown as failed.
const SERVER_ERROR_ATTEMPTS = 5;

/** What a failed send means for a queued item: try again later, refused for good, or already done. */
export function judgeOutboxFailure(
  error: unknown,
  item: OutboxItem,
): { verdict: Verdict; failure: OutboxFailure } {
  const { code, message } = apiErrorOf(error);
  const failure = { code, message };
  if (PASSING.has(code) || code === 'HTTP_429' || /^HTTP_5\d\d$/.test(code))
    return { verdict: 'retry', failure };
  if (code === 'INTERNAL_SERVER_ERROR')
    return { verdict: item.attempts + 1 < SERVER_ERROR_ATTEMPTS ? 'retry' : 'failed', failure };
  // Deleting again what an earlier attempt deleted (its answer was lost).
  if (code === 'TASK_NOT_FOUND' && item.action.kind === 'deleteTask') return { verdict: 'landed', failure };
  return { verdict: 'failed', failure };
}
