/** A browser's push subscription: where to post, and the keys its payloads are encrypted for. */
export interface PushTarget {
  endpoint: string;
  /** The browser's P-256 public key (base64url, 65 bytes uncompressed). */
  p256dh: string;
  /** The browser's 16-byte auth secret (base64url). */
  auth: string;
}

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

export interface PushOptions {
  /** Seconds the push service may keep the message for an offline device. */
  ttlSeconds: number;
  urgency: PushUrgency;
  /** A newer message with the same topic replaces an undelivered older one (RFC 8030 §5.4). */
  topic?: string;
}

/** What the push service answered, in our terms. */
export type PushSendResult =
  | { outcome: 'sent'; status: number }
  /** 404/410: the subscription is gone for good (the browser unsubscribed): delete it. */
  | { outcome: 'gone'; status: number }
  /** 429/5xx or a network failure: try again later (after retryAfterMs when the service said so). */
  | { outcome: 'retry'; status: number; retryAfterMs?: number }
  /** Any other 4xx: our request was wrong; recorded, never retried. */
  | { outcome: 'rejected'; status: number };

/** A push encrypted and signed ahead of its time: only its POST is left. */
export interface PreparedPush {
  endpoint: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends one encrypted Web Push message (RFC 8030 + RFC 8291 + RFC 8292). Never throws. */
export interface PushSender {
  send(target: PushTarget, payload: string, options: PushOptions): Promise<PushSendResult>;
  /**
   * Encrypts and signs a push now, to send later with `sendPrepared` (reminders due on one second are
   * prepared before it). Each call uses a new key pair and salt, as RFC 8291 asks. Throws on a bad target.
   */
  prepare?(target: PushTarget, payload: string, options: PushOptions): PreparedPush;
  sendPrepared?(prepared: PreparedPush): Promise<PushSendResult>;
}

/** What the service worker receives (JSON, encrypted): the contract with the web app. */
export interface PushPayload {
  v: 1;
  kind: 'reminder' | 'checkin' | 'focus' | 'test';
  reminderId: string | null;
  title: string;
  /** The person's own words. */
  body: string;
  /** One per reminder: a re-send replaces the shown notification instead of stacking. */
  tag: string;
  url: string;
  occurrenceDueAt: string | null;
  step: number;
  /** A short capability for Done / Snooze from the notification (reminders only). */
  actionToken: string | null;
}
