import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type {
  AdminUserFieldsFragment,
  AdminUserQuery,
  AdminUsersQueryVariables,
  PageInfoFieldsFragment,
  Role,
} from '../gql/lazy/graphql';
import {
  adminUserQuery,
  adminUsersQuery,
  deleteUserMutation,
  disableUserMutation,
  enableUserMutation,
  setUserRoleMutation,
} from '../graphql/lazy/admin';

export type AdminUser = AdminUserFieldsFragment;
export type AdminUserDetail = AdminUserQuery['user'];
export type PageInfo = PageInfoFieldsFragment;
/** Filter and page of the people list (Relay arguments: first/after forward, last/before backward). */
export type AdminUsersArgs = AdminUsersQueryVariables;

export interface AdminUsersView {
  users: AdminUser[] | undefined;
  pageInfo: PageInfo | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/** One page of people (administrators; anyone else gets FORBIDDEN from the API). */
export function useAdminUsers(args: AdminUsersArgs): AdminUsersView {
  const query = useQuery(adminUsersQuery, { variables: args, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  const connection = query.data?.users;
  return {
    users: connection?.edges.map((edge) => edge.node),
    pageInfo: connection?.pageInfo,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
  };
}

export interface AdminUserView {
  user: AdminUserDetail | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/** One person, for their administration page. */
export function useAdminUser(id: string): AdminUserView {
  const query = useQuery(adminUserQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  return {
    user: query.data?.user,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
  };
}

export interface AdminUserActions {
  /** Gives the person a role; the cached person (every list showing them) updates from the answer. */
  setRole(userId: string, role: Role): Promise<AdminUser>;
  /** Turns the account off and ends its sessions. */
  disable(userId: string, reason: string | null): Promise<AdminUser>;
  enable(userId: string): Promise<AdminUser>;
  /** Deletes the account and everything it owns; the person leaves every cached list. */
  remove(userId: string): Promise<void>;
}

/**
 * What an administrator can do to an account. Each rejects with the Apollo error: OWN_ACCOUNT,
 * LAST_ADMINISTRATOR, USER_NOT_FOUND or FORBIDDEN (read it with `apiErrorOf`).
 */
export function useAdminUserActions(): AdminUserActions {
  const apollo = useApolloClient();
  return useMemo(() => {
    const must = <T>(data: T | undefined): T => {
      if (data === undefined || data === null) throw new Error('The server sent no answer.');
      return data;
    };
    return {
      async setRole(userId: string, role: Role) {
        const { data } = await apollo.mutate({
          mutation: setUserRoleMutation,
          variables: { input: { userId, role } },
        });
        return must(data).setUserRole;
      },
      async disable(userId: string, reason: string | null) {
        const { data } = await apollo.mutate({
          mutation: disableUserMutation,
          variables: { input: { userId, reason } },
        });
        return must(data).disableUser;
      },
      async enable(userId: string) {
        const { data } = await apollo.mutate({ mutation: enableUserMutation, variables: { userId } });
        return must(data).enableUser;
      },
      async remove(userId: string) {
        await apollo.mutate({
          mutation: deleteUserMutation,
          variables: { userId },
          update(cache) {
            // Lists that held the person drop the dangling reference; the next fetch confirms.
            cache.evict({ id: cache.identify({ __typename: 'User', id: userId }) });
            cache.gc();
          },
        });
      },
    };
  }, [apollo]);
}
