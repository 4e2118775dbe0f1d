import type { ApolloClient, NormalizedCacheObject } from '@apollo/client';
import type { AuthStore, AuthUser, RefreshOutcome } from '../authStore';
import { forgetChatStorage } from '../chat/webStorage';
import type { ConnectionStore } from '../connectionState';
import { retryDelayMs } from '../retryPolicy';
import {
  createCachePersistor,
  idbSnapshotStore,
  noSnapshotStore,
  restoreUnder,
  type SnapshotCache,
} from './cachePersistence';
import { newClientId } from './clientId';
import { openOfflineDb } from './offlineDb';
import { createOutbox, type Outbox } from './outbox';
import { judgeOutboxFailure } from './outboxFailures';
import { idbOutboxStorage, memoryOutboxStorage } from './outboxStorage';

// Loaded right after start (not in the first download): the offline side of the app — the person's
// last data kept in IndexedDB, and the outbox of changes made offline.

/** Save the cache at most this often while it changes. */
const SAVE_EVERY_MS = 1_000;

/** The offline side of the app, once loaded. */
export interface OfflineData {
  outbox: Outbox;
  /**
   * Called with each answer to a session refresh, before the session changes. The first one decides
   * what the app opens with: the kept data of that same person (restored into the cache), or — when the
   * server cannot be reached — the last person's kept data and an offline session for them.
   */
  settle(outcome: RefreshOutcome): Promise<RefreshOutcome>;
  /** Signing out: this person's kept data, unsent changes and drafts leave the device. */
  forgetPerson(userId: string): Promise<void>;
  dispose(): void;
}

export interface OfflineDeps {
  apollo: ApolloClient;
  auth: AuthStore;
  connection: ConnectionStore;
  win: Window;
}

// Apollo calls `broadcastWatches` after every write, modify and eviction: the moment to save.
function onCacheChange(cache: unknown, changed: () => void): () => void {
  const target = cache as { broadcastWatches(options?: unknown): void };
  const original = target.broadcastWatches;
  target.broadcastWatches = function (this: unknown, options?: unknown) {
    original.call(this, options);
    changed();
  };
  return () => {
    target.broadcastWatches = original;
  };
}

// A mutation the server answered: its result is written to the cache right after, then saved at once.
function afterMutations(apollo: ApolloClient, confirmed: () => void): () => void {
  // `mutate` is generic: it is wrapped untyped and handed back as itself.
  const target = apollo as unknown as { mutate(options: unknown): Promise<unknown> };
  const original = target.mutate;
  target.mutate = function (this: unknown, options: unknown) {
    const result = original.call(apollo, options);
    result.then(confirmed, () => undefined);
    return result;
  };
  return () => {
    target.mutate = original;
  };
}

