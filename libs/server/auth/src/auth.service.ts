import type { AuthContext, ClientInfo, Runtime } from '@pa/server-core';
import type { JobQueue } from '@pa/server-jobs';
import { AccountService, type RegisterInput } from './accounts/account.service';
import type { AuditService } from './audit/audit.service';
import { AuthCore, type AccountHooks } from './auth.core';
import { EmailFlowsService } from './email/email-flows.service';
import type { EmailTokenService } from './email/email-token.service';
import type { BackupCodeService } from './mfa/backup-codes.service';
import { MfaFactors, type MfaMethod } from './mfa/mfa-factors';
import { SecondFactorService } from './mfa/second-factor.service';
import type { TotpEnrollment, TotpService } from './mfa/totp.service';
import type { SmsCodeService } from './mfa-sms/sms-code.service';
import type { RateLimits } from './rate-limit/rate-limits.service';
import { SessionService, type SignedIn } from './sessions/session.service';
import type { Session, SessionStore } from './sessions/session-store';
import type { RefreshTokenService } from './tokens/refresh-token.service';
import type { User } from './users/user.entity';
import { AuthErrorCode, authError } from './auth.errors';

export type { AccountHooks } from './auth.core';
export type { RegisterInput } from './accounts/account.service';
export type { MfaMethod } from './mfa/mfa-factors';
export type { SignedIn } from './sessions/session.service';
export { describeDevice } from './sessions/describe-device';

/**
 * Accounts, sign-in, tokens and sessions: the one entry point resolvers and other libs call. It wires
 * the flows together and delegates; the work lives in the services below (accounts/, sessions/, mfa/, email/).
 */
export class AuthService {
  readonly sessions: SessionStore;
  readonly refreshTokens: RefreshTokenService;
  readonly audit: AuditService;
  readonly rateLimits: RateLimits;
  readonly totp: TotpService;
  readonly backupCodes: BackupCodeService;
  readonly smsCodes: SmsCodeService;
  readonly emailTokens: EmailTokenService;
  readonly hooks: AccountHooks;
  private readonly core: AuthCore;
  private readonly factors: MfaFactors;
  private readonly sessionService: SessionService;
  private readonly secondFactor: SecondFactorService;
  private readonly emails: EmailFlowsService;
  private readonly accounts: AccountService;
  constructor(runtime: Runtime, jobs: JobQueue, now: () => number = Date.now) {
    const core = new AuthCore(runtime, jobs, now);
    this.core = core;
    this.sessions = core.sessions;
    this.refreshTokens = core.refreshTokens;
    this.audit = core.audit;
    this.rateLimits = core.rateLimits;
    this.totp = core.totp;
    this.backupCodes = core.backupCodes;
    this.smsCodes = core.smsCodes;
    this.emailTokens = core.emailTokens;
    this.hooks = core.hooks;
    this.factors = new MfaFactors(core);
    this.sessionService = new SessionService(core, this.factors);
    this.secondFactor = new SecondFactorService(core, this.factors, this.sessionService);
    this.emails = new EmailFlowsService(core, this.factors, this.sessionService);
    this.accounts = new AccountService(core, this.factors, this.sessionService, this.emails);
  }

  // Accounts and passwords.

  /** Creates an account and signs it in. */
  register(input: RegisterInput, client: ClientInfo): Promise<SignedIn> {
    return this.accounts.register(input, client);
  }

  /** Signs in with email and password. Unknown email and wrong password look exactly alike. */
  login(rawEmail: string, password: string, client: ClientInfo): Promise<SignedIn> {
    return this.accounts.login(rawEmail, password, client);
  }

  /** Proves the person is still there (password): sensitive changes are allowed for a few minutes. */
  reauthenticate(auth: AuthContext, password: string, client: ClientInfo): Promise<void> {
    return this.accounts.reauthenticate(auth, password, client);
  }

