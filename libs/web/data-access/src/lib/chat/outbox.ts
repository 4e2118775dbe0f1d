import type { OutboxEntry, SendFailure } from './timeline';
import type { SmallStorage } from './webStorage';

/** The part of Web Storage the outbox uses (sessionStorage in the browser, a Map in tests). */
export type OutboxStorage = SmallStorage;

/** Unsent messages, kept over a reload of the tab so nothing typed is lost. */
export interface Outbox {
  /** All entries (a new array after each change, for useSyncExternalStore). */
  entries(): readonly OutboxEntry[];
  subscribe(listener: () => void): () => void;
  put(entry: OutboxEntry): void;
  update(clientId: string, patch: Partial<Omit<OutboxEntry, 'clientId'>>): void;
  remove(clientId: string): void;
  get(clientId: string): OutboxEntry | undefined;
}

const STORAGE_KEY = 'pa.chat.outbox.v1';
// A send that was under way when the page closed: we cannot tell whether it arrived. Retrying with
// the same client id is safe either way.
const INTERRUPTED = {
  code: 'INTERRUPTED',
  message: 'The page closed while this was being sent.',
};

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e['clientId'] === 'string' &&
    typeof e['conversationId'] === 'string' &&
    (e['parentId'] === null || typeof e['parentId'] === 'string') &&
    typeof e['body'] === 'string' &&
    typeof e['queuedAt'] === 'string'
  );
}

function isFailure(value: unknown): value is SendFailure {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f['code'] === 'string' && typeof f['message'] === 'string';
}

function load(storage: OutboxStorage | null): OutboxEntry[] {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isEntry).map((e): OutboxEntry => ({
      ...e,
      state: 'failed',
      failure: isFailure(e.failure) ? e.failure : INTERRUPTED,
    }));
  } catch {
    return [];
  }
}

/** An outbox persisted in `storage` (or in memory only when storage is unavailable). */
export function createOutbox(storage: OutboxStorage | null): Outbox {
  let entries: readonly OutboxEntry[] = load(storage);
  const listeners = new Set<() => void>();
  const commit = (next: readonly OutboxEntry[]) => {
    entries = next;
    try {
      if (next.length === 0) storage?.removeItem(STORAGE_KEY);
      else storage?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the entries stay in memory for this page.
    }
    for (const listener of listeners) listener();
  };
  return {
    entries: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    put(entry) {
      commit([...entries.filter((e) => e.clientId !== entry.clientId), entry]);
    },
    update(clientId, patch) {
      if (!entries.some((e) => e.clientId === clientId)) return;
      commit(entries.map((e) => (e.clientId === clientId ? { ...e, ...patch } : e)));
    },
    remove(clientId) {
      if (!entries.some((e) => e.clientId === clientId)) return;
      commit(entries.filter((e) => e.clientId !== clientId));
    },
    get: (clientId) => entries.find((e) => e.clientId === clientId),
  };
}

/**
 * A new client id for a message: a UUID where the browser offers one (secure contexts), else 32 random
 * hex digits — both match the shared CLIENT_ID_PATTERN.
 */
export function newClientId(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string }): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
