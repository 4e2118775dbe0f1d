/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa's injectManifest): the app shell and static assets
// precached (the same rules the generated worker had), plus reminders by Web Push: the notification,
// its Done / Snooze actions (answered with the push's token, no session needed) and a queue of the
// answers that could not reach the API, sent again on Background Sync, activation, the next push and
// when a page says it is back online. Each answer carries one client id: applied once however often sent.
import {
  actionForClick,
  flushActions,
  FLUSH_MESSAGE,
  notificationFor,
  outcomeOfResponse,
  parsePushPayload,
  REMINDER_ACTIONS_SYNC_TAG,
  safeAppPath,
  sendOrQueue,
  type ActionQueueStorage,
  type PushPayload,
  type QueuedAction,
  type SendOutcome,
} from '@pa/web-pwa/push';
import { openDB } from 'idb';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

// ---- App shell (was the generated worker: keep the e2e tests in pwa.e2e.ts green) ----

// A new version waits until the person reloads into it (libs/web/pwa sends SKIP_WAITING then).
self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  if (type === FLUSH_MESSAGE) event.waitUntil(flush());
});
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();
// Any app route opens offline; server paths (GraphQL, health, files) are never answered with the app.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/graphql(\/|$)/, /^\/(healthz|readyz|metrics)$/, /\/[^/]+\.[a-z0-9]+$/i],
  }),
);
// Hashed chunks left out of the precache: cache first, a month at most.
registerRoute(
  ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({
    cacheName: 'assets',
    plugins: [
      new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * 24 * 60 * 60 }),
      new CacheableResponsePlugin({ statuses: [200] }),
    ],
  }),
);

// ---- Reminders by Web Push ----

const db = () =>
  openDB('pa-service-worker', 1, {
    upgrade(database) {
      database.createObjectStore('reminderActions', { keyPath: 'clientId' });
    },
  });

const queue: ActionQueueStorage = {
  all: async () => (await db()).getAll('reminderActions') as Promise<QueuedAction[]>,
  put: async (item) => void (await (await db()).put('reminderActions', item)),
  remove: async (clientId) => (await db()).delete('reminderActions', clientId),
};

const ACTION_MUTATION = `mutation ReminderActionByToken($token: String!, $action: ReminderAction!, $clientId: String!) {
  reminderActionByToken(token: $token, action: $action, clientId: $clientId)
}`;

async function send(item: QueuedAction): Promise<SendOutcome> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      // The token is the credential: no cookie needed (and none sent to be safe from CSRF).
      credentials: 'omit',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({
        operationName: 'ReminderActionByToken',
        query: ACTION_MUTATION,
        variables: { token: item.token, action: item.action, clientId: item.clientId },
      }),
    });
    const body: unknown = await response.json().catch(() => null);
    return outcomeOfResponse(response.status, body);
  } catch {
    // Offline or the server is down.
    return 'retry';
  }
}

let flushing: Promise<unknown> | null = null;
/** Sends the queued answers (one flush at a time). */
function flush(): Promise<unknown> {
  flushing ??= flushActions(queue, send)
    .catch(() => undefined)
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

/** Asks the browser to wake this worker when the network is back (Background Sync, where supported). */
async function syncLater() {
  const sync = (
    self.registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }
  ).sync;
  await sync?.register(REMINDER_ACTIONS_SYNC_TAG).catch(() => undefined);
}

// While the worker is awake after a failed answer (the tap's event keeps it so for minutes), it tries
// again a few times: Background Sync is not in every browser, and a short outage needs no page open.
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 20_000, 30_000];
async function retryForAWhile() {
  for (const delay of RETRY_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await flush();
    if ((await queue.all()).length === 0) return;
  }
}

/** Tells the open pages (the in-app alert shows it too, and goes when answered here). */
async function tellPages(message: Record<string, unknown>) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}

self.addEventListener('activate', (event) => event.waitUntil(flush()));

self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag === REMINDER_ACTIONS_SYNC_TAG) sync.waitUntil(flush());
});

self.addEventListener('push', (event) => {
  const payload = parsePushPayload(event.data?.text() ?? null);
  const { title, options } = notificationFor(payload);
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(title, options as NotificationOptions),
      tellPages({ type: 'PUSH_RECEIVED', payload }),
      // The network works again (a push came through): send what waited.
      flush(),
    ]),
  );
});

/** Focuses an open window of the app (showing `path`), or opens one. */
async function openApp(path: string) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const url = new URL(path, self.location.origin).href;
  const open = windows[0];
  if (open) {
    const focused = await open.focus().catch(() => open);
    await focused.navigate(url).catch(() => undefined);
    return;
  }
  await self.clients.openWindow(url).catch(() => null);
}

/** Answers the reminder of a clicked notification: sent now, or queued for when the network is back. */
async function answer(payload: PushPayload, action: string) {
  if (!payload.actionToken || !payload.reminderId) return;
  const item: QueuedAction = {
    clientId: self.crypto.randomUUID(),
    token: payload.actionToken,
    action: actionForClick(action),
    reminderId: payload.reminderId,
    queuedAt: Date.now(),
    attempts: 0,
  };
  const outcome = await sendOrQueue(queue, item, send);
  if (outcome === 'retry') {
    await syncLater();
    await retryForAWhile();
  } else await tellPages({ type: 'REMINDER_ANSWERED', reminderId: payload.reminderId, action: item.action });
}

self.addEventListener('notificationclick', (event) => {
  const payload = parsePushPayload(JSON.stringify(event.notification.data ?? null));
  event.notification.close();
  // A plain click opens the reminder (window first: the browser allows it only right after the click).
  const work = Promise.all([
    event.action === 'done' || event.action === 'snooze' ? undefined : openApp(safeAppPath(payload.url)),
    answer(payload, event.action),
  ]);
  event.waitUntil(work);
});
