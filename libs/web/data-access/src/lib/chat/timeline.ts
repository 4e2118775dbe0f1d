import type { ChatMessageFieldsFragment } from '../../gql/lazy/graphql';

/** A stored message, as the chat shows it. */
export type ChatMessage = ChatMessageFieldsFragment;

/** Why a send did not go through: a code from the API, or NETWORK_ERROR. */
export type SendFailure = { code: string; message: string };

/**
 * A message typed here and not yet confirmed by the API (it waits in the outbox). It keeps the client
 * id it was first sent with, so a retry can never store it twice.
 */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  parentId: string | null;
  body: string;
  /** When it was typed (ISO); orders the unsent messages among themselves. */
  queuedAt: string;
  /** `waiting`: offline, or to be tried again shortly; `failed`: refused (retry or edit it). */
  state: 'waiting' | 'sending' | 'failed';
  failure?: SendFailure;
  /** Attempts that failed for a passing reason (the network); 0 while it simply waits. */
  attempts?: number;
}

/** One line of a timeline: a stored message, or one still on its way (or failed). */
export type TimelineItem =
  | { kind: 'message'; key: string; message: ChatMessage }
  | { kind: 'unsent'; key: string; entry: OutboxEntry };

/** Which messages a timeline holds: the conversation's own (`parentId: null`) or one thread's. */
export interface TimelineScope {
  conversationId: string;
  parentId: string | null;
}

const byTime = (a: ChatMessage, b: ChatMessage) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : Date.parse(a.createdAt) - Date.parse(b.createdAt);

/**
 * Merges what is known of a timeline — fetched pages, messages that arrived live, mutation results and
 * the outbox — into what the person sees: each stored message once (by id), oldest first, then the
 * unsent ones. An unsent message whose client id is now stored is gone: the stored one replaced it, so
 * it is never shown twice. Keys follow the client id, so the optimistic line becomes the stored one in
 * place.
 */
export function mergeTimeline(
  scope: TimelineScope,
  sources: readonly (readonly ChatMessage[])[],
  outbox: readonly OutboxEntry[],
  replyCounts: ReadonlyMap<string, number> = new Map(),
): TimelineItem[] {
  const byId = new Map<string, ChatMessage>();
  for (const source of sources) {
    for (const message of source) {
      if (message.conversationId !== scope.conversationId) continue;
      if ((message.parentId ?? null) !== scope.parentId) continue;
      byId.set(message.id, message);
    }
  }
  const stored = [...byId.values()].sort(byTime);
  const storedClientIds = new Set(stored.map((m) => m.clientId).filter((id): id is string => !!id));
  const items: TimelineItem[] = stored.map((message) => {
    const count = replyCounts.get(message.id);
    const shown =
      count !== undefined && count !== message.replyCount ? { ...message, replyCount: count } : message;
    return { kind: 'message', key: message.clientId ?? message.id, message: shown };
  });
  const unsent = outbox
    .filter(
      (e) =>
        e.conversationId === scope.conversationId &&
        e.parentId === scope.parentId &&
        !storedClientIds.has(e.clientId),
    )
    .sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt));
  for (const entry of unsent) items.push({ kind: 'unsent', key: entry.clientId, entry });
  return items;
}

/** Adds messages to a list unless their id is there already (live events can repeat a fetched one). */
export function withMessages(list: readonly ChatMessage[], added: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(list.map((m) => m.id));
  const fresh = added.filter((m) => {
    if (known.has(m.id)) return false;
    known.add(m.id);
    return true;
  });
  return fresh.length === 0 ? (list as ChatMessage[]) : [...list, ...fresh];
}

/** A message of the assistant that delivers a reminder (the person can answer "done" or "snooze 10"). */
export const isReminderMessage = (message: Pick<ChatMessage, 'author' | 'body'>) =>
  message.author !== 'USER' && message.body.startsWith('⏰');

/**
 * The reminder that quick answers apply to: the latest reminder message, as long as the person has
 * not written since (the assistant applies "done" and "snooze" to the last reminder it delivered).
 */
export function answerableReminderId(items: readonly TimelineItem[]): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item) continue;
    if (item.kind === 'unsent') return null;
    if (item.message.author === 'USER') return null;
    if (isReminderMessage(item.message)) return item.message.id;
  }
  return null;
}
