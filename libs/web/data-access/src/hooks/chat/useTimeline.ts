import { NetworkStatus } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { conversationMessagesQuery, messageThreadQuery } from '../../graphql/lazy/chat';
import { mergeTimeline, type ChatMessage, type TimelineItem } from '../../lib/chat/timeline';
import type { ChatRoom } from './useChatRoom';
import { useReconnected } from './useReconnected';

/** How many of the latest messages a conversation's timeline asks for. */
export const PAGE_SIZE = 50;
const THREAD_PAGE_SIZE = 100;

export interface TimelineView {
  /** Oldest first, then the unsent messages. */
  items: TimelineItem[];
  /** True until the first page is known. */
  loading: boolean;
  /** CONVERSATION_NOT_FOUND for a deleted one or someone else's (read it with `apiErrorOf`). */
  error: Error | undefined;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: Error | undefined;
  /** Loads the page before the oldest message shown (does nothing while a page is loading). */
  loadOlder(): void;
}

interface OlderPages {
  messages: ChatMessage[];
  /** Where the next older page ends; undefined while only the latest page is loaded. */
  cursor?: string | null;
  hasMore?: boolean;
}

/** A conversation's messages outside threads: the latest page, older pages on demand, and what is live. */
export function useTimeline(room: ChatRoom): TimelineView {
  const { conversationId } = room;
  const apollo = useApolloClient();
  const latest = useQuery(conversationMessagesQuery, {
    variables: { id: conversationId, last: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const { refetch } = latest;
  useReconnected(useCallback(() => void refetch(), [refetch]));

  const [older, setOlder] = useState<OlderPages>({ messages: [] });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<Error | undefined>();
  const busy = useRef(false);

  const page = latest.data?.conversation.messages;
  const cursor = older.cursor !== undefined ? older.cursor : (page?.pageInfo.startCursor ?? null);
  const hasOlder = older.hasMore ?? page?.pageInfo.hasPreviousPage ?? false;

  const loadOlder = useCallback(() => {
    if (busy.current || !hasOlder || !cursor) return;
    busy.current = true;
    setLoadingOlder(true);
    setOlderError(undefined);
    apollo
      .query({
        query: conversationMessagesQuery,
        variables: { id: conversationId, last: PAGE_SIZE, before: cursor },
        fetchPolicy: 'no-cache',
      })
      .then(({ data }) => {
        const messages = data?.conversation.messages;
        if (!messages) return;
        setOlder((previous) => ({
          messages: [...messages.edges.map((e) => e.node), ...previous.messages],
          cursor: messages.pageInfo.startCursor,
          hasMore: messages.pageInfo.hasPreviousPage,
        }));
      })
      .catch((error: unknown) => setOlderError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        busy.current = false;
        setLoadingOlder(false);
      });
  }, [apollo, conversationId, cursor, hasOlder]);

  const latestMessages = useMemo(() => page?.edges.map((e) => e.node) ?? [], [page]);
  const items = useMemo(
    () =>
      mergeTimeline(
        { conversationId, parentId: null },
        [older.messages, latestMessages, room.live],
        room.outbox,
        room.replyCounts,
      ),
    [conversationId, older.messages, latestMessages, room.live, room.outbox, room.replyCounts],
  );

  return {
    items,
    loading: !page && latest.loading,
    error: page ? undefined : latest.error,
    hasOlder,
    loadingOlder,
    olderError,
    loadOlder,
  };
}

export interface ThreadView {
  /** The message the thread hangs from. */
  root: ChatMessage | undefined;
  /** Replies, oldest first, then the unsent ones. */
  items: TimelineItem[];
  loading: boolean;
  /** MESSAGE_NOT_FOUND for a message that is not the person's (read it with `apiErrorOf`). */
  error: Error | undefined;
  hasLater: boolean;
  loadingLater: boolean;
  loadLater(): void;
}

/** One thread of a conversation: its first message, its replies, and replies arriving live. */
export function useThread(room: ChatRoom, rootId: string): ThreadView {
  const { conversationId } = room;
  const query = useQuery(messageThreadQuery, {
    variables: { id: rootId, first: THREAD_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { refetch, fetchMore } = query;
  useReconnected(useCallback(() => void refetch(), [refetch]));

  const message = query.data?.message;
  const replies = message?.replies;
  const endCursor = replies?.pageInfo.endCursor ?? null;
  const loadLater = useCallback(() => {
    if (!endCursor) return;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous) return fetchMoreResult;
        return {
          message: {
            ...previous.message,
            replies: {
              ...fetchMoreResult.message.replies,
              edges: [...previous.message.replies.edges, ...fetchMoreResult.message.replies.edges],
            },
          },
        };
      },
    });
  }, [fetchMore, endCursor]);

  const fetched = useMemo(() => replies?.edges.map((e) => e.node) ?? [], [replies]);
  const items = useMemo(
    () => mergeTimeline({ conversationId, parentId: rootId }, [fetched, room.live], room.outbox),
    [conversationId, rootId, fetched, room.live, room.outbox],
  );
  const root = useMemo(() => {
    if (!message) return undefined;
    const { replies: _replies, ...rest } = message;
    const count = room.replyCounts.get(rootId);
    return count === undefined ? rest : { ...rest, replyCount: count };
  }, [message, room.replyCounts, rootId]);

  return {
    root,
    items,
    loading: !message && query.loading,
    error: message ? undefined : query.error,
    hasLater: replies?.pageInfo.hasNextPage ?? false,
    loadingLater: query.networkStatus === NetworkStatus.fetchMore,
    loadLater,
  };
}
