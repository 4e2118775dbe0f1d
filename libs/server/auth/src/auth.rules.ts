import { allow, rule } from 'graphql-shield';
import { withFastPath, type GraphQLContext, type RuleMap } from '@pa/server-core';
import { scopesCover } from '@pa/shared-domain';
import { AuthErrorCode, authError } from './auth.errors';

/**
 * Named preset: a live session, even one still waiting for its second factor (to finish or cancel it).
 * Never a personal access token: these operations are the person's own account security.
 */
export const hasSession = withFastPath(
  rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) => {
    if (!ctx.auth) return authError(AuthErrorCode.UNAUTHENTICATED);
    return ctx.auth.token ? authError(AuthErrorCode.SESSION_REQUIRED) : true;
  }),
  (_parent, _args, ctx) => {
    const auth = (ctx as GraphQLContext).auth;
    return !!auth && !auth.token;
  },
);

/**
 * Named preset: a signed-in caller with a live, fully verified session. A personal access token is
 * refused (SESSION_REQUIRED): sessions, second factors, passwords and tokens are managed by the person.
 */
export const isAuthenticated = withFastPath(
  rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) => {
    if (!ctx.auth) return authError(AuthErrorCode.UNAUTHENTICATED);
    if (ctx.auth.token) return authError(AuthErrorCode.SESSION_REQUIRED);
    return ctx.auth.mfaPending ? authError(AuthErrorCode.MFA_REQUIRED) : true;
  }),
  (_parent, _args, ctx) => {
    const auth = (ctx as GraphQLContext).auth;
    return !!auth && !auth.mfaPending && !auth.token;
  },
);

/** Named preset for `me`: a verified session, or a personal access token carrying `user:read:own`. */
export const isAuthenticatedOrReadsSelf = withFastPath(
  rule({ cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) => {
    if (!ctx.auth) return authError(AuthErrorCode.UNAUTHENTICATED);
    if (ctx.auth.token)
      return readsSelf(ctx.auth.token.scopes) ? true : authError(AuthErrorCode.SESSION_REQUIRED);
    return ctx.auth.mfaPending ? authError(AuthErrorCode.MFA_REQUIRED) : true;
  }),
  (_parent, _args, ctx) => {
    const auth = (ctx as GraphQLContext).auth;
    if (auth?.token) return readsSelf(auth.token.scopes);
    return !!auth && !auth.mfaPending;
  },
);

const readsSelf = (scopes: readonly string[]) => scopesCover(scopes, 'user:read:own');

export const authRules: RuleMap = {
  Query: { me: isAuthenticatedOrReadsSelf, mySessions: isAuthenticated, mfaStatus: isAuthenticated },
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
