import { FLUSH_MESSAGE } from '../push';
import { createUpdateController } from './updates';

/** Where the service worker is and whether to register it (not in development, where there is none). */
export interface ServiceWorkerOptions {
  url?: string;
  enabled?: boolean;
  /** How often an open app asks the server for a new version (it also asks when it comes back into view). */
  checkEveryMs?: number;
}

// If activation never hands over control (the new worker failed), reload anyway: the person asked.
const HANDOVER_TIMEOUT_MS = 5_000;

/** The app's update state, shown by UpdatePrompt. */
export const updates = createUpdateController(() => window.location.reload());

/**
 * Registers the service worker once the page has loaded: workbox-window is fetched then, so it is not
 * part of the first download. A new version is never applied silently (see createUpdateController).
 */
export function startServiceWorker({
  url = '/sw.js',
  enabled = true,
  checkEveryMs = 60 * 60_000,
}: ServiceWorkerOptions = {}): void {
  if (!enabled || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // The first install taking control of the page (clients.claim) is not an update.
  let hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (hadController) updates.controllerChanged();
    hadController = true;
  });

  const start = async () => {
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox(url);
    wb.addEventListener('waiting', () =>
      updates.waiting(() => {
        wb.messageSkipWaiting();
        setTimeout(() => window.location.reload(), HANDOVER_TIMEOUT_MS);
      }),
    );
    await wb.register();
    // Answers to reminder notifications queued offline go as soon as a page sees the network again
    // (Background Sync does the same where the browser has it).
    const flush = () => container.controller?.postMessage({ type: FLUSH_MESSAGE });
    window.addEventListener('online', flush);
    flush();
    // Offline or server down: the next check will do.
    const check = () => void wb.update().catch(() => undefined);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      check();
      flush();
    });
    setInterval(check, checkEveryMs);
  };
  // No service worker (private mode, blocked, a failed fetch): the app works as a plain web page.
  const begin = () =>
    void start().catch((error: unknown) => console.warn('Service worker not registered:', error));
  if (document.readyState === 'complete') begin();
  else window.addEventListener('load', begin, { once: true });
}
