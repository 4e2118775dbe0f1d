import { useApolloClient } from '@apollo/client/react';
import { useContext, useMemo } from 'react';
import type { UpdateProfileInput } from '../gql/lazy/graphql';
import { updateProfileMutation } from '../graphql/lazy/account';
import { AuthContext } from '../lib/authContext';
import type { AuthUser } from '../lib/authStore';

export interface ProfileActions {
  /**
   * Changes the fields given (display name, avatar colour, picture — null removes it); resolves to the
   * user as saved, which the header shows at once. Rejects with the Apollo error (VALIDATION_FAILED
   * carries `details.fields`).
   */
  updateProfile(input: UpdateProfileInput): Promise<AuthUser>;
}

/** Changes how the signed-in person appears. */
export function useProfile(): ProfileActions {
  const apollo = useApolloClient();
  const auth = useContext(AuthContext);
  return useMemo(
    () => ({
      async updateProfile(input: UpdateProfileInput) {
        const { data } = await apollo.mutate({ mutation: updateProfileMutation, variables: { input } });
        if (!data) throw new Error('The server sent no answer.');
        auth?.userUpdated(data.updateProfile);
        return data.updateProfile;
      },
    }),
    [apollo, auth],
  );
}
