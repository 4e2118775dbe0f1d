import { useSubscription } from '@apollo/client/react';
import { useContext } from 'react';
import { accountChangedSubscription } from '../graphql/security';
import { AuthContext } from '../lib/authContext';
import { useAuth } from './useAuth';

/**
 * Keeps the signed-in user current while the app is open: when an administrator changes the role (or
 * the person renames themselves on another device), the navigation follows at once. Mount it once, in
 * the app shell. The API checks every request on its own; this only keeps the page honest.
 */
export function useAccountSync(): void {
  const auth = useContext(AuthContext);
  const { status } = useAuth();
  useSubscription(accountChangedSubscription, {
    skip: status !== 'signedIn',
    onData: ({ data }) => {
      const user = data.data?.accountChanged;
      if (user) auth?.userUpdated(user);
    },
  });
}
