import { NetworkStatus } from '@apollo/client';
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useMemo, useRef } from 'react';
import {
  archiveConversationMutation,
  conversationFieldsFragment,
  conversationQuery,
  conversationsQuery,
  conversationUpdatedSubscription,
  createConversationMutation,
  deleteConversationMutation,
  renameConversationMutation,
} from '../../graphql/lazy/chat';
import {
  conversationEventEffect,
  sortConversations,
  type ConversationInfo,
} from '../../lib/chat/conversationList';
import { useReconnected } from './useReconnected';

const PAGE_SIZE = 50;

export interface ConversationsView {
  /** Most recent activity first; re-sorted live as messages arrive anywhere. */
  conversations: ConversationInfo[] | undefined;
  loading: boolean;
  error: Error | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  refetch(): void;
}

/** The person's conversations (active, or the archived ones), kept current by `conversationUpdated`. */
export function useConversations(archived: boolean): ConversationsView {
  const query = useQuery(conversationsQuery, {
    variables: { archived, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { refetch, fetchMore } = query;
  const connection = query.data?.conversations;
  const conversations = useMemo(
    () => (connection ? sortConversations(connection.edges.map((e) => e.node)) : undefined),
    [connection],
  );
  // The subscription handler reads the list as it is now, not as it was when it was set up.
  const shown = useRef<ConversationInfo[]>([]);
  shown.current = conversations ?? [];
  const refetchList = useCallback(() => void refetch(), [refetch]);

  useSubscription(conversationUpdatedSubscription, {
    // Written by hand below: only changes this list should show reach the cache.
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const incoming = data.data?.conversationUpdated ?? null;
      const effect = conversationEventEffect(shown.current, incoming, archived);
      if (effect === 'refetch') refetchList();
      if (effect === 'update' && incoming)
        client.cache.writeFragment({ fragment: conversationFieldsFragment, data: incoming });
    },
  });
  // Events missed while the socket was down.
  useReconnected(refetchList);

  const [loadingMore, hasMore, endCursor] = [
    query.networkStatus === NetworkStatus.fetchMore,
    connection?.pageInfo.hasNextPage ?? false,
    connection?.pageInfo.endCursor ?? null,
  ];
  const loadMore = useCallback(() => {
    if (!endCursor) return;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous) return fetchMoreResult;
        const seen = new Set(previous.conversations.edges.map((e) => e.node.id));
        return {
          conversations: {
            ...fetchMoreResult.conversations,
            edges: [
              ...previous.conversations.edges,
              ...fetchMoreResult.conversations.edges.filter((e) => !seen.has(e.node.id)),
            ],
          },
        };
      },
    });
  }, [fetchMore, endCursor]);

  return {
    conversations,
    loading: query.loading && !conversations,
    error: query.error,
    hasMore,
    loadingMore,
    loadMore,
    refetch: refetchList,
  };
}

export interface ConversationView {
  conversation: ConversationInfo | undefined;
  loading: boolean;
  /** CONVERSATION_NOT_FOUND for a deleted one or someone else's (read it with `apiErrorOf`). */
  error: Error | undefined;
  refetch(): void;
}

/** One conversation's title and state, kept current by `conversationUpdated`. */
export function useConversation(id: string): ConversationView {
  const query = useQuery(conversationQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  useSubscription(conversationUpdatedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const incoming = data.data?.conversationUpdated;
      if (incoming?.id === id)
        client.cache.writeFragment({ fragment: conversationFieldsFragment, data: incoming });
    },
  });
  const refetchOne = useCallback(() => void refetch(), [refetch]);
  useReconnected(refetchOne);
  return {
    conversation: query.data?.conversation,
    loading: query.loading && !query.data,
    error: query.error,
    refetch: refetchOne,
  };
}

export interface ConversationActions {
  /** Starts a conversation (the default title until renamed). */
  create(title?: string): Promise<ConversationInfo>;
  /** Rejects with INVALID_TITLE (1–120 characters) or CONVERSATION_NOT_FOUND. */
  rename(id: string, title: string): Promise<ConversationInfo>;
  /** Archives it (or restores it with `false`); both lists are asked again. */
  archive(id: string, archived: boolean): Promise<ConversationInfo>;
  /** Deletes it with all its messages. */
  remove(id: string): Promise<void>;
}

/** What a person can do to their conversations. Each rejects with the Apollo error. */
export function useConversationActions(): ConversationActions {
  const apollo = useApolloClient();
  return useMemo(() => {
    const must = <T>(data: T | undefined | null): T => {
      if (data === undefined || data === null) throw new Error('The server sent no answer.');
      return data;
    };
    // Membership of both lists changed: drop them, whichever is shown fetches again.
    const forgetLists = () => {
      apollo.cache.evict({ id: 'ROOT_QUERY', fieldName: 'conversations' });
      apollo.cache.gc();
    };
    return {
      async create(title) {
        const { data } = await apollo.mutate({
          mutation: createConversationMutation,
          variables: { title: title ?? null },
        });
        forgetLists();
        return must(data).createConversation;
      },
      async rename(id, title) {
        const { data } = await apollo.mutate({
          mutation: renameConversationMutation,
          variables: { id, title },
        });
        return must(data).renameConversation;
      },
      async archive(id, archived) {
        const { data } = await apollo.mutate({
          mutation: archiveConversationMutation,
          variables: { id, archived },
        });
        forgetLists();
        return must(data).archiveConversation;
      },
      async remove(id) {
        await apollo.mutate({ mutation: deleteConversationMutation, variables: { id } });
        apollo.cache.evict({ id: apollo.cache.identify({ __typename: 'Conversation', id }) });
        forgetLists();
      },
    };
  }, [apollo]);
}
