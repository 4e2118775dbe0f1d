import { PushDevice } from './push-device.entity';
import type { PushOptions, PushPayload, PushTarget } from './push.port';

/** Columns of a device as listed to its owner. */
export const COLUMNS = `id, user_id, endpoint, device_name, created_at, last_success_at, last_failure_at, failure_count`;
export interface Row {
  id: string;
  user_id: string;
  endpoint: string;
  device_name: string;
  created_at: Date;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  failure_count: number;
}
export interface TargetRow extends PushTarget {
  id: string;
}

export const toDevice = (r: Row): PushDevice =>
  Object.assign(new PushDevice(), {
    id: r.id,
    userId: r.user_id,
    endpoint: r.endpoint,
    deviceName: r.device_name,
    createdAt: r.created_at,
    lastSuccessAt: r.last_success_at,
    lastFailureAt: r.last_failure_at,
    failureCount: r.failure_count,
  });

/** Options of one push: a reminder is urgent and worth keeping a while for an offline phone. */
export function pushOptionsFor(payload: PushPayload): PushOptions {
  const urgent = payload.kind === 'reminder' || payload.kind === 'focus';
  return {
    ttlSeconds: urgent ? 4 * 3600 : 3600,
    urgency: urgent ? 'high' : 'normal',
    // Topics are at most 32 URL-safe characters: one per reminder, so a queued older nudge is replaced.
    topic: (payload.reminderId ? `r${payload.reminderId.replace(/-/g, '')}` : payload.kind).slice(0, 32),
  };
}