  /** Password and, when the account has one, a second-factor code: for irreversible requests. */
  confirmIdentity(
    auth: AuthContext,
    password: string,
    second: { method: MfaMethod; code: string } | undefined,
    client: ClientInfo,
  ): Promise<void> {
    return this.accounts.confirmIdentity(auth, password, second, client);
  }

  /** Refuses a sensitive change unless the caller proved who they are within REAUTH_WINDOW_SECONDS. */
  assertRecentAuth(auth: AuthContext): void {
    this.core.assertRecentAuth(auth);
  }

  /** Changes the password (the current one is the re-authentication) and ends every other session. */
  changePassword(
    auth: AuthContext,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<number> {
    return this.accounts.changePassword(auth, currentPassword, newPassword, client);
  }

  /** The signed-in user; a disabled or deleted account is UNAUTHENTICATED. */
  me(auth: AuthContext): Promise<User> {
    return this.core.me(auth);
  }

  // Sessions and tokens.

  /** A new session (evicting the oldest beyond the limit), its refresh-token family and an access token. */
  startSession(
    user: User,
    client: ClientInfo,
    aal: 'aal1' | 'aal2',
    mfaMethods: MfaMethod[] = [],
  ): Promise<SignedIn> {
    return this.sessionService.startSession(user, client, aal, mfaMethods);
  }

  /** Rotates a refresh token; reuse after the grace window ends the whole family and its session. */
  refresh(token: string, client: ClientInfo): Promise<SignedIn> {
    return this.sessionService.refresh(token, client);
  }

  /**
   * Checks a bearer token and that its session is still alive (so a revoked session fails at once).
   * A Redis outage fails closed with SERVICE_UNAVAILABLE.
   */
  authenticate(token: string, client?: ClientInfo): Promise<AuthContext> {
    if (token.startsWith('pat_')) {
      if (!this.personalAccessTokens) return Promise.reject(authError(AuthErrorCode.UNAUTHENTICATED));
      return this.personalAccessTokens(token, client);
    }
    return this.sessionService.authenticate(token);
  }

  /** Checks a personal access token (`pat_…`), set by the feature that owns them (rbac). */
  personalAccessTokens: ((token: string, client?: ClientInfo) => Promise<AuthContext>) | undefined;

  /** Ends one session: its tokens are revoked and its sockets closed (through pub/sub, on every instance). */
  endSession(sessionId: string, userId: string): Promise<void> {
    return this.sessionService.endSession(sessionId, userId);
  }

  /** Ends the caller's own session. */
  logout(auth: AuthContext, client: ClientInfo): Promise<void> {
    return this.sessionService.logout(auth, client);
  }

  /** Ends every session of the user (optionally keeping the current one). */
  logoutAll(auth: AuthContext, client: ClientInfo, keepCurrent = false): Promise<number> {
    return this.sessionService.logoutAll(auth, client, keepCurrent);
  }

  /** Ends every session of a user (but `keep`), revokes their refresh tokens and closes their sockets. */
  endAllSessions(userId: string, keep?: string): Promise<number> {
    return this.sessionService.endAllSessions(userId, keep);
  }

  /** The caller's live sessions, oldest first. */
  listSessions(auth: AuthContext): Promise<Session[]> {
    return this.sessionService.listSessions(auth);
  }

  /** Revokes one of the caller's sessions. Another user's session id is simply "not found". */
  revokeSession(auth: AuthContext, sessionId: string, client: ClientInfo): Promise<void> {
    return this.sessionService.revokeSession(auth, sessionId, client);
  }

  // Second factors.

  /** The second factors this account has turned on. */
  mfaMethods(userId: string): Promise<MfaMethod[]> {
    return this.factors.mfaMethods(userId);
  }

  /** The verified phone of the SMS factor, if the account has one. */
  smsPhone(userId: string): Promise<string | undefined> {
    return this.factors.smsPhone(userId);
  }

  /** Sends a code to verify a phone for SMS sign-in (needs a recent sign-in; rate-limited per user and phone). */
  startPhoneVerification(
    auth: AuthContext,
    rawPhone: string,
    client: ClientInfo,
  ): Promise<{ phone: string; expiresAt: Date }> {
    return this.secondFactor.startPhoneVerification(auth, rawPhone, client);
  }

  /** Confirms the phone with its code: SMS sign-in is on for that number (replacing any previous one). */
  confirmPhone(auth: AuthContext, rawPhone: string, code: string, client: ClientInfo): Promise<void> {
    return this.secondFactor.confirmPhone(auth, rawPhone, code, client);
  }

  /** Turns SMS sign-in off (needs a recent sign-in). */
  disableSmsMfa(auth: AuthContext, client: ClientInfo): Promise<void> {
    return this.secondFactor.disableSmsMfa(auth, client);
  }

  /** Sends a sign-in code to the verified phone, bound to this (pending) session. */
  sendSignInSms(auth: AuthContext, client: ClientInfo): Promise<Date> {
    return this.secondFactor.sendSignInSms(auth, client);
  }

  /**
   * Finishes a sign-in that waits for its second factor (or steps an ordinary session up to aal2).
   * Wrong codes count towards the account's lock-out like wrong passwords.
   */
  verifyMfa(auth: AuthContext, method: MfaMethod, code: string, client: ClientInfo): Promise<SignedIn> {
    return this.secondFactor.verifyMfa(auth, method, code, client);
  }

  /** Starts TOTP enrolment (needs a recent sign-in); returns the QR code and secret to show once. */
  startTotpEnrollment(auth: AuthContext, client: ClientInfo): Promise<TotpEnrollment> {
    return this.secondFactor.startTotpEnrollment(auth, client);
  }

  /** Confirms enrolment with a first code: TOTP is on, the session is aal2, backup codes are issued if none are left. */
  confirmTotpEnrollment(auth: AuthContext, code: string, client: ClientInfo): Promise<string[]> {
    return this.secondFactor.confirmTotpEnrollment(auth, code, client);
  }

  /** Turns TOTP off (needs a recent sign-in); backup codes go with it. */
  disableTotp(auth: AuthContext, client: ClientInfo): Promise<void> {
    return this.secondFactor.disableTotp(auth, client);
  }

  /** A new set of backup codes, shown once; the old set stops working (needs a recent sign-in). */
  regenerateBackupCodes(auth: AuthContext, client: ClientInfo): Promise<string[]> {
    return this.secondFactor.regenerateBackupCodes(auth, client);
  }

  // Email links.

  /** Queues the address-confirmation email (a new link retires the previous one). */
  sendVerificationEmail(user: User): Promise<void> {
    return this.emails.sendVerificationEmail(user);
  }

  /** Sends the confirmation link again (rate-limited like resets: a few an hour). */
  resendVerificationEmail(auth: AuthContext, client: ClientInfo): Promise<void> {
    return this.emails.resendVerificationEmail(auth, client);
  }

  /** Confirms an address from the emailed link. */
  verifyEmail(token: string, client: ClientInfo): Promise<void> {
    return this.emails.verifyEmail(token, client);
  }

  /** Emails a reset link if the address has an account (same answer and same work either way). */
  requestPasswordReset(rawEmail: string, client: ClientInfo): Promise<void> {
    return this.emails.requestPasswordReset(rawEmail, client);
  }

  /** For a reset link of an account with SMS sign-in: texts a code bound to that link. */
  sendPasswordResetSms(token: string): Promise<Date> {
    return this.emails.sendPasswordResetSms(token);
  }

  /** Sets a new password from an emailed link (plus a second-factor code when the account has one). */
  resetPassword(
    token: string,
    newPassword: string,
    mfa: { method: MfaMethod; code: string } | undefined,
    client: ClientInfo,
  ): Promise<void> {
    return this.emails.resetPassword(token, newPassword, mfa, client);
  }
}
