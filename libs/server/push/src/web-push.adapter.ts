import webpush from 'web-push';
import type { PushOptions, PushSendResult, PushSender, PushTarget } from './push.port';
import type { PushSettings } from './push.config';

const TIMEOUT_MS = 10_000;
// VAPID JWTs live 12 hours (RFC 8292 caps them at 24).
const VAPID_JWT_SECONDS = 12 * 3600;
// Past this, a Retry-After is not believed (the job is retried on our own backoff instead).
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Retry-After as ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const v = value.trim();
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** Maps a push service's HTTP status to what we do about it. */
export function classifyPushStatus(status: number, retryAfter?: unknown): PushSendResult {
  if (status >= 200 && status < 300) return { outcome: 'sent', status };
  if (status === 404 || status === 410) return { outcome: 'gone', status };
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return retryAfterMs === undefined
      ? { outcome: 'retry', status }
      : { outcome: 'retry', status, retryAfterMs };
  }
  return { outcome: 'rejected', status };
}

/**
 * Web Push: the `web-push` package encrypts the payload (RFC 8291 aes128gcm) and signs the VAPID JWT
 * (RFC 8292); the request itself goes through fetch, so a local http push service (the stand-in in
 * development and tests) works too (web-push's own client speaks https only). Production subscribe
 * accepts https endpoints only.
 */
export function createWebPushSender(settings: PushSettings, now: () => number = Date.now): PushSender {
  // One VAPID JWT per push service origin, reused until an hour before it expires (RFC 8292 allows
  // it): signing one per message costs more than encrypting the message.
  const vapidByOrigin = new Map<string, { authorization: string; renewAt: number }>();
  const vapidFor = (endpoint: string): string => {
    const origin = new URL(endpoint).origin;
    const cached = vapidByOrigin.get(origin);
    if (cached && cached.renewAt > now()) return cached.authorization;
    const expiresAt = Math.floor(now() / 1000) + VAPID_JWT_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(
      origin,
      settings.subject,
      settings.publicKey,
      settings.privateKey,
      'aes128gcm',
      expiresAt,
    );
    if (vapidByOrigin.size > 1000) vapidByOrigin.clear();
    vapidByOrigin.set(origin, { authorization: Authorization, renewAt: (expiresAt - 3600) * 1000 });
    return Authorization;
  };
  return {
    async send(target: PushTarget, payload: string, options: PushOptions): Promise<PushSendResult> {
      try {
        const request = webpush.generateRequestDetails(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          payload,
          {
            headers: { Authorization: vapidFor(target.endpoint) },
            TTL: options.ttlSeconds,
            urgency: options.urgency,
            ...(options.topic ? { topic: options.topic } : {}),
            contentEncoding: 'aes128gcm',
          },
        );
        const res = await fetch(request.endpoint, {
          method: 'POST',
          headers: request.headers as Record<string, string>,
          body: request.body ?? null,
          redirect: 'error',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        // Drain the body so the connection returns to the pool.
        await res.arrayBuffer().catch(() => undefined);
        return classifyPushStatus(res.status, res.headers.get('retry-after') ?? undefined);
      } catch {
        // Network failure, timeout, refused connection: the service may be back soon.
        return { outcome: 'retry', status: 0 };
      }
    },
  };
}
