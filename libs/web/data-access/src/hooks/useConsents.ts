import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { ConsentFieldsFragment, ConsentKind, ConsentsQuery } from '../gql/lazy/graphql';
import {
  acceptConsentsFromSettingsMutation,
  consentsQuery,
  withdrawConsentMutation,
} from '../graphql/lazy/privacy';

export type ConsentInfo = ConsentFieldsFragment;
export type LegalDocumentInfo = ConsentsQuery['legalDocuments'][number];
export type HistoryLimitInfo = ConsentsQuery['historyLimit'];

export interface ConsentsView {
  consents: ConsentInfo[] | undefined;
  documents: LegalDocumentInfo[] | undefined;
  historyLimit: HistoryLimitInfo | undefined;
  loading: boolean;
  error: Error | undefined;
  /** Accepts a document at its current version (e.g. turning texts back on). */
  accept(kind: ConsentKind): Promise<void>;
  /** Withdraws a consent (texts only). */
  withdraw(kind: ConsentKind): Promise<void>;
}

/** Settings → Your data: the person's consents, the documents, and their plan's history limit. */
export function useConsents(): ConsentsView {
  const apollo = useApolloClient();
  const query = useQuery(consentsQuery, { fetchPolicy: 'cache-and-network' });
  const documents = query.data?.legalDocuments;
  const actions = useMemo(
    () => ({
      async accept(kind: ConsentKind) {
        const document = documents?.find((d) => d.kind === kind);
        if (!document) throw new Error('Please reload the page.');
        await apollo.mutate({
          mutation: acceptConsentsFromSettingsMutation,
          variables: { input: [{ kind, version: document.version }] },
        });
        await apollo.refetchQueries({ include: [consentsQuery] });
      },
      async withdraw(kind: ConsentKind) {
        await apollo.mutate({ mutation: withdrawConsentMutation, variables: { kind } });
        await apollo.refetchQueries({ include: [consentsQuery] });
      },
    }),
    [apollo, documents],
  );
  return {
    consents: query.data?.me.consents ?? undefined,
    documents,
    historyLimit: query.data?.historyLimit,
    loading: query.loading,
    error: query.error,
    ...actions,
  };
}
