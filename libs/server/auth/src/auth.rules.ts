import { allow, rule } from 'graphql-shield';
import { withFastPath, type GraphQLContext, type RuleMap } from '@pa/server-core';
import { AuthErrorCode, authError } from './auth.errors';

/** Named preset: a live session, even one still waiting for its second factor (to finish or cancel it). */
export const hasSession = withFastPath(
  rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) =>
    ctx.auth ? true : authError(AuthErrorCode.UNAUTHENTICATED),
  ),
  (_parent, _args, ctx) => !!(ctx as GraphQLContext).auth,
);

/** Named preset: a signed-in caller with a live, fully verified session. */
export const isAuthenticated = withFastPath(
  rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) => {
    if (!ctx.auth) return authError(AuthErrorCode.UNAUTHENTICATED);
    return ctx.auth.mfaPending ? authError(AuthErrorCode.MFA_REQUIRED) : true;
  }),
  (_parent, _args, ctx) => {
    const auth = (ctx as GraphQLContext).auth;
    return !!auth && !auth.mfaPending;
  },
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
