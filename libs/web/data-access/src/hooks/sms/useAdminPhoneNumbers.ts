import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type {
  AdminPhoneNumberFieldsFragment,
  CheckPhoneNumberWebhooksMutation,
  ClaimPhoneNumberInput,
  PhoneNumberStatus,
  SmsAnalyticsQuery,
  SmsPeopleSearchQuery,
} from '../../gql/lazy/graphql';
import {
  addPoolPhoneNumberMutation,
  adminPhoneNumbersQuery,
  checkPhoneNumberWebhooksMutation,
  reassignPhoneNumberMutation,
  releasePhoneNumberToTwilioMutation,
  smsAnalyticsQuery,
  smsPeopleSearchQuery,
  smsUsageCsvQuery,
  unassignPhoneNumberMutation,
} from '../../graphql/lazy/sms';
import type { SmsUsageArgs } from './useMyNumbers';

/** A number with its owner and webhook state, as administrators see it. */
export type AdminPhoneNumber = AdminPhoneNumberFieldsFragment;
/** What a webhook check found and did. */
export type WebhookCheckReport = CheckPhoneNumberWebhooksMutation['checkPhoneNumberWebhooks'];
/** Someone a number can be given to. */
export type PersonMatch = SmsPeopleSearchQuery['users']['edges'][number]['node'];
/** Platform texts and costs: totals, periods, top people, per number. */
export type SmsAnalyticsReport = SmsAnalyticsQuery['smsAnalytics'];

export interface AdminPhoneNumbersArgs {
  status: PhoneNumberStatus | null;
  search: string | null;
  limit: number;
  offset: number;
}

export interface AdminPhoneNumbersView {
  numbers: AdminPhoneNumber[] | undefined;
  total: number | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/** One page of every number, newest first (administrators; anyone else gets FORBIDDEN). */
export function useAdminPhoneNumbers(args: AdminPhoneNumbersArgs): AdminPhoneNumbersView {
  const query = useQuery(adminPhoneNumbersQuery, { variables: args, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  return {
    numbers: query.data?.phoneNumbers.items,
    total: query.data?.phoneNumbers.total,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
  };
}

export interface AdminPhoneNumberActions {
  /** Buys a number into the spare pool. */
  addToPool(input: ClaimPhoneNumberInput): Promise<AdminPhoneNumber>;
  /** Gives a live number to a person. */
  reassign(id: string, userId: string): Promise<AdminPhoneNumber>;
  /** Returns a number to the pool, whoever holds it. */
  unassign(id: string): Promise<AdminPhoneNumber>;
  /** Gives a number back to Twilio: its rental stops. */
  releaseToTwilio(id: string): Promise<AdminPhoneNumber>;
  /** Checks every number's webhooks at Twilio now and repairs drift. */
  checkWebhooks(): Promise<WebhookCheckReport>;
  /** People whose name or email matches (up to 10). */
  findPeople(search: string): Promise<PersonMatch[]>;
}

/**
 * What an administrator can do to numbers; each refreshes the numbers list shown. Rejects with the
 * Apollo error: NUMBER_NOT_FOUND, NUMBER_STATE_CONFLICT, NUMBER_LIMIT, NO_NUMBER_AVAILABLE,
 * NUMBER_UNAVAILABLE, INVALID_NUMBER_SEARCH, USER_NOT_FOUND, FORBIDDEN.
 */
export function useAdminPhoneNumberActions(): AdminPhoneNumberActions {
  const apollo = useApolloClient();
  return useMemo(() => {
    const changed = { refetchQueries: [adminPhoneNumbersQuery], awaitRefetchQueries: true };
    const must = <T>(data: T | undefined): T => {
      if (data === undefined || data === null) throw new Error('The server sent no answer.');
      return data;
    };
    return {
      async addToPool(input: ClaimPhoneNumberInput) {
        const { data } = await apollo.mutate({
          mutation: addPoolPhoneNumberMutation,
          variables: { input },
          ...changed,
        });
        return must(data).addPoolPhoneNumber;
      },
      async reassign(id: string, userId: string) {
        const { data } = await apollo.mutate({
          mutation: reassignPhoneNumberMutation,
          variables: { id, userId },
          ...changed,
        });
        return must(data).reassignPhoneNumber;
      },
      async unassign(id: string) {
        const { data } = await apollo.mutate({
          mutation: unassignPhoneNumberMutation,
          variables: { id },
          ...changed,
        });
        return must(data).unassignPhoneNumber;
      },
      async releaseToTwilio(id: string) {
        const { data } = await apollo.mutate({
          mutation: releasePhoneNumberToTwilioMutation,
          variables: { id },
          ...changed,
        });
        return must(data).releasePhoneNumberToTwilio;
      },
      async checkWebhooks() {
        const { data } = await apollo.mutate({ mutation: checkPhoneNumberWebhooksMutation, ...changed });
        return must(data).checkPhoneNumberWebhooks;
      },
      async findPeople(search: string) {
        const { data } = await apollo.query({
          query: smsPeopleSearchQuery,
          variables: { search },
          fetchPolicy: 'network-only',
        });
        return must(data).users.edges.map((edge) => edge.node);
      },
    };
  }, [apollo]);
}

export interface SmsAnalyticsView {
  report: SmsAnalyticsReport | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
  /** Every usage row of the range as CSV text (one line per message or rental). */
  fetchCsv(): Promise<string>;
}

/** Platform SMS analytics over a range (administrators). */
export function useSmsAnalytics(args: SmsUsageArgs): SmsAnalyticsView {
  const apollo = useApolloClient();
  const query = useQuery(smsAnalyticsQuery, { variables: args, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  const { from, to } = args;
  return {
    report: query.data?.smsAnalytics,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
    async fetchCsv() {
      const { data } = await apollo.query({
        query: smsUsageCsvQuery,
        variables: { from, to },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('The server sent no answer.');
      return data.smsUsageCsv;
    },
  };
}
