export { User } from './users/user.entity';
export { authMigrations } from './migrations';
export {
  AuthService,
  type MfaMethod,
  type SignedIn,
  type RegisterInput as RegisterParams,
} from './auth.service';
export { AuthResolver, REFRESH_COOKIE } from './auth.resolver';
export { authRules, isAuthenticated } from './auth.rules';
export { AuthErrorCode, authError } from './auth.errors';
export { MfaMethodEnum } from './auth.types';
export { issueAccessToken, verifyAccessToken } from './tokens/access-token';
export type { Session, SessionStore } from './sessions/session-store';
export type { SessionRevokedPayload, UserSessionsEndedPayload } from './sessions/session.topics';
export * from './mfa';
export * from './rate-limit';
export { AuditService, type AuditAction, type AuditEntry } from './audit/audit.service';
export type { AccountHooks } from './auth.service';
export { hasSession } from './auth.rules';
export { parseDisplayName, parseTimeZone } from './auth.validation';
