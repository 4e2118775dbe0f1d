// Outgoing webhooks: the events a person's integration may subscribe to, and the limits of the
// feature. The API validates against these; the web form offers the same list.

/** The events an endpoint may subscribe to, as they appear in a delivery's `type`. */
export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'reminder.fired',
  'reminder.acknowledged',
  'task.completed',
  'sms.received',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of the event `sendTestWebhookEvent` delivers (never subscribed to: always sent). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_LIMITS = {
  /** Endpoints one person may register. */
  perPerson: 10,
  urlMaxLength: 2048,
  /** Delivery log entries shown per endpoint. */
  recentDeliveries: 20,
} as const;

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
