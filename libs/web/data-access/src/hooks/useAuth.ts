import { useApolloClient } from '@apollo/client/react';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { LoginInput, MfaMethod, RegisterInput } from '../gql/graphql';
import { loginMutation, logoutAllMutation, logoutMutation, registerMutation } from '../graphql/auth';
import { meQuery, sendSignInSmsMutation, verifyMfaMutation } from '../graphql/security';
import { AuthContext } from '../lib/authContext';
import { apiErrorOf } from '../lib/apiError';
import { deviceStorage } from '../lib/chat/webStorage';
import { OfflineContext } from '../lib/offlineHandle';
import { pendingSignOut } from '../lib/pendingSignOut';
import type { AuthLinkContext } from '../lib/authLink';
import type { AuthStatus, AuthStore, AuthUser, PendingMfa } from '../lib/authStore';

export type SignInInput = Pick<LoginInput, 'email' | 'password'>;
export type RegisterAccountInput = Pick<
  RegisterInput,
  | 'email'
  | 'password'
  | 'displayName'
  | 'timeZone'
  | 'acceptedTermsVersion'
  | 'acceptedPrivacyVersion'
  | 'smsConsent'
>;

export interface AuthView {
  status: AuthStatus;
  user: AuthUser | null;
  /** Signed in from what this device kept, while the server cannot be reached (nothing is sent yet). */
  offline: boolean;
  /** The second factor still to give when `status` is `mfaPending`. */
  mfa: PendingMfa | null;
  /** Signs in (status becomes `mfaPending` when a second factor is needed); rejects with the Apollo error (read it with `apiErrorOf`). */
  signIn(input: SignInInput): Promise<AuthUser>;
  /** Creates the account and signs in; rejects with the Apollo error. */
  register(input: RegisterAccountInput): Promise<AuthUser>;
  /** Ends this session (locally at once, then on the server). */
  signOut(): Promise<void>;
  /** Ends every session of the account; resolves to how many ended. */
  signOutEverywhere(): Promise<number>;
  /** Finishes a pending sign-in with a second-factor code; rejects with the Apollo error. */
  verifyMfa(method: MfaMethod, code: string): Promise<AuthUser>;
  /** Texts a sign-in code to the verified phone; resolves to when the code expires. */
  sendSignInSms(): Promise<string>;
  /** Reloads the signed-in user from the API (e.g. after the email was confirmed). */
  reloadUser(): Promise<AuthUser | null>;
  /** Forgets the session locally, after the server already ended it (a password reset). */
  forgetSession(): Promise<void>;
}

/** The session: status, user and the actions that change it. */
export function useAuth(): AuthView {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <WebDataProvider>.');
  const apollo = useApolloClient();
  const offline = useContext(OfflineContext);
  const snapshot = useSyncExternalStore(auth.subscribe, auth.getSnapshot);

  const actions = useMemo(() => {
    const publicContext: AuthLinkContext = { skipAuth: true };
    // A sign-out the server could not hear of (offline) is finished at the next start.
    const signOutLater = pendingSignOut(deviceStorage());

    // The user changed: nothing cached for the previous one may show.
    const forgetCachedData = () => apollo.resetStore().catch(() => undefined);

    // Signing out on a shared device: what this person kept here (data, unsent changes, drafts) goes.
    const forgetPerson = async () => {
      const userId = auth.getSnapshot().user?.id;
      const data = await offline?.ready;
      if (userId) await data?.forgetPerson(userId).catch(() => undefined);
    };

    // Sign-out: drop the token locally first (the socket restarts anonymously, the UI updates), then
    // end the session on the server with the token we had.
    const endSession = async (mutate: (context: AuthLinkContext) => Promise<number>): Promise<number> => {
      const token = await auth.freshToken();
      // Opened offline and still unreachable: the cookie's session lives on until the next start ends it.
      const openedOffline = auth.getSnapshot().offline;
      await forgetPerson();
      auth.signedOut();
      await forgetCachedData();
      if (!token && openedOffline) signOutLater.remember();
      if (!token) return 0;
      try {
        return await mutate({ accessToken: token });
      } catch (error) {
        // Already ended, or offline: locally we are signed out either way. Offline, the refresh cookie
        // still holds the session: it is ended at the next start (before anyone is signed in with it).
        if (apiErrorOf(error).code === 'NETWORK_ERROR') signOutLater.remember();
        return 0;
      }
    };

    return {
      async signIn(input: SignInInput) {
        const { data } = await apollo.mutate({
          mutation: loginMutation,
          variables: { input: { email: input.email, password: input.password } },
          context: publicContext,
        });
        return signedInWith(auth, data?.login, forgetCachedData, signOutLater.clear);
      },
      async register(input: RegisterAccountInput) {
        const { data } = await apollo.mutate({
          mutation: registerMutation,
          variables: { input },
          context: publicContext,
        });
        return signedInWith(auth, data?.register, forgetCachedData, signOutLater.clear);
      },
      async signOut() {
        await endSession(async (context) => {
          await apollo.mutate({ mutation: logoutMutation, context });
          return 1;
        });
      },
      signOutEverywhere() {
        return endSession(async (context) => {
          const { data } = await apollo.mutate({ mutation: logoutAllMutation, context });
          return data?.logoutAll ?? 0;
        });
      },
      async verifyMfa(method: MfaMethod, code: string) {
        const { data } = await apollo.mutate({ mutation: verifyMfaMutation, variables: { method, code } });
        return signedInWith(auth, data?.verifyMfa, forgetCachedData, signOutLater.clear);
      },
      async sendSignInSms() {
        const { data } = await apollo.mutate({ mutation: sendSignInSmsMutation });
        if (!data) throw new Error('The server sent no answer.');
        return data.sendSignInSms;
      },
      async reloadUser() {
        if (auth.getSnapshot().status !== 'signedIn') return null;
        const { data } = await apollo.query({ query: meQuery, fetchPolicy: 'network-only' });
        if (!data) return null;
        auth.userUpdated(data.me);
        return data.me;
      },
      async forgetSession() {
        if (auth.getSnapshot().status === 'signedOut') return;
        await forgetPerson();
        auth.signedOut();
        await forgetCachedData();
      },
    };
  }, [auth, apollo, offline]);

  return {
    status: snapshot.status,
    user: snapshot.user,
    offline: snapshot.offline,
    mfa: snapshot.mfa,
    ...actions,
  };
}

function signedInWith(
  auth: AuthStore,
  payload: Parameters<AuthStore['signedIn']>[0] | undefined,
  forgetCachedData: () => Promise<unknown>,
  newCookie: () => void,
): AuthUser {
  if (!payload) throw new Error('The server sent no session.');
  // A new session replaced the cookie: a sign-out still pending for the old one has nothing left to end.
  newCookie();
  void forgetCachedData();
  auth.signedIn(payload);
  return payload.user;
}
