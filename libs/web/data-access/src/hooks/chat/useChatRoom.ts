import { useApolloClient, useSubscription } from '@apollo/client/react';
import { normaliseMessageBody } from '@pa/shared-domain/conversations';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  conversationMessagesQuery,
  messageAddedSubscription,
  messageReplyCountQuery,
} from '../../graphql/lazy/chat';
import { withMessages, type ChatMessage, type OutboxEntry } from '../../lib/chat/timeline';
import type { OutboxItem } from '../../lib/offline/outboxTypes';
import { useOutbox, useOutboxItems } from '../offline/useOutbox';
import { PAGE_SIZE } from './useTimeline';

/** Why a message was not queued: nothing to send, or longer than MESSAGE_BODY_MAX. */
export type SendRefusal = 'empty' | 'too-long';

export interface ChatRoom {
  conversationId: string;
  /** Messages that arrived live or as a send's answer (all of them: the timeline and threads filter). */
  live: readonly ChatMessage[];
  /** Reply counts asked again after a live reply (message id → count). */
  replyCounts: ReadonlyMap<string, number>;
  /** The person's unsent messages (every conversation; the timelines filter). */
  outbox: readonly OutboxEntry[];
  /**
   * Queues a message (in the thread of `parentId` if given) in the outbox, which sends it at once or
   * when back online. The text is kept from then on, so the composer can be cleared.
   */
  send(body: string, parentId?: string | null): { queued: true } | { queued: false; reason: SendRefusal };
  /** Sends an unsent message again now, with the same client id: the API stores it at most once. */
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

/** Whether retrying a failed send may work (a server hiccup, an interrupted page). */
export const isRetryable = (failure: { code: string } | undefined) =>
  !failure || !LASTING_FAILURES.has(failure.code);

/** The outbox's queued messages, as the timelines show them. */
export function messageEntries(items: readonly OutboxItem[]): OutboxEntry[] {
  const entries: OutboxEntry[] = [];
  for (const item of items) {
    if (item.action.kind !== 'sendMessage') continue;
    entries.push({
      clientId: item.clientId,
      conversationId: item.action.conversationId,
      parentId: item.action.parentId,
      body: item.action.body,
      queuedAt: item.queuedAt,
      state: item.state,
      failure: item.failure,
      attempts: item.attempts,
    });
  }
  return entries;
}

/**
 * Adds a message that arrived live to the cached latest page of its conversation: the kept data (for
 * offline use) then holds the conversation as the person last saw it.
 */
function keepInLatestPage(apollo: ReturnType<typeof useApolloClient>, message: ChatMessage): void {
  apollo.cache.updateQuery(
    { query: conversationMessagesQuery, variables: { id: message.conversationId, last: PAGE_SIZE } },
    (data) => {
      const page = data?.conversation.messages;
      if (!data || !page || page.edges.some((e) => e.node.id === message.id)) return undefined;
      const edges = [
        ...page.edges,
        { __typename: 'MessageEdge' as const, cursor: message.id, node: message },
      ];
      return { ...data, conversation: { ...data.conversation, messages: { ...page, edges } } };
    },
  );
}

/**
 * A conversation, live: every new message arrives through `messageAdded` (the person's own from any
 * device, the assistant's replies, thread replies, reminders that fire) and sends go through the
 * outbox (IndexedDB), with a client id made before sending so retries never store a message twice.
 */
export function useChatRoom(conversationId: string): ChatRoom {
  const apollo = useApolloClient();
  const outboxStore = useOutbox();
  const items = useOutboxItems(outboxStore);
  const outbox = useMemo(() => messageEntries(items), [items]);
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
      if (seen.current.has(message.id)) return;
      seen.current.add(message.id);
      setLive((list) => withMessages(list, [message]));
      if (message.parentId) refreshReplyCount(message.parentId);
      else keepInLatestPage(apollo, message);
    },
    [apollo, refreshReplyCount],
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

  // The outbox delivered one of this conversation's messages: the stored one replaces the unsent one.
  useEffect(
    () =>
      outboxStore?.onLanded((item, landed) => {
        const message = landed.result as ChatMessage | undefined;
        if (item.action.kind === 'sendMessage' && message?.conversationId === conversationId)
          arrived(message);
      }),
    [outboxStore, conversationId, arrived],
  );

  const send = useCallback<ChatRoom['send']>(
    (body, parentId = null) => {
      if (body.trim() === '') return { queued: false, reason: 'empty' };
      const text = normaliseMessageBody(body);
      if (text === null) return { queued: false, reason: 'too-long' };
      if (!outboxStore) throw new Error('Sending is not available: reload the page.');
      void outboxStore.add({ kind: 'sendMessage', conversationId, parentId, body: text });
      return { queued: true };
    },
    [conversationId, outboxStore],
  );

  const retry = useCallback((clientId: string) => void outboxStore?.retry(clientId), [outboxStore]);

  const discard = useCallback(
    (clientId: string) => {
      const entry = outbox.find((e) => e.clientId === clientId);
      if (!entry || entry.state === 'sending') return undefined;
      void outboxStore?.discard(clientId);
      return entry.body;
    },
    [outbox, outboxStore],
  );

  return useMemo(
    () => ({ conversationId, live, replyCounts, outbox, send, retry, discard }),
    [conversationId, live, replyCounts, outbox, send, retry, discard],
  );
}
