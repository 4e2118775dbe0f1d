// Calls the product's webhooks as Twilio does: form-encoded (or query for GET), signed, with a
// timeout; retried on timeout, connection failure or 5xx a bounded number of times.
import { randomUUID } from 'node:crypto';
import { twilioSignature } from './twilio-signature';

export interface WebhookRequest {
  url: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
}

export interface WebhookSettings {
  authToken: string;
  timeoutMs: number;
  /** Extra attempts after the first (0 = no retry). */
  retries: number;
  /** Wait before retry n (1-based): backoffMs * 2^(n-1). */
  backoffMs: number;
  /** Aborts everything when the sandbox stops. */
  signal: AbortSignal;
}

export interface WebhookOutcome {
  ok: boolean;
  attempts: number;
  status: number | null;
  body: string;
  error: string | null;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function attempt(request: WebhookRequest, settings: WebhookSettings, token: string) {
  const form = new URLSearchParams(request.params).toString();
  const url =
    request.method === 'GET' ? `${request.url}${request.url.includes('?') ? '&' : '?'}${form}` : request.url;
  const signature = twilioSignature(settings.authToken, url, request.method === 'GET' ? {} : request.params);
  // Our own timer rather than AbortSignal.timeout, which does not fire under jest's environment.
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, settings.timeoutMs);
  settings.signal.addEventListener('abort', abort, { once: true });
  try {
    return await send(url, request, signature, token, form, controller.signal);
  } finally {
    clearTimeout(timer);
    settings.signal.removeEventListener('abort', abort);
  }
}

async function send(
  url: string,
  request: WebhookRequest,
  signature: string,
  token: string,
  form: string,
  signal: AbortSignal,
) {
  const res = await fetch(url, {
    method: request.method,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'user-agent': 'TwilioProxy/1.1',
      'x-twilio-signature': signature,
      // Twilio sends the same token on every retry of one delivery, so receivers can dedupe.
      'i-twilio-idempotency-token': token,
    },
    body: request.method === 'GET' ? undefined : form,
    signal,
  });
  return { status: res.status, body: await res.text() };
}

/** Delivers one webhook; never throws (the outcome says what happened). */
export async function deliverWebhook(
  request: WebhookRequest,
  settings: WebhookSettings,
): Promise<WebhookOutcome> {
  const token = randomUUID();
  let last: WebhookOutcome = { ok: false, attempts: 0, status: null, body: '', error: null };
  for (let n = 0; n <= settings.retries && !settings.signal.aborted; n += 1) {
    if (n > 0) await sleep(settings.backoffMs * 2 ** (n - 1), settings.signal);
    if (settings.signal.aborted) break;
    try {
      const { status, body } = await attempt(request, settings, token);
      last = { ok: status < 400, attempts: n + 1, status, body, error: null };
      // A 4xx is the receiver's answer, not an outage: Twilio does not retry it either.
      if (status < 500) return last;
    } catch (err) {
      last = { ok: false, attempts: n + 1, status: null, body: '', error: (err as Error).message };
    }
  }
  return last;
}
