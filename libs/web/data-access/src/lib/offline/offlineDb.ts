import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { NormalizedCacheObject } from '@apollo/client';
import type { AuthUser } from '../authStore';
import type { OutboxItem } from './outboxTypes';

/** What the app kept of the last signed-in person's data, to open with it offline. */
export interface CacheSnapshot {
  userId: string;
  /** The person as the app last knew them (name, time zone…): the app opens for them offline. */
  user: AuthUser;
  /** Apollo's normalized cache (`cache.extract()`). */
  data: NormalizedCacheObject;
  savedAt: string;
}

/** One IndexedDB database per origin: the last cache snapshot and the outbox of unsent changes. */
export interface OfflineSchema extends DBSchema {
  snapshot: { key: string; value: CacheSnapshot };
  outbox: { key: number; value: OutboxItem; indexes: { byUser: string } };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const OFFLINE_DB_NAME = 'pa-offline';
const VERSION = 1;
/** The key of the single snapshot record: only the last person's data is ever kept. */
export const SNAPSHOT_KEY = 'current';

/** Opens (or creates) the database; rejects where IndexedDB is unavailable (some private modes). */
export function openOfflineDb(name = OFFLINE_DB_NAME): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, VERSION, {
    upgrade(db) {
      db.createObjectStore('snapshot');
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byUser', 'userId');
    },
  });
}
