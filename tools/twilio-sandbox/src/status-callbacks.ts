// A sent message's life after the API answered: queued → sent → delivered (or failed/undelivered
// for the magic recipients below), each step POSTed to its StatusCallback, signed, in order.
import { API_VERSION } from './message-resource';
import type { SandboxMessage, SandboxMessageStatus } from './message-store';
import { deliverWebhook, sleep, type WebhookSettings } from './webhook-client';

/** Price of one segment, as Twilio bills a US SMS (negative: a cost to the account). */
export const PRICE_PER_SEGMENT = 0.0079;

/**
 * Recipients whose message is accepted (201) but then fails, like a carrier would: the sync magic
 * numbers (+15005550001…9) keep failing at the API instead.
 */
export const DELIVERY_MAGIC_TO: Record<string, { status: 'failed' | 'undelivered'; errorCode: number }> = {
  '+15005550010': { status: 'failed', errorCode: 30008 },
  '+15005550011': { status: 'undelivered', errorCode: 30003 },
};

function pathFor(to: string): SandboxMessageStatus[] {
  const magic = DELIVERY_MAGIC_TO[to];
  if (magic?.status === 'failed') return ['queued', 'failed'];
  if (magic?.status === 'undelivered') return ['queued', 'sent', 'undelivered'];
  return ['queued', 'sent', 'delivered'];
}

const FINAL = new Set<SandboxMessageStatus>(['delivered', 'failed', 'undelivered']);

function callbackParams(m: SandboxMessage, status: SandboxMessageStatus): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: m.accountSid,
    ApiVersion: API_VERSION,
    MessageSid: m.sid,
    MessageStatus: status,
    SmsSid: m.sid,
    SmsStatus: status,
    To: m.to,
  };
  if (m.from) params['From'] = m.from;
  if (m.messagingServiceSid) params['MessagingServiceSid'] = m.messagingServiceSid;
  if (FINAL.has(status)) {
    params['NumSegments'] = String(m.numSegments);
    if (m.price !== null) {
      params['Price'] = m.price;
      params['PriceUnit'] = 'USD';
    }
  }
  if (m.errorCode !== null) params['ErrorCode'] = String(m.errorCode);
  return params;
}

export interface LifecycleDeps {
  webhook: WebhookSettings;
  stepDelayMs: number;
  now: () => Date;
}

/** Walks a message through its statuses; only messages with a StatusCallback move (see README). */
export async function runLifecycle(m: SandboxMessage, deps: LifecycleDeps): Promise<void> {
  const url = m.statusCallback;
  if (!url) return;
  const { signal } = deps.webhook;
  for (const status of pathFor(m.to)) {
    if (status !== 'queued') await sleep(deps.stepDelayMs, signal);
    if (signal.aborted) return;
    m.status = status;
    m.dateUpdated = deps.now();
    if (status === 'sent') {
      m.dateSent = m.dateUpdated;
      if (m.numSegments === 0) m.numSegments = 1;
    }
    const magic = DELIVERY_MAGIC_TO[m.to];
    if (magic && status === magic.status) m.errorCode = magic.errorCode;
    if (status === 'delivered' || status === 'undelivered')
      m.price = (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5);
    // Sequential on purpose: each callback is answered before the next is sent, so they arrive in order.
    await deliverWebhook(
      { url, method: 'POST', params: callbackParams(m, status) },
      { ...deps.webhook, retries: 0 },
    );
  }
}
