import { useApolloClient } from '@apollo/client/react';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { LoginInput, MfaMethod, RegisterInput } from '../gql/graphql';
import { loginMutation, logoutAllMutation, logoutMutation, registerMutation } from '../graphql/auth';
import { meQuery, sendSignInSmsMutation, verifyMfaMutation } from '../graphql/security';
import { AuthContext } from '../lib/authContext';
import type { AuthLinkContext } from '../lib/authLink';
import type { AuthStatus, AuthStore, AuthUser, PendingMfa } from '../lib/authStore';

export type SignInInput = Pick<LoginInput, 'email' | 'password'>;
export type RegisterAccountInput = Pick<RegisterInput, 'email' | 'password' | 'displayName' | 'timeZone'>;

export interface AuthView {
  status: AuthStatus;
  user: AuthUser | null;
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
  const snapshot = useSyncExternalStore(auth.subscribe, auth.getSnapshot);

  const actions = useMemo(() => {
    const publicContext: AuthLinkContext = { skipAuth: true };

    // The user changed: nothing cached for the previous one may show.
    const forgetCachedData = () => apollo.resetStore().catch(() => undefined);

    // Sign-out: drop the token locally first (the socket restarts anonymously, the UI updates), then
    // end the session on the server with the token we had.
    const endSession = async (mutate: (context: AuthLinkContext) => Promise<number>): Promise<number> => {
      const token = await auth.freshToken();
      auth.signedOut();
      await forgetCachedData();
      if (!token) return 0;
      try {
        return await mutate({ accessToken: token });
      } catch {
        // Already ended, or offline: locally we are signed out either way.
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
        return signedInWith(auth, data?.login, forgetCachedData);
      },
      async register(input: RegisterAccountInput) {
        const { data } = await apollo.mutate({
          mutation: registerMutation,
          variables: { input },
          context: publicContext,
        });
        return signedInWith(auth, data?.register, forgetCachedData);
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
        return signedInWith(auth, data?.verifyMfa, forgetCachedData);
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
        auth.signedOut();
        await forgetCachedData();
      },
    };
  }, [auth, apollo]);

  return { status: snapshot.status, user: snapshot.user, mfa: snapshot.mfa, ...actions };
}

function signedInWith(
  auth: AuthStore,
  payload: Parameters<AuthStore['signedIn']>[0] | undefined,
  forgetCachedData: () => Promise<unknown>,
): AuthUser {
  if (!payload) throw new Error('The server sent no session.');
  void forgetCachedData();
  auth.signedIn(payload);
  return payload.user;
}
