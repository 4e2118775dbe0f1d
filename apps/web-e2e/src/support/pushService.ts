import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

// A push service for one test: the API posts its encrypted push here (RFC 8030), and the test holds the
// subscription's private keys, so it decrypts exactly what a browser would get (RFC 8291, with the
// `http_ece` library web-push itself uses). Headless Chromium cannot subscribe to a real push service,
// so the test then hands that payload to the real service worker through the DevTools protocol.

// http_ece ships no types: the one function used here.
const ece = createRequire(__filename)('http_ece') as {
  decrypt(body: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string }): Buffer;
};

export interface ReceivedPush {
  headers: Record<string, string | string[] | undefined>;
  payload: Record<string, unknown> & { reminderId: string | null; actionToken: string | null; tag: string };
  raw: string;
}

export interface TestPushService {
  endpoint: string;
  p256dh: string;
  auth: string;
  received: ReceivedPush[];
  /** Requests that could not be read (a wrong key would land here). */
  refused: string[];
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port with a fresh subscription key pair. */
export async function startPushService(): Promise<TestPushService> {
  const keys = createECDH('prime256v1');
  keys.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const raw = ece
          .decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: keys, authSecret: auth })
          .toString('utf8');
        received.push({ headers: req.headers, payload: JSON.parse(raw) as ReceivedPush['payload'], raw });
        res.writeHead(201).end();
      } catch (error) {
        refused.push(String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/push/${randomBytes(8).toString('hex')}`,
    p256dh: keys.getPublicKey().toString('base64url'),
    auth,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits for the push of `reminderId` the API sent. */
export async function pushFor(service: TestPushService, reminderId: string): Promise<ReceivedPush> {
  await expect
    .poll(() => service.received.some((push) => push.payload.reminderId === reminderId), {
      timeout: 60_000,
      message: `a push for reminder ${reminderId} (unreadable: ${service.refused.join('; ') || 'none'})`,
    })
    .toBe(true);
  return service.received.find((push) => push.payload.reminderId === reminderId) as ReceivedPush;
}

/**
 * Delivers a push message to the page's service worker as the browser's push service would
 * (`ServiceWorker.deliverPushMessage`), so its real `push` handler runs.
 */
export async function deliverPush(page: Page, data: string) {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data });
  await cdp.detach();
}

/** The notifications the service worker shows now, read from the page. */
export const shownNotifications = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      actions: ((n as Notification & { actions?: { action: string; title: string }[] }).actions ?? []).map(
        (a) => `${a.action}:${a.title}`,
      ),
      data: n.data as Record<string, unknown>,
    }));
  });

/** The app's service worker, as Playwright sees it. */
export async function appServiceWorker(context: BrowserContext): Promise<Worker> {
  const found = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js'));
  return (
    found ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/sw.js') }))
  );
}

/**
 * Clicks the notification of `tag` (its button `action`, or '' for the notification itself): inside the
 * service worker, the shown Notification is taken from `registration.getNotifications()` and a
 * `notificationclick` NotificationEvent carrying it is dispatched to the worker's own listener. (The
 * DevTools protocol has no notification click; the handler's work is the same, only `waitUntil` is not
 * available to a script-made event.)
 */
export async function clickNotification(worker: Worker, tag: string, action: '' | 'done' | 'snooze') {
  await worker.evaluate(
    async ({ tag, action }) => {
      const scope = globalThis as unknown as {
        registration: { getNotifications(filter: { tag: string }): Promise<Notification[]> };
        NotificationEvent: new (type: string, init: { notification: Notification; action: string }) => Event;
        dispatchEvent(event: Event): boolean;
      };
      const [notification] = await scope.registration.getNotifications({ tag });
      if (!notification) throw new Error(`No notification ${tag} shown.`);
      scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification, action }));
    },
    { tag, action },
  );
}

/** The answers the service worker keeps for later (IndexedDB `pa-service-worker`), read from the page. */
export const queuedAnswers = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ clientId: string; token: string; action: string }[]>((resolve, reject) => {
        const open = indexedDB.open('pa-service-worker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reminderActions')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('reminderActions', 'readonly').objectStore('reminderActions').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as { clientId: string; token: string; action: string }[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );

/** The service worker's Background Sync tag for queued answers (REMINDER_ACTIONS_SYNC_TAG in libs/web/pwa). */
export const SYNC_TAG = 'pa-reminder-actions';

/**
 * The browser's side of the service worker, through the DevTools protocol: stop the workers (as the
 * browser does with an idle one) and fire a Background Sync event (`ServiceWorker.dispatchSyncEvent`, what
 * the browser does when the network comes back for a registered tag).
 */
export async function serviceWorkerControl(page: Page, origin: string) {
  const cdp = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  // The running status of each version of the worker, as the browser reports it.
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const id = await Promise.race([
    registrationId,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`No service worker registered for ${origin}.`)), 10_000),
    ),
  ]);
  return {
    stopAll: () => cdp.send('ServiceWorker.stopAllWorkers'),
    /** Whether no version of the worker runs now. */
    stopped: () => running.size > 0 && [...running.values()].every((status) => status === 'stopped'),
    dispatchSync: (tag: string, lastChance: boolean) =>
      cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId: id, tag, lastChance }),
    detach: () => cdp.detach(),
  };
}
