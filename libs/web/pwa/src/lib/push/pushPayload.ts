// What the API sends in a Web Push message (JSON, decrypted by the browser) and how the service worker
// turns it into a notification. Pure: unit-tested, and used by the service worker.

/** What a push is about. */
export type PushKind = 'reminder' | 'checkin' | 'focus' | 'test';

/** The push payload, version 1 (see the API's push sender). */
export interface PushPayload {
  v: 1;
  kind: PushKind;
  reminderId: string | null;
  title: string;
  body: string;
  tag: string;
  /** Where a click on the notification leads (same origin, a path). */
  url: string;
  occurrenceDueAt: string | null;
  step: number;
  /** Lets the notification's actions answer without a session; null for a test. */
  actionToken: string | null;
}

const KINDS: readonly PushKind[] = ['reminder', 'checkin', 'focus', 'test'];
const MAX_TITLE = 120;
const MAX_BODY = 500;

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' ? value.slice(0, max) : null;

/** A same-origin path to open, or `/today` when the payload's URL is missing or points elsewhere. */
export function safeAppPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/today';
  return value;
}

/**
 * Reads a push message's JSON. Anything unreadable still becomes a notification (a push with
 * userVisibleOnly must show one), with a plain text that opens the app.
 */
export function parsePushPayload(raw: string | null): PushPayload {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: shown as the fallback below.
  }
  const kind = KINDS.includes(data['kind'] as PushKind) ? (data['kind'] as PushKind) : 'reminder';
  const reminderId = text(data['reminderId'], 64);
  return {
    v: 1,
    kind,
    reminderId,
    title: text(data['title'], MAX_TITLE) || 'Personal Assistant TDAH',
    body: text(data['body'], MAX_BODY) ?? 'You have a reminder.',
    tag: text(data['tag'], 100) || (reminderId ? `reminder-${reminderId}` : `pa-${kind}`),
    url: safeAppPath(data['url']),
    occurrenceDueAt: text(data['occurrenceDueAt'], 40),
    step: typeof data['step'] === 'number' && Number.isFinite(data['step']) ? data['step'] : 0,
    actionToken: text(data['actionToken'], 2000),
  };
}

/** A notification's action button (the browser's NotificationAction). */
export interface NotificationButton {
  action: 'done' | 'snooze';
  title: string;
}

/** What `registration.showNotification(title, options)` gets. */
export interface NotificationSpec {
  title: string;
  options: {
    body: string;
    tag: string;
    renotify: boolean;
    requireInteraction: boolean;
    icon: string;
    badge: string;
    timestamp: number;
    data: PushPayload;
    actions: NotificationButton[];
  };
}

/** The notification for a payload: one per reminder (a re-send replaces it and rings again). */
export function notificationFor(payload: PushPayload, now = Date.now()): NotificationSpec {
  const answerable = payload.actionToken !== null && payload.reminderId !== null;
  const due = payload.occurrenceDueAt ? Date.parse(payload.occurrenceDueAt) : NaN;
  return {
    title: payload.title,
    options: {
      body: payload.body,
      tag: payload.tag,
      renotify: true,
      // A reminder stays until answered; a test goes away by itself.
      requireInteraction: payload.kind !== 'test',
      icon: '/pwa-192x192.png',
      badge: '/pwa-64x64.png',
      timestamp: Number.isFinite(due) ? due : now,
      data: payload,
      // A check-in has nothing to mark done or put off: a tap opens the chat and answers it.
      actions:
        answerable && payload.kind !== 'checkin'
          ? [
              { action: 'done', title: 'Done' },
              { action: 'snooze', title: 'Snooze 10 min' },
            ]
          : [],
    },
  };
}

/** How a notification was answered, as the API names it. */
export type ReminderActionName = 'DONE' | 'SNOOZED' | 'OPENED';

/** The API action for a click: an action button, or the notification itself (OPENED). */
export function actionForClick(action: string): ReminderActionName {
  if (action === 'done') return 'DONE';
  if (action === 'snooze') return 'SNOOZED';
  return 'OPENED';
}
