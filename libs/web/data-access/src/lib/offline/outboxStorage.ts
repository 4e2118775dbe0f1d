import type { OfflineDb } from './offlineDb';
import { pendingTaskId, type NewOutboxItem, type OutboxItem } from './outboxTypes';

/** Where the outbox keeps its items: IndexedDB in the browser, memory where IndexedDB is unavailable. */
export interface OutboxStorage {
  /** The person's items, oldest first. */
  list(userId: string): Promise<OutboxItem[]>;
  add(item: NewOutboxItem): Promise<OutboxItem>;
  /** Changes an item in one transaction; undefined when it is gone (landed or discarded meanwhile). */
  update(seq: number, patch: Partial<Omit<OutboxItem, 'seq'>>): Promise<OutboxItem | undefined>;
  /**
   * Removes an item the API confirmed. For a created task, the items that pointed at it by its client id
   * point at its real id from then on (in the same transaction: a reload in between loses nothing).
   */
  landed(seq: number, createdTask?: { clientId: string; taskId: string }): Promise<void>;
  remove(seqs: readonly number[]): Promise<void>;
  /** Deletes every item of `userId`. */
  clearUser(userId: string): Promise<void>;
  /** Deletes every item not of `userId` (another person signed in on this device). */
  clearOthers(userId: string): Promise<void>;
}

const repointed = (item: OutboxItem, from: string, to: string): OutboxItem | null =>
  'taskId' in item.action && item.action.taskId === from
    ? { ...item, action: { ...item.action, taskId: to } }
    : null;

/** The outbox in IndexedDB (store `outbox`, ordered by its auto-increment key). */
export function idbOutboxStorage(db: OfflineDb): OutboxStorage {
  return {
    async list(userId) {
      const items = await db.getAllFromIndex('outbox', 'byUser', userId);
      return items.sort((a, b) => a.seq - b.seq);
    },
    async add(item) {
      const fresh = { ...item, state: 'waiting', attempts: 0 } as Omit<OutboxItem, 'seq'>;
      // The key path fills `seq` in; the cast says what idb's types cannot (an auto-increment key).
      const seq = await db.add('outbox', fresh as OutboxItem);
      return { ...fresh, seq };
    },
    async update(seq, patch) {
      const tx = db.transaction('outbox', 'readwrite');
      const current = await tx.store.get(seq);
      if (!current) {
        await tx.done;
        return undefined;
      }
      const next = { ...current, ...patch, seq };
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    async landed(seq, createdTask) {
      const tx = db.transaction('outbox', 'readwrite');
      const item = await tx.store.get(seq);
      await tx.store.delete(seq);
      if (item && createdTask) {
        const from = pendingTaskId(createdTask.clientId);
        for (const other of await tx.store.index('byUser').getAll(item.userId)) {
          const moved = repointed(other, from, createdTask.taskId);
          if (moved) await tx.store.put(moved);
        }
      }
      await tx.done;
    },
    async remove(seqs) {
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...seqs.map((seq) => tx.store.delete(seq)), tx.done]);
    },
    async clearUser(userId) {
      const tx = db.transaction('outbox', 'readwrite');
      const keys = await tx.store.index('byUser').getAllKeys(userId);
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    },
    async clearOthers(userId) {
      const tx = db.transaction('outbox', 'readwrite');
      let cursor = await tx.store.openCursor();
      while (cursor) {
        if (cursor.value.userId !== userId) await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    },
  };
}

/** The outbox in memory only (IndexedDB unavailable): kept while the page is open. */
export function memoryOutboxStorage(): OutboxStorage {
  const items = new Map<number, OutboxItem>();
  let next = 1;
  return {
    list: async (userId) =>
      [...items.values()].filter((i) => i.userId === userId).sort((a, b) => a.seq - b.seq),
    async add(item) {
      const stored: OutboxItem = { ...item, seq: next++, state: 'waiting', attempts: 0 };
      items.set(stored.seq, stored);
      return stored;
    },
    async update(seq, patch) {
      const current = items.get(seq);
      if (!current) return undefined;
      const updated = { ...current, ...patch, seq };
      items.set(seq, updated);
      return updated;
    },
    async landed(seq, createdTask) {
      const item = items.get(seq);
      items.delete(seq);
      if (!item || !createdTask) return;
      const from = pendingTaskId(createdTask.clientId);
      for (const other of items.values()) {
        const moved = other.userId === item.userId ? repointed(other, from, createdTask.taskId) : null;
        if (moved) items.set(moved.seq, moved);
      }
    },
    async remove(seqs) {
      for (const seq of seqs) items.delete(seq);
    },
    async clearUser(userId) {
      for (const [seq, item] of items) if (item.userId === userId) items.delete(seq);
    },
    async clearOthers(userId) {
      for (const [seq, item] of items) if (item.userId !== userId) items.delete(seq);
    },
  };
}
