import type { NormalizedCacheObject } from '@apollo/client';
import type { AuthUser } from '../authStore';
import { SNAPSHOT_KEY, type CacheSnapshot, type OfflineDb } from './offlineDb';

/** Where the last person's cache is kept between visits. */
export interface SnapshotStore {
  load(): Promise<CacheSnapshot | undefined>;
  save(snapshot: CacheSnapshot): Promise<void>;
  clear(): Promise<void>;
}

/** The snapshot in IndexedDB (one record: only the last signed-in person's data is ever kept). */
export function idbSnapshotStore(db: OfflineDb): SnapshotStore {
  return {
    load: () => db.get('snapshot', SNAPSHOT_KEY),
    save: async (snapshot) => {
      await db.put('snapshot', snapshot, SNAPSHOT_KEY);
    },
    clear: () => db.delete('snapshot', SNAPSHOT_KEY),
  };
}

/** No IndexedDB: nothing is kept between visits. */
export const noSnapshotStore: SnapshotStore = {
  load: async () => undefined,
  save: async () => undefined,
  clear: async () => undefined,
};

/** The part of Apollo's cache that is saved and restored. */
export interface SnapshotCache {
  extract(): NormalizedCacheObject;
  restore(data: NormalizedCacheObject): unknown;
}

/**
 * Puts a kept snapshot under what the cache already holds (what arrived since the page opened is newer
 * and wins, field by field on the root query).
 */
export function restoreUnder(cache: SnapshotCache, kept: NormalizedCacheObject): void {
  cache.restore(mergeUnder(kept, cache.extract()));
}

/** `kept` with `current` on top: a whole record of `current` wins, and each root query field of it. */
export function mergeUnder(
  kept: NormalizedCacheObject,
  current: NormalizedCacheObject,
): NormalizedCacheObject {
  const root = { ...(kept['ROOT_QUERY'] ?? {}), ...(current['ROOT_QUERY'] ?? {}) };
  return { ...kept, ...current, ROOT_QUERY: root } as NormalizedCacheObject;
}

/**
 * What of the cache is kept: the query results. Mutation results are left out — they hold what must
 * never reach storage (the access token of `login` and `refreshSession`, TOTP secrets, backup codes).
 */
export function keptPart(data: NormalizedCacheObject): NormalizedCacheObject {
  const { ROOT_MUTATION: _mutations, ROOT_SUBSCRIPTION: _subscriptions, ...queries } = data;
  return queries;
}

export interface PersistOptions {
  cache: SnapshotCache;
  store: SnapshotStore;
  /** Save at most this often: changes come in bursts, and a live chat changes all the time. */
  delayMs: number;
  /**
   * What was kept from an earlier visit and is not in the live cache (an online start leaves it out of
   * the cache, see offlineData.ts): saved under the cache, so the next offline start still has it.
   */
  kept?(): NormalizedCacheObject | undefined;
  now?(): number;
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

/** Saves the cache for one person at a time, a moment after it changes. */
export interface CachePersistor {
  /** Whose cache this is from now on (null: nobody signed in — nothing is saved). */
  setPerson(user: AuthUser | null): void;
  /** The cache changed. */
  changed(): void;
  /** The server confirmed a change: save in the next task, not a second later (a reload may follow). */
  confirmed(): void;
  /** Saves now what is waiting to be saved. */
  flush(): Promise<void>;
  /** Stops saving and deletes the kept snapshot, after any write under way (none lands after it). */
  forget(): Promise<void>;
  dispose(): void;
}

/** Creates a persistor that writes `cache.extract()` for the signed-in person, at most every `delayMs`. */
export function createCachePersistor(options: PersistOptions): CachePersistor {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let person: AuthUser | null = null;
  let timer: unknown;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const cancel = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };

  const save = (): Promise<void> => {
    cancel();
    if (!dirty || !person) return writing;
    dirty = false;
    const kept = options.kept?.();
    const current = options.cache.extract();
    const snapshot: CacheSnapshot = {
      userId: person.id,
      user: person,
      data: keptPart(kept ? mergeUnder(kept, current) : current),
      savedAt: new Date(now()).toISOString(),
    };
    // One write at a time, in order: a slow older write never lands after a newer one.
    writing = writing.then(() => options.store.save(snapshot)).catch(() => undefined);
    return writing;
  };

  return {
    setPerson(user) {
      const switched = user?.id !== person?.id;
      person = user;
      if (!user) {
        // Signed out: whatever was waiting is not saved.
        cancel();
        dirty = false;
        return;
      }
      if (switched) dirty = true;
    },
    changed() {
      if (!person) return;
      dirty = true;
      if (timer === undefined) timer = setTimer(() => void save(), options.delayMs);
    },
    confirmed() {
      if (!person) return;
      dirty = true;
      cancel();
      timer = setTimer(() => void save(), 0);
    },
    flush: save,
    forget() {
      cancel();
      person = null;
      dirty = false;
      writing = writing.then(() => options.store.clear()).catch(() => undefined);
      return writing;
    },
    dispose: cancel,
  };
}
