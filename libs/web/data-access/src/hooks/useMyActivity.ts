import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import type { ActivityEntryFieldsFragment } from '../gql/lazy/graphql';
import { myActivityQuery } from '../graphql/lazy/account';

export type ActivityEntry = ActivityEntryFieldsFragment;

export interface MyActivityView {
  entries: ActivityEntry[] | undefined;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: Error | undefined;
  refetch(): void;
  /** Appends the next page (the cache merges the pages: relay-style pagination on User.auditEntries). */
  loadMore(): Promise<void>;
}

/** What happened on the signed-in person's account, newest first, `pageSize` entries at a time. */
export function useMyActivity(pageSize = 20): MyActivityView {
  const query = useQuery(myActivityQuery, {
    variables: { first: pageSize },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { fetchMore, refetch } = query;
  const connection = query.data?.me.auditEntries;
  const endCursor = connection?.pageInfo.endCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    await fetchMore({ variables: { first: pageSize, after: endCursor } });
  }, [fetchMore, endCursor, pageSize]);

  return {
    entries: connection?.edges.map((edge) => edge.node),
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    loading: query.loading,
    loadingMore: query.networkStatus === NetworkStatus.fetchMore,
    error: query.error,
    refetch: () => void refetch(),
    loadMore,
  };
}
