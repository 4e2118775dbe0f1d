/** How the SDK retries an answer of HTTP 503 (an instance draining, a dependency briefly down). */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3; 0 turns retrying off). */
  maxRetries: number;
  /** Longest single wait; a `Retry-After` asking for more is not waited for (default 10 s). */
  maxDelayMs: number;
  /** Longest total time spent waiting across retries of one request (default 30 s). */
  maxTotalMs: number;
  /** Wait when the answer has no usable `Retry-After`: doubled each retry (default 500 ms). */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  maxDelayMs: 10_000,
  maxTotalMs: 30_000,
  baseDelayMs: 500,
};

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds (`"5"`) or an HTTP date; undefined when
 * absent or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * The wait before retry number `retry` (1-based), or undefined when the policy says stop: too many
 * retries, a wait longer than `maxDelayMs`, or past the total budget with `waitedMs` already spent.
 */
export function nextDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  waitedMs: number,
): number | undefined {
  if (retry > policy.maxRetries) return undefined;
  const delay = retryAfterMs ?? policy.baseDelayMs * 2 ** (retry - 1);
  if (delay > policy.maxDelayMs) return undefined;
  if (waitedMs + delay > policy.maxTotalMs) return undefined;
  return delay;
}
