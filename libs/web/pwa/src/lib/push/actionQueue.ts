// The service worker's queue of notification answers (Done / Snooze / Opened) that could not reach the
// API yet. Each carries the client id made once per click, so sending it again is applied once.

import type { ReminderActionName } from './pushPayload';

export interface QueuedAction {
  /** Made once per click; the API applies an action with the same client id once. */
  clientId: string;
  token: string;
  action: ReminderActionName;
  reminderId: string | null;
  queuedAt: number;
  attempts: number;
}

/** Where the queue lives: IndexedDB in the service worker, memory in tests. */
export interface ActionQueueStorage {
  all(): Promise<QueuedAction[]>;
  put(item: QueuedAction): Promise<void>;
  remove(clientId: string): Promise<void>;
}

/**
 * What sending one action gave: `applied` (or already applied), `retry` (offline, server down, 5xx,
 * rate-limited) or `drop` (refused for good: an unknown or expired token; retrying cannot help).
 */
export type SendOutcome = 'applied' | 'retry' | 'drop';

/** A queued action older than this is dropped (its reminder has long moved on). */
export const QUEUE_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** And one refused with a retryable error this many times. */
export const QUEUE_MAX_ATTEMPTS = 50;

export interface FlushResult {
  applied: number;
  dropped: number;
  left: number;
}

/** In memory (tests, and where IndexedDB is unavailable). */
export function memoryActionQueueStorage(): ActionQueueStorage {
  const items = new Map<string, QueuedAction>();
  return {
    all: async () => [...items.values()],
    put: async (item) => void items.set(item.clientId, item),
    remove: async (clientId) => void items.delete(clientId),
  };
}

/** Sends what waits, oldest first; stops at the first `retry` (the network is still down). */
export async function flushActions(
  storage: ActionQueueStorage,
  send: (item: QueuedAction) => Promise<SendOutcome>,
  now = Date.now(),
): Promise<FlushResult> {
  const items = (await storage.all()).sort((a, b) => a.queuedAt - b.queuedAt);
  let applied = 0;
  let dropped = 0;
  for (const [index, item] of items.entries()) {
    if (now - item.queuedAt > QUEUE_MAX_AGE_MS || item.attempts >= QUEUE_MAX_ATTEMPTS) {
      await storage.remove(item.clientId);
      dropped += 1;
      continue;
    }
    const outcome = await send(item);
    if (outcome === 'retry') {
      await storage.put({ ...item, attempts: item.attempts + 1 });
      return { applied, dropped, left: items.length - index };
    }
    await storage.remove(item.clientId);
    if (outcome === 'applied') applied += 1;
    else dropped += 1;
  }
  return { applied, dropped, left: 0 };
}

/**
 * Answers a notification: sends at once; when that cannot reach the API, keeps it for later (same client
 * id). Resolves to whether it was applied now.
 */
export async function sendOrQueue(
  storage: ActionQueueStorage,
  item: QueuedAction,
  send: (item: QueuedAction) => Promise<SendOutcome>,
): Promise<SendOutcome> {
  let outcome: SendOutcome;
  try {
    outcome = await send(item);
  } catch {
    outcome = 'retry';
  }
  if (outcome === 'retry') await storage.put({ ...item, attempts: item.attempts + 1 });
  return outcome;
}

/** The GraphQL answer to `reminderActionByToken`, read into an outcome. */
export function outcomeOfResponse(status: number, body: unknown): SendOutcome {
  if (status === 429 || status >= 500) return 'retry';
  const result = body as { data?: { reminderActionByToken?: boolean } | null; errors?: unknown[] } | null;
  if (result?.data?.reminderActionByToken === true) return 'applied';
  const errors = Array.isArray(result?.errors) ? result.errors : [];
  const codes = errors.map(
    (error) => (error as { extensions?: { code?: string } })?.extensions?.code ?? 'UNKNOWN',
  );
  // Limits and server trouble pass; anything else (bad or expired token, validation) never will.
  if (
    codes.some(
      (code) => code === 'RATE_LIMITED' || code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE',
    )
  )
    return 'retry';
  if (status >= 400 || codes.length > 0) return 'drop';
  return 'retry';
}
