import { useQuery } from '@apollo/client/react';
import type {
  AuditEntryFieldsFragment,
  AuditLogQueryVariables,
  PageInfoFieldsFragment,
} from '../gql/lazy/graphql';
import { auditLogQuery } from '../graphql/lazy/admin';

export type AuditEntry = AuditEntryFieldsFragment;
/** Filter and page of the audit trail (Relay arguments). */
export type AuditLogArgs = AuditLogQueryVariables;

export interface AuditLogView {
  entries: AuditEntry[] | undefined;
  pageInfo: PageInfoFieldsFragment | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/** One page of the audit trail, newest first (administrators). */
export function useAuditLog(args: AuditLogArgs): AuditLogView {
  const query = useQuery(auditLogQuery, { variables: args, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  const connection = query.data?.auditLog;
  return {
    entries: connection?.edges.map((edge) => edge.node),
    pageInfo: connection?.pageInfo,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
  };
}
