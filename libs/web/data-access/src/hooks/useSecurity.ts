import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { MfaStatusQuery, StartTotpEnrollmentMutation } from '../gql/graphql';
import {
  changePasswordMutation,
  confirmPhoneMutation,
  confirmTotpEnrollmentMutation,
  disableSmsMfaMutation,
  disableTotpMutation,
  mfaStatusQuery,
  reauthenticateMutation,
  regenerateBackupCodesMutation,
  startPhoneVerificationMutation,
  startTotpEnrollmentMutation,
} from '../graphql/security';

export type MfaStatusInfo = MfaStatusQuery['mfaStatus'];
export type TotpEnrollment = StartTotpEnrollmentMutation['startTotpEnrollment'];

export interface SecurityView {
  mfaStatus: MfaStatusInfo | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch(): void;
  /** Confirms the password; sensitive changes are then allowed for a few minutes. */
  reauthenticate(password: string): Promise<void>;
  startTotpEnrollment(): Promise<TotpEnrollment>;
  /** Turns the authenticator on; resolves to the backup codes to show once (may be empty). */
  confirmTotpEnrollment(code: string): Promise<string[]>;
  disableTotp(): Promise<void>;
  regenerateBackupCodes(): Promise<string[]>;
  /** Texts a code to this phone; resolves to when the code expires. */
  startPhoneVerification(phone: string): Promise<string>;
  confirmPhone(phone: string, code: string): Promise<void>;
  disableSmsMfa(): Promise<void>;
  /** Changes the password; resolves to how many other sessions ended. */
  changePassword(currentPassword: string, newPassword: string): Promise<number>;
}

/**
 * The account's second factors and the actions that change them. Every action rejects with the Apollo
 * error (read it with `apiErrorOf`); REAUTHENTICATION_REQUIRED means: reauthenticate, then retry.
 */
export function useSecurity(): SecurityView {
  const apollo = useApolloClient();
  const query = useQuery(mfaStatusQuery, { fetchPolicy: 'cache-and-network' });
  const { refetch } = query;

  const actions = useMemo(() => {
    // Every change to the factors is followed by a fresh status, so the page never shows stale state.
    const changed = { refetchQueries: [mfaStatusQuery], awaitRefetchQueries: true };
    const must = <T>(data: T | undefined): T => {
      if (data === undefined || data === null) throw new Error('The server sent no answer.');
      return data;
    };
    return {
      async reauthenticate(password: string) {
        await apollo.mutate({ mutation: reauthenticateMutation, variables: { password } });
      },
      async startTotpEnrollment() {
        const { data } = await apollo.mutate({ mutation: startTotpEnrollmentMutation });
        return must(data).startTotpEnrollment;
      },
      async confirmTotpEnrollment(code: string) {
        const { data } = await apollo.mutate({
          mutation: confirmTotpEnrollmentMutation,
          variables: { code },
          ...changed,
        });
        return must(data).confirmTotpEnrollment;
      },
      async disableTotp() {
        await apollo.mutate({ mutation: disableTotpMutation, ...changed });
      },
      async regenerateBackupCodes() {
        const { data } = await apollo.mutate({ mutation: regenerateBackupCodesMutation, ...changed });
        return must(data).regenerateBackupCodes;
      },
      async startPhoneVerification(phone: string) {
        const { data } = await apollo.mutate({
          mutation: startPhoneVerificationMutation,
          variables: { phone },
        });
        return must(data).startPhoneVerification;
      },
      async confirmPhone(phone: string, code: string) {
        await apollo.mutate({ mutation: confirmPhoneMutation, variables: { phone, code }, ...changed });
      },
      async disableSmsMfa() {
        await apollo.mutate({ mutation: disableSmsMfaMutation, ...changed });
      },
      async changePassword(currentPassword: string, newPassword: string) {
        const { data } = await apollo.mutate({
          mutation: changePasswordMutation,
          variables: { currentPassword, newPassword },
        });
        return must(data).changePassword;
      },
    };
  }, [apollo]);

  return {
    mfaStatus: query.data?.mfaStatus,
    loading: query.loading,
    error: query.error,
    refetch: () => void refetch(),
    ...actions,
  };
}
