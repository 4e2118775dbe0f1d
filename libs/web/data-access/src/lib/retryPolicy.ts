// Close codes after which reconnecting cannot help: the server refused this client.
const REFUSED_CLOSE_CODES = new Set([4401, 4403]);

/** Whether graphql-ws should try again after a socket closed or failed to open. */
export function shouldRetrySocket(errOrCloseEvent: unknown): boolean {
  if (isCloseEvent(errOrCloseEvent)) return !REFUSED_CLOSE_CODES.has(errOrCloseEvent.code);
  // A bare network error (server restarting, Wi-Fi switching) is worth retrying too.
  return true;
}

/** Capped exponential backoff with jitter: ~1 s, 2 s, 4 s … up to 30 s. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5));
  return Math.round(base / 2 + random() * (base / 2));
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}
