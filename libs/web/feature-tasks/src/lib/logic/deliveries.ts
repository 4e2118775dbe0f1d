import { clockTime } from '@pa/web-ui';
// What reached the person for a reminder, and how they answered, in one short line.

export interface DeliveryInfo {
  channel: string;
  step: number;
  deliveredAt: string | null;
  failedAt: string | null;
  acknowledgedAt: string | null;
  action: string | null;
}

const CHANNEL_NAMES: Record<string, string> = {
  PUSH: 'notification',
  IN_APP: 'in the app',
  SMS: 'text message',
  EMAIL: 'email',
};
const ACTION_NAMES: Record<string, string> = { DONE: 'Done', SNOOZED: 'Snoozed', OPENED: 'Opened' };

const timeOf = (iso: string, timeZone?: string) => clockTime(iso, timeZone);

/**
 * "Sent by notification 10:02, text message 10:17 (failed) · Done 10:20 by notification", oldest first;
 * null when nothing was sent yet.
 */
export function deliverySummary(deliveries: readonly DeliveryInfo[], timeZone?: string): string | null {
  if (deliveries.length === 0) return null;
  const sorted = [...deliveries].sort((a, b) => a.step - b.step);
  const sent = sorted.map((delivery) => {
    const name = CHANNEL_NAMES[delivery.channel] ?? delivery.channel.toLowerCase();
    if (delivery.deliveredAt) return `${name} ${timeOf(delivery.deliveredAt, timeZone)}`;
    if (delivery.failedAt) return `${name} ${timeOf(delivery.failedAt, timeZone)} (failed)`;
    return `${name} (waiting)`;
  });
  const answered = sorted
    .filter((delivery) => delivery.acknowledgedAt && delivery.action)
    .sort((a, b) => Date.parse(b.acknowledgedAt ?? '') - Date.parse(a.acknowledgedAt ?? ''))[0];
  const answer = answered?.acknowledgedAt
    ? ` · ${ACTION_NAMES[answered.action ?? ''] ?? 'Answered'} ${timeOf(answered.acknowledgedAt, timeZone)} by ${
        CHANNEL_NAMES[answered.channel] ?? answered.channel.toLowerCase()
      }`
    : '';
  return `Sent by ${sent.join(', ')}${answer}`;
}
