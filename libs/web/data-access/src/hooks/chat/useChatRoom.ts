import { useApolloClient, useSubscription } from '@apollo/client/react';
import { normaliseMessageBody } from '@pa/shared-domain/conversations';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  messageAddedSubscription,
  messageReplyCountQuery,
  sendMessageMutation,
} from '../../graphql/lazy/chat';
import { apiErrorOf } from '../../lib/apiError';
import { createOutbox, newClientId, type Outbox } from '../../lib/chat/outbox';
import { withMessages, type ChatMessage, type OutboxEntry } from '../../lib/chat/timeline';
import { tabStorage } from '../../lib/chat/webStorage';

let sharedOutbox: Outbox | undefined;
/** One outbox per tab, shared by every conversation (created on first use, from sessionStorage). */
function chatOutbox(): Outbox {
  sharedOutbox ??= createOutbox(tabStorage());
  return sharedOutbox;
}

/** Why a message was not queued: nothing to send, or longer than MESSAGE_BODY_MAX. */
export type SendRefusal = 'empty' | 'too-long';

export interface ChatRoom {
  conversationId: string;
  /** Messages that arrived live or as a send's answer (all of them: the timeline and threads filter). */
  live: readonly ChatMessage[];
  /** Reply counts asked again after a live reply (message id → count). */
  replyCounts: ReadonlyMap<string, number>;
  /** This tab's unsent messages (every conversation; the timelines filter). */
  outbox: readonly OutboxEntry[];
  /**
   * Queues a message (in the thread of `parentId` if given) and sends it at once. The text is in the
   * outbox from then on, so the composer can be cleared: a failure keeps it there with a retry.
   */
  send(body: string, parentId?: string | null): { queued: true } | { queued: false; reason: SendRefusal };
  /** Sends a failed message again with the same client id: the API stores it at most once. */
  retry(clientId: string): void;
  /** Drops an unsent message (its text is handed back to the caller, e.g. for the composer). */
  discard(clientId: string): string | undefined;
}

// Failures where sending the same message again cannot help: say why, keep the text, offer to edit.
const LASTING_FAILURES = new Set([
  'INVALID_MESSAGE',
  'CONVERSATION_ARCHIVED',
  'CONVERSATION_NOT_FOUND',
  'MESSAGE_NOT_FOUND',
  'FORBIDDEN',
  'INVALID_CLIENT_ID',
  'CLIENT_ID_REUSED',
]);

/** Whether retrying a failed send may work (a network failure, a server hiccup, an interrupted page). */
export const isRetryable = (failure: { code: string } | undefined) =>
  !failure || !LASTING_FAILURES.has(failure.code);

/**
 * A conversation, live: every new message arrives through `messageAdded` (the person's own from any
 * device, the assistant's replies, thread replies, reminders that fire) and sends are optimistic, with a
 * client id made before sending so retries never store a message twice.
 */
export function useChatRoom(conversationId: string): ChatRoom {
  const apollo = useApolloClient();
  const outboxStore = chatOutbox();
  const outbox = useSyncExternalStore(outboxStore.subscribe, outboxStore.entries);
  const [live, setLive] = useState<readonly ChatMessage[]>([]);
  const [replyCounts, setReplyCounts] = useState<ReadonlyMap<string, number>>(new Map());

  const refreshReplyCount = useCallback(
    (parentId: string) => {
      apollo
        .query({ query: messageReplyCountQuery, variables: { id: parentId }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          const count = data?.message.replyCount;
          if (count !== undefined) setReplyCounts((map) => new Map(map).set(parentId, count));
        })
        .catch(() => undefined);
    },
    [apollo],
  );

  // A send's answer and its live event carry the same message: act on it once.
  const seen = useRef(new Set<string>());
  const arrived = useCallback(
    (message: ChatMessage) => {
      // The stored message replaced the optimistic one (whichever of the answer and the event came first).
      if (message.clientId) outboxStore.remove(message.clientId);
      if (seen.current.has(message.id)) return;
      seen.current.add(message.id);
      setLive((list) => withMessages(list, [message]));
      if (message.parentId) refreshReplyCount(message.parentId);
    },
    [outboxStore, refreshReplyCount],
  );

  useSubscription(messageAddedSubscription, {
    variables: { conversationId },
    // The timeline holds live messages itself; nothing to normalise.
    fetchPolicy: 'no-cache',
    onData: ({ data }) => {
      const message = data.data?.messageAdded;
      if (message) arrived(message);
    },
  });

  const deliver = useCallback(
    async (entry: OutboxEntry) => {
      outboxStore.update(entry.clientId, { state: 'sending', failure: undefined });
      try {
        const { data } = await apollo.mutate({
          mutation: sendMessageMutation,
          variables: {
            input: {
              conversationId: entry.conversationId,
              body: entry.body,
              parentId: entry.parentId,
              clientId: entry.clientId,
            },
          },
          fetchPolicy: 'no-cache',
        });
        if (data?.sendMessage) arrived(data.sendMessage);
        else outboxStore.remove(entry.clientId);
      } catch (error) {
        const api = apiErrorOf(error);
        outboxStore.update(entry.clientId, {
          state: 'failed',
          failure: { code: api.code, message: api.message },
        });
      }
    },
    [apollo, outboxStore, arrived],
  );

  const send = useCallback<ChatRoom['send']>(
    (body, parentId = null) => {
      if (body.trim() === '') return { queued: false, reason: 'empty' };
      const text = normaliseMessageBody(body);
      if (text === null) return { queued: false, reason: 'too-long' };
      const entry: OutboxEntry = {
        clientId: newClientId(globalThis.crypto),
        conversationId,
        parentId,
        body: text,
        queuedAt: new Date().toISOString(),
        state: 'sending',
      };
      outboxStore.put(entry);
      void deliver(entry);
      return { queued: true };
    },
    [conversationId, outboxStore, deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const entry = outboxStore.get(clientId);
      if (!entry || entry.state === 'sending') return;
      void deliver(entry);
    },
    [outboxStore, deliver],
  );

  const discard = useCallback(
    (clientId: string) => {
      const entry = outboxStore.get(clientId);
      outboxStore.remove(clientId);
      return entry?.body;
    },
    [outboxStore],
  );

  return useMemo(
    () => ({ conversationId, live, replyCounts, outbox, send, retry, discard }),
    [conversationId, live, replyCounts, outbox, send, retry, discard],
  );
}
