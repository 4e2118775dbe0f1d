import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import type { PreparedPush, PushOptions, PushSendResult, PushSender, PushTarget } from './push.port';
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

// Connections to push services are kept and reused (a few services serve every browser).
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** One POST; resolves to the status and Retry-After once the answer is read (never follows redirects). */
function post(
  endpoint: string,
  headers: Record<string, string>,
  body: Buffer | null | undefined,
): Promise<{ status: number; retryAfter: string | undefined }> {
  const url = new URL(endpoint);
  const client = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-length': String(body?.length ?? 0), ...headers },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (res) => {
        const retryAfter = res.headers['retry-after'];
        // Drain the body so the connection returns to the pool.
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/**
 * Web Push: the `web-push` package encrypts the payload (RFC 8291 aes128gcm) and signs the VAPID JWT
 * (RFC 8292); the request itself goes through node:http(s) with kept-alive connections (a fifth of
 * fetch's CPU per request, measured: it matters when thousands of reminders fall due on one second),
 * so a local http push service (the stand-in in development and tests) works too (web-push's own
 * client speaks https only). Production subscribe accepts https endpoints only.
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
  const prepare = (target: PushTarget, payload: string, options: PushOptions): PreparedPush => {
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
    return {
      endpoint: request.endpoint,
      headers: request.headers as Record<string, string>,
      body: request.body ?? Buffer.alloc(0),
    };
  };
  const sendPrepared = async (prepared: PreparedPush): Promise<PushSendResult> => {
    try {
      const res = await post(prepared.endpoint, prepared.headers, prepared.body);
      return classifyPushStatus(res.status, res.retryAfter);
    } catch {
      // Network failure, timeout, refused connection: the service may be back soon.
      return { outcome: 'retry', status: 0 };
    }
  };
  return {
    prepare,
    sendPrepared,
    async send(target: PushTarget, payload: string, options: PushOptions): Promise<PushSendResult> {
      let prepared: PreparedPush;
      try {
        prepared = prepare(target, payload, options);
      } catch {
        // A key the encryption refuses: as a failed send, retried by the usual bounded path.
        return { outcome: 'retry', status: 0 };
      }
      return sendPrepared(prepared);
    },
  };
}
