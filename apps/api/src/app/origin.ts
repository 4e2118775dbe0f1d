import type { IncomingMessage } from 'node:http';

/**
 * A request with no Origin (not from a browser) or from the API's own origin is allowed; otherwise the
 * origin must be in the allowlist.
 */
export function isAllowedOrigin(req: IncomingMessage, allowlist: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowlist.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
