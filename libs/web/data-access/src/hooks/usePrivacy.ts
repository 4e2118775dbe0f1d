import { useApolloClient, useQuery } from '@apollo/client/react';
import { useContext, useEffect, useMemo } from 'react';
import type { ConfirmIdentityInput, DataExportFieldsFragment } from '../gql/lazy/graphql';
import {
  cancelAccountDeletionMutation,
  privacyQuery,
  requestAccountDeletionMutation,
  requestDataExportMutation,
} from '../graphql/lazy/privacy';
import { AuthContext } from '../lib/authContext';

export type DataExportInfo = DataExportFieldsFragment;

export interface PrivacyView {
  exports: DataExportInfo[] | undefined;
  /** When the account is set to be deleted, if it is. */
  deletion: { requestedAt: string; dueAt: string } | null | undefined;
  loading: boolean;
  error: Error | undefined;
  /** Rejects with the Apollo error (INVALID_CREDENTIALS, MFA_REQUIRED, EXPORT_TOO_SOON…). */
  requestExport(input: ConfirmIdentityInput): Promise<void>;
  requestDeletion(input: ConfirmIdentityInput): Promise<void>;
  cancelDeletion(): Promise<void>;
  /** Downloads a ready export with the session's token and hands it to the browser as a file. */
  download(item: DataExportInfo): Promise<void>;
}

/** The signed-in person's data rights: copies of their data, and deleting their account. */
export function usePrivacy(): PrivacyView {
  const apollo = useApolloClient();
  const auth = useContext(AuthContext);
  // Polls while an export is being made (it is usually ready within seconds).
  const query = useQuery(privacyQuery, { fetchPolicy: 'cache-and-network' });
  const pending = query.data?.dataExports.some((e) => e.status === 'PENDING') ?? false;
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    if (!pending) return undefined;
    startPolling(2000);
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);
  const actions = useMemo(
    () => ({
      async requestExport(input: ConfirmIdentityInput) {
        await apollo.mutate({ mutation: requestDataExportMutation, variables: { input } });
        await apollo.refetchQueries({ include: [privacyQuery] });
      },
      async requestDeletion(input: ConfirmIdentityInput) {
        await apollo.mutate({ mutation: requestAccountDeletionMutation, variables: { input } });
        await apollo.refetchQueries({ include: [privacyQuery] });
      },
      async cancelDeletion() {
        await apollo.mutate({ mutation: cancelAccountDeletionMutation });
        await apollo.refetchQueries({ include: [privacyQuery] });
      },
      async download(item: DataExportInfo) {
        const token = await auth?.freshToken();
        if (!token || !item.downloadPath) throw new Error('Please sign in again.');
        const res = await fetch(item.downloadPath, { headers: { authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error('This download is not available. Ask for a new copy.');
        const url = URL.createObjectURL(await res.blob());
        const link = document.createElement('a');
        link.href = url;
        link.download = `my-data-${item.requestedAt.slice(0, 10)}.zip`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
    }),
    [apollo, auth],
  );
  return {
    exports: query.data?.dataExports,
    deletion: query.data ? query.data.accountDeletion : undefined,
    loading: query.loading,
    error: query.error,
    ...actions,
  };
}
