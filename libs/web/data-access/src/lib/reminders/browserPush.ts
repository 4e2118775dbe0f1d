// This browser's side of Web Push: permission, and the PushManager subscription the API sends to.

/** What this browser allows: no Web Push at all, not asked yet, refused (blocked), or allowed. */
export type PushPermission = 'unsupported' | 'default' | 'denied' | 'granted';

/** Whether this browser can receive Web Push here, and what the person said so far. */
export function pushPermission(): PushPermission {
  if (
    typeof window === 'undefined' ||
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  )
    return 'unsupported';
  return Notification.permission;
}

/** A subscription as the API keeps it. */
export interface PushKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

const READY_TIMEOUT_MS = 10_000;

/** The service worker registration (it registers after load; none in development). */
async function registration(): Promise<ServiceWorkerRegistration> {
  const ready = navigator.serviceWorker.ready;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('The app’s service worker is not running here.')), READY_TIMEOUT_MS),
  );
  return Promise.race([ready, timeout]);
}

/** base64url → bytes (the VAPID key as the API gives it). */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const keysOf = (subscription: PushSubscription): PushKeys => {
  const json = subscription.toJSON();
  const p256dh = json.keys?.['p256dh'];
  const auth = json.keys?.['auth'];
  if (!json.endpoint || !p256dh || !auth) throw new Error('The browser gave an incomplete subscription.');
  return { endpoint: json.endpoint, p256dh, auth };
};

/**
 * Asks for permission (call it from a tap: browsers refuse otherwise) and subscribes this browser with
 * the API's public key. A subscription made with another key is replaced.
 */
export async function subscribeThisBrowser(publicKey: string): Promise<PushKeys> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushPermissionError(permission);
  const reg = await registration();
  const applicationServerKey = base64UrlToBytes(publicKey);
  const existing = await reg.pushManager.getSubscription();
  if (existing) {
    const key = existing.options.applicationServerKey;
    const same =
      key !== null &&
      new Uint8Array(key).length === applicationServerKey.length &&
      new Uint8Array(key).every((byte, i) => byte === applicationServerKey[i]);
    if (same) return keysOf(existing);
    await existing.unsubscribe();
  }
  const subscription = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
  return keysOf(subscription);
}

/** This browser's current subscription, if any. */
export async function currentBrowserSubscription(): Promise<PushKeys | null> {
  if (pushPermission() === 'unsupported') return null;
  const reg = await registration().catch(() => null);
  const subscription = await reg?.pushManager.getSubscription();
  return subscription ? keysOf(subscription) : null;
}

/** Ends this browser's subscription; resolves to its endpoint (to tell the API), or null. */
export async function unsubscribeThisBrowser(): Promise<string | null> {
  const reg = await registration().catch(() => null);
  const subscription = await reg?.pushManager.getSubscription();
  if (!subscription) return null;
  const { endpoint } = subscription;
  await subscription.unsubscribe();
  return endpoint;
}

/** The person (or the browser) said no. */
export class PushPermissionError extends Error {
  constructor(readonly permission: NotificationPermission) {
    super(
      permission === 'denied'
        ? 'Notifications are blocked for this site.'
        : 'Notifications were not allowed.',
    );
  }
}
