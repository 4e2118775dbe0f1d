import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type {
  AvailablePhoneNumbersQuery,
  ClaimPhoneNumberInput,
  MyPhoneNumberFieldsFragment,
  MySmsUsageQuery,
  UsageGrouping,
} from '../../gql/lazy/graphql';
import {
  availablePhoneNumbersQuery,
  claimPhoneNumberMutation,
  myNumbersQuery,
  mySmsUsageQuery,
  releasePhoneNumberMutation,
} from '../../graphql/lazy/sms';

/** One of the person's dedicated numbers. */
export type MyPhoneNumber = MyPhoneNumberFieldsFragment;
/** A number the person can claim; `fromPool` ones are ready at once. */
export type AvailableNumber = AvailablePhoneNumbersQuery['availablePhoneNumbers'][number];
/** Texts and costs over a range: totals and one entry per period (amounts are exact decimal strings). */
export type SmsUsageReport = MySmsUsageQuery['mySmsUsage'];
export type SmsUsageFigures = SmsUsageReport['totals'];

export interface MyNumbersView {
  numbers: MyPhoneNumber[] | undefined;
  /** The verified phone the numbers answer, partly hidden (+33 •••• 78); null when none is verified. */
  verifiedPhone: string | null | undefined;
  /** What a number costs a month (exact decimal), known before claiming one. */
  price: { monthlyCost: string; currency: string } | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/** The person's numbers and whether they have a verified phone to text them from. */
export function useMyNumbers(): MyNumbersView {
  const query = useQuery(myNumbersQuery, { fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  return {
    numbers: query.data?.myPhoneNumbers,
    verifiedPhone: query.data ? query.data.mfaStatus.smsPhone : undefined,
    price: query.data?.phoneNumberPrice,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
  };
}

export interface MyNumberActions {
  /** Numbers available now (spare pool ones first, as the API orders them). */
  search(country: string, areaCode: string | null): Promise<AvailableNumber[]>;
  /** Claims the number named, or with no input the first available; the numbers list refreshes. */
  claim(input?: ClaimPhoneNumberInput): Promise<MyPhoneNumber>;
  /** Gives a number back; texts to it stop reaching the person. */
  release(id: string): Promise<void>;
}

/**
 * What a person can do with their numbers. Each rejects with the Apollo error (read it with
 * `apiErrorOf`): PHONE_NOT_VERIFIED, NUMBER_LIMIT (details.limit), NUMBER_UNAVAILABLE,
 * NO_NUMBER_AVAILABLE, INVALID_NUMBER_SEARCH, NUMBER_NOT_FOUND.
 */
export function useMyNumberActions(): MyNumberActions {
  const apollo = useApolloClient();
  return useMemo(() => {
    const changed = { refetchQueries: [myNumbersQuery], awaitRefetchQueries: true };
    return {
      async search(country: string, areaCode: string | null) {
        // Availability changes all the time: always ask.
        const { data } = await apollo.query({
          query: availablePhoneNumbersQuery,
          variables: { country, areaCode },
          fetchPolicy: 'no-cache',
        });
        if (!data) throw new Error('The server sent no answer.');
        return data.availablePhoneNumbers;
      },
      async claim(input?: ClaimPhoneNumberInput) {
        const { data } = await apollo.mutate({
          mutation: claimPhoneNumberMutation,
          variables: { input: input ?? null },
          ...changed,
        });
        if (!data) throw new Error('The server sent no answer.');
        return data.claimPhoneNumber;
      },
      async release(id: string) {
        await apollo.mutate({ mutation: releasePhoneNumberMutation, variables: { id }, ...changed });
      },
    };
  }, [apollo]);
}

export interface SmsUsageArgs {
  /** ISO instants; both null: the last 30 days. */
  from: string | null;
  to: string | null;
  groupBy: UsageGrouping;
}

export interface MySmsUsageView {
  usage: SmsUsageReport | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
}

/** The person's texts and their cost, by day or month. */
export function useMySmsUsage(args: SmsUsageArgs): MySmsUsageView {
  const query = useQuery(mySmsUsageQuery, { variables: args, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  return {
    usage: query.data?.mySmsUsage,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
  };
}