/** Opens IndexedDB (or falls back to memory), reads what was kept, and starts the outbox. */
export async function startOfflineData({ apollo, auth, connection, win }: OfflineDeps): Promise<OfflineData> {
  const db = await openOfflineDb().catch(() => null);
  const snapshots = db ? idbSnapshotStore(db) : noSnapshotStore;
  const storage = db ? idbOutboxStorage(db) : memoryOutboxStorage();
  let kept = await snapshots.load().catch(() => undefined);
  let settledOnce = false;
  // The kept data of an app opened online: not in the cache (the server answers, and what it says is
  // newer — the kept snapshot can predate a save the server confirmed just before a reload), only
  // saved under it, and put under the cache if the connection drops.
  let keptAside: NormalizedCacheObject | undefined;

  const cache = apollo.cache as unknown as SnapshotCache;
  const persistor = createCachePersistor({
    cache,
    store: snapshots,
    delayMs: SAVE_EVERY_MS,
    kept: () => keptAside,
  });
  const stopWatching = onCacheChange(apollo.cache, () => persistor.changed());
  const stopConfirming = afterMutations(apollo, () => persistor.confirmed());

  const outbox = createOutbox({
    storage,
    send: async (item) => (await import('./outboxSender')).sendOutboxItem(apollo, item),
    judge: judgeOutboxFailure,
    online: () => win.navigator.onLine,
    newClientId: () => newClientId(win.crypto),
    locks: win.navigator.locks ?? null,
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('pa-outbox') : null,
    retryDelayMs,
  });

  const restore = (data: NormalizedCacheObject) => {
    try {
      restoreUnder(cache, data);
      // How long after navigation the kept data was in the cache (read by the end-to-end tests).
      win.performance?.mark?.('pa:cache-restored');
    } catch {
      // A snapshot from an older version of the app that no longer fits: start without it.
    }
  };
  // Offline after an online start: what was kept of pages not seen since goes under the cache (what
  // the server said in this visit stays on top), so they still open.
  const useKeptAside = () => {
    if (!keptAside) return;
    const data = keptAside;
    keptAside = undefined;
    restore(data);
    (apollo.cache as unknown as { broadcastWatches(): void }).broadcastWatches();
  };

  // Follows the session: whose data is saved, whose outbox is shown and sent.
  let signedInAs: string | null = null;
  const followAuth = () => {
    const { status, user, offline } = auth.getSnapshot();
    if (status === 'signedIn' && user) {
      if (user.id !== signedInAs) {
        signedInAs = user.id;
        // Another person on this device: nothing of the previous one stays.
        void storage.clearOthers(user.id).catch(() => undefined);
        if (kept && kept.userId !== user.id) {
          kept = undefined;
          keptAside = undefined;
          forgetChatStorage();
          void persistor.forget();
        }
      }
      persistor.setPerson(user);
      persistor.changed();
      outbox.setUser(user.id, !offline);
      return;
    }
    outbox.setUser(null, false);
    persistor.setPerson(null);
    if (status === 'signedOut') {
      // The session is over (signed out, or refused): the kept data goes. Unsent changes stay for
      // the same person's next sign-in, and go if someone else signs in.
      signedInAs = null;
      kept = undefined;
      keptAside = undefined;
      void persistor.forget();
    }
  };
  const unsubscribeAuth = auth.subscribe(followAuth);
  followAuth();

  // Back online: renew a session opened offline, and send what waits.
  const onOnline = () => {
    if (auth.getSnapshot().offline) void auth.refresh();
    void outbox.drain();
  };
  // The live connection is back: the API is reachable again.
  let lastStatus = connection.getSnapshot();
  const unsubscribeConnection = connection.subscribe(() => {
    const status = connection.getSnapshot();
    if (status === 'offline') useKeptAside();
    if (status === 'connected' && lastStatus !== 'connected') void outbox.drain();
    lastStatus = status;
  });
  // Leaving the page: save what changed since the last save.
  const onHide = () => {
    if (win.document.visibilityState === 'hidden') void persistor.flush();
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('pagehide', onHide);
  win.document.addEventListener('visibilitychange', onHide);

  return {
    outbox,
    async settle(outcome) {
      const first = !settledOnce;
      settledOnce = true;
      const current = auth.getSnapshot();
      if (outcome.kind === 'refreshed') {
        const { user } = outcome.payload;
        // Opened offline for someone else than the cookie's person: nothing of theirs may show.
        if (current.offline && current.user?.id !== user.id) await apollo.clearStore();
        // Online: the pages show what the server says, never the kept copy first (it may be older).
        else if (current.offline)
          setTimeout(() => void apollo.refetchObservableQueries().catch(() => undefined), 0);
        if (first && kept?.userId === user.id) keptAside = kept.data;
        return outcome;
      }
      if (outcome.kind === 'unreachable' && first && kept) {
        restore(kept.data);
        const remembered: AuthUser = kept.user;
        return { kind: 'offline', user: remembered };
      }
      if (outcome.kind === 'rejected' && current.offline) await apollo.clearStore();
      return outcome;
    },
    async forgetPerson(userId) {
      forgetChatStorage();
      kept = undefined;
      keptAside = undefined;
      await Promise.all([outbox.clearUser(userId), persistor.forget()]);
    },
    dispose() {
      unsubscribeAuth();
      unsubscribeConnection();
      stopWatching();
      stopConfirming();
      persistor.dispose();
      outbox.dispose();
      win.removeEventListener('online', onOnline);
      win.removeEventListener('pagehide', onHide);
      win.document.removeEventListener('visibilitychange', onHide);
      db?.close();
    },
  };
}
