import type { OutboxStorage } from './outboxStorage';
import {
  pendingTaskClientId,
  pendingTaskId,
  type OutboxAction,
  type OutboxFailure,
  type OutboxItem,
} from './outboxTypes';

/** What the API answered for an item: its result (a stored message…) and, for a new task, its id. */
export interface Landed {
  result?: unknown;
  createdTaskId?: string;
}

/**
 * What a failed attempt means: `retry` later (network, server busy), `failed` for good (the API refused
 * it: shown with retry and discard), or `landed` (deleting a task that is already gone).
 */
export type Verdict = 'retry' | 'failed' | 'landed';

/** The part of a BroadcastChannel the outbox uses (tabs tell each other what changed). */
export interface OutboxChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface OutboxOptions {
  storage: OutboxStorage;
  /** Sends one item to the API (with its client id); rejects with what went wrong. */
  send(item: OutboxItem): Promise<Landed>;
  judge(error: unknown, item: OutboxItem): { verdict: Verdict; failure: OutboxFailure };
  /** Whether the browser thinks it is online (navigator.onLine). */
  online(): boolean;
  newClientId(): string;
  /** Web Locks: one tab at a time sends a person's outbox. Without them, only this tab is guarded. */
  locks?: Pick<LockManager, 'request'> | null;
  channel?: OutboxChannel | null;
  retryDelayMs(attempts: number): number;
  now?(): number;
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

/** Unsent changes of the signed-in person, kept over reloads and sent in order, each once. */
export interface Outbox {
  /** Whose items are shown and sent, and whether the session can send now (it has a token). */
  setUser(userId: string | null, canSend: boolean): void;
  /** The person's items, oldest first (a new array after each change, for useSyncExternalStore). */
  items(): readonly OutboxItem[];
  subscribe(listener: () => void): () => void;
  /** Queues a change after what is already queued, and starts sending. */
  add(action: OutboxAction, clientId?: string): Promise<OutboxItem>;
  /** Sends a failed item again (same client id), or a waiting one now rather than after its pause. */
  retry(clientId: string): Promise<void>;
  /** Drops an item that is not on its way (and what was queued on a task it would have created). */
  discard(clientId: string): Promise<OutboxItem | undefined>;
  /** Sends what is queued, when online with a session; resolves when this round is over. */
  drain(): Promise<void>;
  /** Called for each item the API confirmed, before it leaves the outbox. */
  onLanded(listener: (item: OutboxItem, landed: Landed) => void): () => void;
  /** Deletes a person's items (signing out on a shared device). */
  clearUser(userId: string): Promise<void>;
  dispose(): void;
}

export const TASK_NOT_ADDED: OutboxFailure = {
  code: 'TASK_NOT_ADDED',
  message: 'Its task could not be added, so this cannot be done either.',
};

const lockName = (userId: string) => `pa-outbox:${userId}`;

/** Creates the outbox over a storage (IndexedDB or memory). */
export function createOutbox(options: OutboxOptions): Outbox {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));

  let userId: string | null = null;
  let canSend = false;
  let items: readonly OutboxItem[] = [];
  let provisional = 0;
  let loads = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: unknown;
  let disposed = false;
  const listeners = new Set<() => void>();
  // Tasks created from this page: client id → real id (a change queued on a task shown before its
  // creation landed still names it by its client id).
  const createdTasks = new Map<string, string>();
  const landedListeners = new Set<(item: OutboxItem, landed: Landed) => void>();

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  // Reads the person's items again; only the latest read is shown (reads may finish out of order).
  const reload = async () => {
    const forUser = userId;
    const load = ++loads;
    const next = forUser ? await storage.list(forUser) : [];
    if (load !== loads || forUser !== userId || disposed) return;
    items = next;
    notify();
  };

  // After a change: show it here and tell the other tabs.
  const changed = async () => {
    await reload();
    options.channel?.postMessage({ type: 'outbox-changed', userId });
  };

  const withLock = <T>(name: string, work: () => Promise<T>): Promise<T> =>
    options.locks ? (options.locks.request(name, work) as Promise<T>) : work();

  const scheduleRetry = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      void outbox.drain();
    }, ms);
  };

  const sendable = (forUser: string) => !disposed && forUser === userId && canSend && options.online();

  // One pass over the queue, oldest first, under the person's lock. Stops at a failure that may pass
  // (and tries again later), so nothing overtakes what came before it: resolves true then.
  const sendAll = async (forUser: string): Promise<boolean> => {
    for (;;) {
      if (!sendable(forUser)) return false;
      const all = await storage.list(forUser);
      const next = all.find((item) => item.state !== 'failed');
      if (!next) return false;

      // Queued on a task still named by its client id: its creation landed (use the real id), or was
      // refused — then this cannot go either (a creation still queued would come before this one).
      const createdBy = 'taskId' in next.action ? pendingTaskClientId(next.action.taskId) : null;
      if (createdBy) {
        const taskId = createdTasks.get(createdBy);
        const patch: Partial<OutboxItem> =
          taskId && 'taskId' in next.action
            ? { action: { ...next.action, taskId } }
            : { state: 'failed', failure: TASK_NOT_ADDED };
        await storage.update(next.seq, patch);
        await changed();
        continue;
      }

      const sending = await storage.update(next.seq, { state: 'sending' });
      if (!sending) continue; // Discarded meanwhile.
      await changed();

      let landed: Landed;
      try {
        landed = await options.send(sending);
      } catch (error) {
        const { verdict, failure } = options.judge(error, sending);
        const attempts = sending.attempts + 1;
        if (verdict === 'failed') {
          await storage.update(next.seq, { state: 'failed', failure, attempts });
          await changed();
          continue;
        }
        if (verdict === 'retry') {
          await storage.update(next.seq, { state: 'waiting', failure, attempts });
          await changed();
          scheduleRetry(options.retryDelayMs(attempts));
          return true;
        }
        landed = {};
      }
      if (sending.action.kind === 'createTask' && landed.createdTaskId)
        createdTasks.set(sending.clientId, landed.createdTaskId);
      for (const listener of [...landedListeners]) listener(sending, landed);
      const created =
        sending.action.kind === 'createTask' && landed.createdTaskId
          ? { clientId: sending.clientId, taskId: landed.createdTaskId }
          : undefined;
      await storage.landed(next.seq, created);
      await changed();
    }
  };

  const outbox: Outbox = {
    setUser(next, nextCanSend) {
      const switched = next !== userId;
      userId = next;
      canSend = nextCanSend;
      if (switched) {
        items = [];
        notify();
        void reload();
      }
      void outbox.drain();
    },

    items: () => items,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async add(action, clientId = options.newClientId()) {
      const forUser = userId;
      if (!forUser) throw new Error('Nobody is signed in: there is no outbox to add to.');
      const createdBy = 'taskId' in action ? pendingTaskClientId(action.taskId) : null;
      const taskId = createdBy ? createdTasks.get(createdBy) : undefined;
      const resolved: OutboxAction = taskId && 'taskId' in action ? { ...action, taskId } : action;
      const fresh = { userId: forUser, clientId, action: resolved, queuedAt: new Date(now()).toISOString() };
      // Shown at once, before IndexedDB confirms (a provisional order, replaced by the stored one).
      items = [...items, { ...fresh, seq: -++provisional, state: 'waiting', attempts: 0 }];
      notify();
      const stored = await storage.add(fresh);
      await changed();
      void outbox.drain();
      return stored;
    },

    async retry(clientId) {
      const item = items.find((i) => i.clientId === clientId);
      if (!item || item.state === 'sending') return;
      if (item.state === 'failed') {
        await storage.update(item.seq, { state: 'waiting', failure: undefined, attempts: 0 });
        // What was refused only because this task was not added may go once it is.
        const dependents = items.filter(
          (i) =>
            'taskId' in i.action &&
            i.action.taskId === pendingTaskId(clientId) &&
            i.failure?.code === TASK_NOT_ADDED.code,
        );
        for (const dependent of dependents)
          await storage.update(dependent.seq, { state: 'waiting', failure: undefined, attempts: 0 });
        await changed();
      }
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      await outbox.drain();
    },

    async discard(clientId) {
      const item = items.find((i) => i.clientId === clientId);
      if (!item || item.state === 'sending') return undefined;
      const dependents = items.filter(
        (i) => 'taskId' in i.action && i.action.taskId === pendingTaskId(clientId),
      );
      await storage.remove([item.seq, ...dependents.map((d) => d.seq)]);
      await changed();
      return item;
    },

    drain() {
      const forUser = userId;
      if (!forUser || !sendable(forUser)) return running ?? Promise.resolve();
      if (running) {
        // A pass is under way: it reads the queue again before each item; make sure one more pass
        // follows for what it may have read too early.
        again = true;
        return running;
      }
      const round = (async () => {
        try {
          let paused = false;
          do {
            again = false;
            paused = await withLock(lockName(forUser), () => sendAll(forUser));
          } while (again && !paused && sendable(forUser));
        } finally {
          running = null;
        }
      })();
      running = round;
      return round;
    },

    onLanded(listener) {
      landedListeners.add(listener);
      return () => landedListeners.delete(listener);
    },

    async clearUser(forUser) {
      await storage.clearUser(forUser);
      if (forUser === userId) await changed();
    },

    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimer(timer);
      options.channel?.close();
      listeners.clear();
      landedListeners.clear();
    },
  };

  // Another tab changed the outbox (queued, sent or discarded something): show it. Sending stays with
  // whichever tab holds the lock; every tab starts a pass when it comes back online.
  options.channel?.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; userId?: unknown } | null;
    if (data?.type !== 'outbox-changed' || data.userId !== userId) return;
    void reload();
  });

  return outbox;
}
