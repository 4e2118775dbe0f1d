import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import type { DayPreferencesQuery, UpdatePreferencesInput } from '../gql/lazy/graphql';
import { dayPreferencesQuery, updateDayPreferencesMutation } from '../graphql/lazy/account';

/** The words the assistant reads as times ("morning", "at lunch", "this evening") and the appointment lead. */
export type DayPreferences = DayPreferencesQuery['preferences'];
export type DayPreferencesInput = Pick<
  UpdatePreferencesInput,
  'dayStart' | 'lunch' | 'workEnd' | 'evening' | 'appointmentLeadMinutes'
>;

/** The person's day as saved, and the way to change it (rejects with the Apollo error, fields named). */
export function useDayPreferences() {
  const apollo = useApolloClient();
  const query = useQuery(dayPreferencesQuery, { fetchPolicy: 'cache-and-network' });
  const update = useCallback(
    async (input: DayPreferencesInput): Promise<DayPreferences> => {
      const { data } = await apollo.mutate({ mutation: updateDayPreferencesMutation, variables: { input } });
      if (!data) throw new Error('The server sent no answer.');
      return data.updatePreferences;
    },
    [apollo],
  );
  return { day: query.data?.preferences, loading: query.loading, error: query.error, update };
}
