import { createHash } from 'node:crypto';

/** The secret's context when sealed: it opens only for the same endpoint. */
export const secretContext = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/** An event id fixed by what the event is about: the same event raised twice has the same id. */
export function eventIdOf(naturalKey: string): string {
  return `evt_${createHash('sha256').update(naturalKey).digest('base64url').slice(0, 32)}`;
}
