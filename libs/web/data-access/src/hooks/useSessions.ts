import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import type { MySessionsQuery } from '../gql/graphql';
import { mySessionsQuery, revokeSessionMutation } from '../graphql/auth';

export type SessionInfo = MySessionsQuery['mySessions'][number];

export interface SessionsView {
  sessions: SessionInfo[] | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
  /** Ends one session (not this one: use signOut for that). */
  revoke(id: string): Promise<void>;
}

/** The signed-in devices of the account, oldest first, and a way to end one. */
export function useSessions(): SessionsView {
  const query = useQuery(mySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [revokeSession] = useMutation(revokeSessionMutation);
  const { refetch } = query;

  const revoke = useCallback(
    async (id: string) => {
      await revokeSession({
        variables: { id },
        // The list shrinks at once; the refetch confirms it.
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: 'SessionInfo', id }) });
          cache.gc();
        },
      });
      await refetch();
    },
    [revokeSession, refetch],
  );

  return {
    sessions: query.data?.mySessions,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
    revoke,
  };
}
