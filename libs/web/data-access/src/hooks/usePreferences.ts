import { useApolloClient, useQuery } from '@apollo/client/react';
import { useContext, useMemo } from 'react';
import type { PreferencesFieldsFragment, UpdatePreferencesInput } from '../gql/lazy/graphql';
import { preferencesQuery, updatePreferencesMutation } from '../graphql/lazy/account';
import { AuthContext } from '../lib/authContext';

export type PreferencesInfo = PreferencesFieldsFragment;

export interface PreferencesView {
  preferences: PreferencesInfo | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
  /**
   * Sends the fields given (only those change); resolves to the preferences as saved. Rejects with the
   * Apollo error: VALIDATION_FAILED names each bad field in `details.fields` (read it with `apiErrorOf`).
   */
  update(input: UpdatePreferencesInput): Promise<PreferencesInfo>;
}

/** The signed-in person's preferences and the way to change them. */
export function usePreferences(): PreferencesView {
  const apollo = useApolloClient();
  const auth = useContext(AuthContext);
  const query = useQuery(preferencesQuery, { fetchPolicy: 'cache-and-network' });
  const { refetch } = query;

  const update = useMemo(
    () => async (input: UpdatePreferencesInput) => {
      // Preferences is a singleton in the cache (keyFields: []), so the result replaces what the page shows.
      const { data } = await apollo.mutate({ mutation: updatePreferencesMutation, variables: { input } });
      if (!data) throw new Error('The server sent no answer.');
      const saved = data.updatePreferences;
      // The time zone is also part of the signed-in user.
      const user = auth?.getSnapshot().user;
      if (auth && user && user.timeZone !== saved.timeZone)
        auth.userUpdated({ ...user, timeZone: saved.timeZone });
      return saved;
    },
    [apollo, auth],
  );

  return {
    preferences: query.data?.preferences,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
    update,
  };
}
