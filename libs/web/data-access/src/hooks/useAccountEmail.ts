import { useApolloClient } from '@apollo/client/react';
import { useMemo } from 'react';
import type { MfaMethod } from '../gql/graphql';
import {
  requestPasswordResetMutation,
  resendVerificationEmailMutation,
  resetPasswordMutation,
  sendPasswordResetSmsMutation,
  verifyEmailMutation,
} from '../graphql/email';
import type { AuthLinkContext } from '../lib/authLink';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
  /** Needed when the account has a second factor (the API answers MFA_REQUIRED with `details.methods`). */
  mfa?: { method: MfaMethod; code: string };
}

export interface AccountEmailActions {
  /** Confirms the address with the token from the emailed link (EMAIL_TOKEN_INVALID when used or expired). */
  verifyEmail(token: string): Promise<void>;
  /** Sends the confirmation email again (signed in). */
  resendVerificationEmail(): Promise<void>;
  /** Emails a reset link if an account uses this address (the answer never tells). */
  requestPasswordReset(email: string): Promise<void>;
  /** Texts a code for a reset link of an account with SMS sign-in; resolves to when it expires. */
  sendPasswordResetSms(token: string): Promise<string>;
  /** Sets the new password; every session of the account ends. */
  resetPassword(input: ResetPasswordInput): Promise<void>;
}

/** The emailed-link flows: confirming the address and resetting a forgotten password. */
export function useAccountEmail(): AccountEmailActions {
  const apollo = useApolloClient();
  return useMemo(() => {
    // The links work signed out; no bearer token, so an ended session cannot get in the way.
    const context: AuthLinkContext = { skipAuth: true };
    return {
      async verifyEmail(token: string) {
        await apollo.mutate({ mutation: verifyEmailMutation, variables: { token }, context });
      },
      async resendVerificationEmail() {
        await apollo.mutate({ mutation: resendVerificationEmailMutation });
      },
      async requestPasswordReset(email: string) {
        await apollo.mutate({ mutation: requestPasswordResetMutation, variables: { email }, context });
      },
      async sendPasswordResetSms(token: string) {
        const { data } = await apollo.mutate({
          mutation: sendPasswordResetSmsMutation,
          variables: { token },
          context,
        });
        if (!data) throw new Error('The server sent no answer.');
        return data.sendPasswordResetSms;
      },
      async resetPassword({ token, newPassword, mfa }: ResetPasswordInput) {
        await apollo.mutate({
          mutation: resetPasswordMutation,
          variables: { token, newPassword, mfaMethod: mfa?.method ?? null, mfaCode: mfa?.code ?? null },
          context,
        });
      },
    };
  }, [apollo]);
}
