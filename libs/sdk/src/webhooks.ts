import { createHmac, timingSafeEqual } from 'node:crypto';

/** Seconds a signature's timestamp may differ from the receiver's clock (replay window). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The headers a delivery carries (lower-case, as Node's `req.headers` has them). */
export const WEBHOOK_HEADERS = {
  signature: 'x-pa-signature',
  eventId: 'x-pa-event-id',
  eventType: 'x-pa-event-type',
  attempt: 'x-pa-delivery-attempt',
} as const;

/** Why a delivery did not verify, or `ok`. */
export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing_signature' | 'malformed_signature' | 'stale_timestamp' | 'bad_signature' };

/** A verified delivery's body: `type` and `data` as docs/api-guide.md (Webhooks, Events) lists them. */
export interface WebhookEventBody<T = Record<string, unknown>> {
  id: string;
  type: string;
  createdAt: string;
  data: T;
}

/**
 * Checks `X-PA-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` against the endpoint's secret:
 * HMAC-SHA256 over `<t>.<raw body>`, compared in constant time, `t` within `toleranceSeconds` of
 * `nowSeconds`. Pass the raw body exactly as received, before any JSON parsing.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  header: string | readonly string[] | undefined | null;
  rawBody: string | Uint8Array;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): WebhookVerification {
  const header = Array.isArray(input.header) ? input.header[0] : input.header;
  if (typeof header !== 'string' || header.length === 0) return { ok: false, reason: 'missing_signature' };
  const parts = new Map<string, string>();
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at > 0) parts.set(item.slice(0, at).trim(), item.slice(at + 1).trim());
  }
  const t = parts.get('t') ?? '';
  const v1 = parts.get('v1') ?? '';
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(v1))
    return { ok: false, reason: 'malformed_signature' };
  const timestamp = Number(t);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS))
    return { ok: false, reason: 'stale_timestamp' };
  const body = typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody;
  const expected = createHmac('sha256', input.secret).update(`${t}.`).update(body).digest();
  if (!timingSafeEqual(Buffer.from(v1, 'hex'), expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, timestamp };
}

/** Verifies a delivery and parses its body; throws when it does not verify (answer 400 then). */
export function parseWebhook<T = Record<string, unknown>>(input: {
  secret: string;
  header: string | readonly string[] | undefined | null;
  rawBody: string | Uint8Array;
  nowSeconds?: number;
}): WebhookEventBody<T> {
  const verdict = verifyWebhookSignature(input);
  if (!verdict.ok) throw new Error(`webhook signature refused: ${verdict.reason}`);
  const text =
    typeof input.rawBody === 'string' ? input.rawBody : Buffer.from(input.rawBody).toString('utf8');
  return JSON.parse(text) as WebhookEventBody<T>;
}
