import { allow, rule } from 'graphql-shield';
import type { GraphQLContext, RuleMap } from '@pa/server-core';
import { AuthErrorCode, authError } from './auth.errors';

/** Named preset: a live session, even one still waiting for its second factor (to finish or cancel it). */
export const hasSession = rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) =>
  ctx.auth ? true : authError(AuthErrorCode.UNAUTHENTICATED),
);

/** Named preset: a signed-in caller with a live, fully verified session. */
export const isAuthenticated = rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) => {
  if (!ctx.auth) return authError(AuthErrorCode.UNAUTHENTICATED);
  return ctx.auth.mfaPending ? authError(AuthErrorCode.MFA_REQUIRED) : true;
});

/** Named preset: the User being read is the caller (sign-in and registration make the caller that user). */
export const isSelf = rule({ cache: 'no_cache' })((parent: { id?: string }, _args, ctx: GraphQLContext) =>
  ctx.auth && parent.id === ctx.auth.userId ? true : authError(AuthErrorCode.UNAUTHENTICATED),
);

export const authRules: RuleMap = {
  Query: { me: isAuthenticated, mySessions: isAuthenticated, mfaStatus: isAuthenticated },
  Mutation: {
    register: allow,
    login: allow,
    refreshSession: allow,
    logout: hasSession,
    verifyEmail: allow,
    requestPasswordReset: allow,
    resetPassword: allow,
    sendPasswordResetSms: allow,
    resendVerificationEmail: isAuthenticated,
    verifyMfa: hasSession,
    sendSignInSms: hasSession,
    startPhoneVerification: isAuthenticated,
    confirmPhone: isAuthenticated,
    disableSmsMfa: isAuthenticated,
    startTotpEnrollment: isAuthenticated,
    confirmTotpEnrollment: isAuthenticated,
    disableTotp: isAuthenticated,
    regenerateBackupCodes: isAuthenticated,
    logoutAll: isAuthenticated,
    revokeSession: isAuthenticated,
    reauthenticate: isAuthenticated,
    changePassword: isAuthenticated,
  },
  AuthPayload: allow,
  SessionInfo: isAuthenticated,
  TotpEnrollmentPayload: isAuthenticated,
  MfaStatus: isAuthenticated,
  // User's rules live with its fields in @pa/server-users.
};
