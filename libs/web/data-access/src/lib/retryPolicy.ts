/** graphql-ws treats 4401 as fatal; the session-aware socket reports it under this code instead. */
export const SESSION_ENDED_CLOSE_CODE = 4001;
/** Our own close code when new credentials need a new socket. */
export const RESTART_CLOSE_CODE = 4205;

// Close codes after which reconnecting with the same credentials cannot help: the server refused them.
const REFUSED_CLOSE_CODES = new Set([4401, 4403, SESSION_ENDED_CLOSE_CODE]);

/**
 * Whether graphql-ws should try again after a socket closed or failed to open. A refused socket is
 * retried only when it carried a token: the session is then refreshed or dropped, and the next
 * attempt uses the new credentials (or none).
 */
export function shouldRetrySocket(errOrCloseEvent: unknown, sentToken = false): boolean {
  if (isCloseEvent(errOrCloseEvent)) return sentToken || !REFUSED_CLOSE_CODES.has(errOrCloseEvent.code);
  // A bare network error (server restarting, Wi-Fi switching) is worth retrying too.
  return true;
}

/** Capped exponential backoff with jitter: ~1 s, 2 s, 4 s … up to 30 s. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5));
  return Math.round(base / 2 + random() * (base / 2));
}

/** Whether a close code means the server refused the socket's credentials. */
export function isRefusedCloseCode(code: number): boolean {
  return REFUSED_CLOSE_CODES.has(code);
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}
