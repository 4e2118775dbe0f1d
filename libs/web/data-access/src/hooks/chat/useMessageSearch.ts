import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import type { SearchMessagesQuery } from '../../gql/lazy/graphql';
import { searchMessagesQuery } from '../../graphql/lazy/chat';

const PAGE_SIZE = 20;

/** One search result: the message, its relevance, and the words around the match. */
export type SearchHit = SearchMessagesQuery['searchMessages']['edges'][number]['node'];
/** A piece of a snippet; `highlighted` pieces matched the search (plain text, never HTML). */
export type SnippetPart = SearchHit['snippet'][number];

export interface MessageSearchView {
  hits: SearchHit[] | undefined;
  loading: boolean;
  /** INVALID_SEARCH for an empty or too long search (read it with `apiErrorOf`). */
  error: Error | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

/** The person's messages matching `query` (best first); nothing is asked while it is blank. */
export function useMessageSearch(query: string, conversationId?: string | null): MessageSearchView {
  const words = query.trim();
  const result = useQuery(searchMessagesQuery, {
    variables: {
      query: words,
      first: PAGE_SIZE,
      filter: conversationId ? { conversationId } : null,
    },
    skip: words === '',
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const { fetchMore } = result;
  const connection = words === '' ? undefined : result.data?.searchMessages;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const loadMore = useCallback(() => {
    if (!endCursor) return;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous) return fetchMoreResult;
        return {
          searchMessages: {
            ...fetchMoreResult.searchMessages,
            edges: [...previous.searchMessages.edges, ...fetchMoreResult.searchMessages.edges],
          },
        };
      },
    });
  }, [fetchMore, endCursor]);
  const hits = useMemo(() => connection?.edges.map((e) => e.node), [connection]);
  return {
    hits,
    loading: words !== '' && result.loading && !connection,
    error: words === '' ? undefined : result.error,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    loadingMore: result.networkStatus === NetworkStatus.fetchMore,
    loadMore,
  };
}
