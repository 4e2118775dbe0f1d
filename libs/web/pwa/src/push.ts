// Secondary entry point (@pa/web-pwa/push): the pure pieces of reminders by Web Push, shared by the
// service worker (apps/web/src/sw.ts) and the pages. Nothing here touches the DOM.
export {
  actionForClick,
  notificationFor,
  parsePushPayload,
  safeAppPath,
  type NotificationButton,
  type NotificationSpec,
  type PushKind,
  type PushPayload,
  type ReminderActionName,
} from './lib/push/pushPayload';
export {
  flushActions,
  memoryActionQueueStorage,
  outcomeOfResponse,
  sendOrQueue,
  QUEUE_MAX_AGE_MS,
  QUEUE_MAX_ATTEMPTS,
  type ActionQueueStorage,
  type FlushResult,
  type QueuedAction,
  type SendOutcome,
} from './lib/push/actionQueue';
/** The Background Sync tag under which queued notification answers are sent. */
export const REMINDER_ACTIONS_SYNC_TAG = 'pa-reminder-actions';
/** What a page posts to the service worker to have queued answers sent now (it is back online). */
export const FLUSH_MESSAGE = 'FLUSH_REMINDER_ACTIONS';
