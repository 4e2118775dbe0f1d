import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import type { PendingConsentsQuery } from '../gql/graphql';
import { acceptPendingConsentsMutation, pendingConsentsQuery } from '../graphql/consent';

export type PendingDocument = PendingConsentsQuery['pendingConsents'][number];

export interface PendingConsentsView {
  /** Documents to accept at their current version; undefined while loading or when unreachable. */
  pending: PendingDocument[] | undefined;
  /** Accepts them at the versions shown; rejects with the Apollo error (CONSENT_OUTDATED…). */
  accept(documents: PendingDocument[]): Promise<void>;
}

/** The signed-in person's documents to accept again (a new version of the terms or privacy notice). */
export function usePendingConsents(skip: boolean): PendingConsentsView {
  const apollo = useApolloClient();
  const query = useQuery(pendingConsentsQuery, { skip, fetchPolicy: 'cache-and-network' });
  const accept = useCallback(
    async (documents: PendingDocument[]) => {
      await apollo.mutate({
        mutation: acceptPendingConsentsMutation,
        variables: { input: documents.map((d) => ({ kind: d.kind, version: d.version })) },
      });
      await apollo.refetchQueries({ include: [pendingConsentsQuery] });
    },
    [apollo],
  );
  return { pending: skip ? [] : query.data?.pendingConsents, accept };
}
