import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  CoreErrorCode,
  coreError,
  isDependencyOutage,
  type AuthContext,
  type ClientInfo,
  type Runtime,
} from '@pa/server-core';
import { AuthErrorCode, authError } from './auth.errors';
import {
  assertStrongPassword,
  normaliseEmail,
  parseDisplayName,
  parseEmail,
  parseTimeZone,
} from './auth.validation';
import { AuditService } from './audit/audit.service';
import { hashPassword, needsRehash, verifyPassword } from './passwords/password-hasher';
import {
  MemorySessionStore,
  RedisSessionStore,
  type Session,
  type SessionLimits,
  type SessionStore,
} from './sessions/session-store';
import './sessions/session.topics';
import { issueAccessToken } from './tokens/access-token';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { verifyAccessToken } from './tokens/access-token';
import { User } from './users/user.entity';
import { BackupCodeService } from './mfa/backup-codes.service';
import { SecretBox } from './mfa/secret-box';
import { TotpService, type TotpEnrollment } from './mfa/totp.service';
import { createRateLimits, type RateLimits } from './rate-limit/rate-limits.service';
import { SmsCodeService, type SmsCodeCheck } from './mfa-sms/sms-code.service';
import { createSmsSender } from '@pa/server-sms';
import { toE164 } from '@pa/shared-domain';
import type { JobQueue } from '@pa/server-jobs';
import { EmailTokenService } from './email/email-token.service';
import { resetPasswordMessage, verifyEmailMessage } from './email/auth-emails';

/** Second-factor methods a person can use to finish signing in. */
export type MfaMethod = 'TOTP' | 'SMS' | 'BACKUP_CODE';

// How long a password-verified sign-in waits for its second factor.
const MFA_CHALLENGE_MS = 5 * 60_000;

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
}

/** What a successful sign-in, registration or refresh hands the client. */
export interface SignedIn {
  user: User;
  /** Set when the second factor is still to be verified: the session works for nothing else until then. */
  mfa?: { methods: MfaMethod[]; expiresAt: Date };
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/**
 * What other features do when an account is created or its email confirmed, inside the same
 * transaction (e.g. the default role and preferences), so an account never exists half-made.
 */
export interface AccountHooks {
  created: ((m: EntityManager, user: { id: string; email: string; timeZone: string }) => Promise<void>)[];
  /** `afterCommit` runs its callback once the verification is committed (e.g. to announce a role). */
  emailVerified: ((
    m: EntityManager,
    user: { id: string; email: string },
    afterCommit: (fn: () => void) => void,
  ) => Promise<void>)[];
}

// Sessions are touched at most this often, so a busy client costs one Redis read per request, not a write.
const TOUCH_EVERY_MS = 60_000;

/** Accounts, sign-in, tokens and sessions. */
export class AuthService {
  readonly sessions: SessionStore;
  readonly refreshTokens: RefreshTokenService;
  readonly audit: AuditService;
  readonly rateLimits: RateLimits;
  readonly totp: TotpService;
  readonly backupCodes: BackupCodeService;
  readonly smsCodes: SmsCodeService;
  readonly emailTokens: EmailTokenService;
  readonly hooks: AccountHooks = { created: [], emailVerified: [] };
  constructor(
    private readonly runtime: Runtime,
    private readonly jobs: JobQueue,
    private readonly now: () => number = Date.now,
  ) {
    this.sessions = runtime.redis ? new RedisSessionStore(runtime.redis) : new MemorySessionStore();
    this.refreshTokens = new RefreshTokenService(runtime.dataSource, runtime.config);
    this.audit = new AuditService(runtime.dataSource, runtime.logger);
    this.rateLimits = createRateLimits(runtime, {
      policies: { registerPerIp: { points: runtime.config.RATE_LIMIT_REGISTER_PER_HOUR } },
    });
    const box = SecretBox.fromConfig(runtime.config);
    this.totp = new TotpService(box, { now });
    this.backupCodes = new BackupCodeService(box);
    this.smsCodes = new SmsCodeService(runtime.dataSource, box, createSmsSender(runtime.config), now);
    this.emailTokens = new EmailTokenService(runtime.dataSource, now);
  }

  /** Where links in emails point: the web app. */
  private webUrl(path: string, token: string): string {
    const { PUBLIC_WEB_URL, HOST, PORT } = this.runtime.config;
    const base = PUBLIC_WEB_URL ?? `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${PORT}`;
    // The token travels in the fragment: it never reaches server logs or a Referer header.
    return `${base.replace(/\/$/, '')}${path}#token=${token}`;
  }

  /** Queues the address-confirmation email (a new link retires the previous one). */
  async sendVerificationEmail(user: User): Promise<void> {
    const { token } = await this.emailTokens.issue(user.id, user.email, 'verify_email');
    const mail = verifyEmailMessage(user.displayName, this.webUrl('/verify-email', token));
    await this.jobs.enqueue('email.send', {
      to: user.email,
      ...mail,
      idempotencyKey: `verify-email:${token.slice(0, 16)}`,
    });
  }

  /** Sends the confirmation link again (rate-limited like resets: a few an hour). */
  async resendVerificationEmail(auth: AuthContext, client: ClientInfo): Promise<void> {
    const user = await this.me(auth);
    if (user.emailVerifiedAt) return;
    await this.rateLimits.consumePasswordReset(user.email, client.ip ?? 'unknown');
    await this.sendVerificationEmail(user);
  }

  /** Confirms an address from the emailed link. */
  async verifyEmail(token: string, client: ClientInfo): Promise<void> {
    const committed: (() => void)[] = [];
    const verified = await this.runtime.dataSource.transaction(async (m) => {
      const owner = await this.emailTokens.consume(m, token, 'verify_email');
      if (!owner) return undefined;
      // Only the address the link was sent to: a changed email needs its own confirmation.
      await m.query(
        `UPDATE users SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email = $2`,
        [owner.userId, owner.email],
      );
      for (const hook of this.hooks.emailVerified)
        await hook(m, { id: owner.userId, email: owner.email }, (fn) => committed.push(fn));
      return owner;
    });
    for (const fn of committed) fn();
    await this.audit.record({
      action: 'email_verify',
      outcome: verified ? 'success' : 'failure',
      subjectId: verified?.userId ?? null,
      client,
    });
    if (!verified) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
  }

  /**
   * Emails a reset link if the address has an account. The answer is the same either way, and both
   * paths do the same work before answering (no account-existence oracle, by content or by timing).
   */
  async requestPasswordReset(rawEmail: string, client: ClientInfo): Promise<void> {
    const email = normaliseEmail(rawEmail);
    await this.rateLimits.consumePasswordReset(email, client.ip ?? 'unknown');
    const user = await this.users().findOneBy({ email });
    await this.audit.record({
      action: 'password_reset_request',
      outcome: user ? 'success' : 'failure',
      subjectId: user?.id ?? null,
      client,
    });
    if (!user || user.disabledAt) {
      await verifyPassword(undefined, email);
      return;
    }
    await verifyPassword(undefined, email);
    const { token } = await this.emailTokens.issue(user.id, user.email, 'reset_password');
    const mail = resetPasswordMessage(user.displayName, this.webUrl('/reset-password', token));
    await this.jobs.enqueue('email.send', {
      to: user.email,
      ...mail,
      idempotencyKey: `reset:${token.slice(0, 16)}`,
    });
  }

  /** For a reset link of an account with SMS sign-in: texts a code bound to that link. */
  async sendPasswordResetSms(token: string): Promise<Date> {
    const owner = await this.emailTokens.peek(token, 'reset_password');
    const phone = owner && (await this.smsPhone(owner.userId));
    if (!owner || !phone) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    await this.rateLimits.consumeSmsSend(owner.userId, phone);
    const { expiresAt } = await this.smsCodes.send(owner.userId, 'sign_in', resetChallenge(token), phone);
    return expiresAt;
  }

  /**
   * Sets a new password from an emailed link. When the account has a second factor, a code is required
   * too (a stolen mailbox alone is not enough). Every session ends; the lock-out is cleared.
   */
  async resetPassword(
    token: string,
    newPassword: string,
    mfa: { method: MfaMethod; code: string } | undefined,
    client: ClientInfo,
  ): Promise<void> {
    const owner = await this.emailTokens.peek(token, 'reset_password');
    if (!owner) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    const user = await this.users().findOneBy({ id: owner.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    // The password is checked first: a weak one must not use up a one-time code.
    assertStrongPassword(newPassword, [user.email, user.displayName]);
    const methods = await this.mfaMethods(user.id);
    if (methods.length > 0) {
      if (!mfa || !methods.includes(mfa.method)) throw authError(AuthErrorCode.MFA_REQUIRED, { methods });
      await this.rateLimits.checkMfaAllowed(resetChallenge(token), user.email);
      if (!(await this.checkSecondFactor(user.id, mfa.method, mfa.code, resetChallenge(token)))) {
        await this.rateLimits.recordLoginFailure(user.email);
        await this.audit.record({
          action: 'password_reset',
          outcome: 'failure',
          subjectId: user.id,
          client,
          details: { reason: 'mfa' },
        });
        throw authError(AuthErrorCode.MFA_CODE_INVALID);
      }
    }
    const passwordHash = await hashPassword(newPassword);
    const done = await this.runtime.dataSource.transaction(async (m) => {
      const spent = await this.emailTokens.consume(m, token, 'reset_password');
      if (!spent) return false;
      await m.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
        [user.id, passwordHash],
      );
      return true;
    });
    if (!done) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    for (const s of await this.sessions.list(user.id, this.now())) await this.endSession(s.id, user.id);
    await this.refreshTokens.revokeUser(user.id);
    await this.rateLimits.recordLoginSuccess(user.email);
    await this.audit.record({ action: 'password_reset', outcome: 'success', subjectId: user.id, client });
  }

  private get limits(): SessionLimits {
    return {
      absoluteTtlSeconds: this.runtime.config.SESSION_ABSOLUTE_TTL_SECONDS,
      idleTimeoutSeconds: this.runtime.config.SESSION_IDLE_TIMEOUT_SECONDS,
    };
  }

  private users() {
    return this.runtime.dataSource.getRepository(User);
  }

  /** Creates an account and signs it in. */
  async register(input: RegisterInput, client: ClientInfo): Promise<SignedIn> {
    await this.rateLimits.consumeRegister(client.ip ?? 'unknown');
    const email = parseEmail(input.email);
    const displayName = parseDisplayName(input.displayName);
    const timeZone = parseTimeZone(input.timeZone);
    assertStrongPassword(input.password, [email, displayName]);
    const passwordHash = await hashPassword(input.password);
    const id = await this.runtime.dataSource.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, passwordHash, displayName, timeZone],
      )) as { id: string }[];
      const created = inserted[0]?.id;
      if (created) for (const hook of this.hooks.created) await hook(m, { id: created, email, timeZone });
      return created;
    });
    if (!id) throw authError(AuthErrorCode.EMAIL_TAKEN);
    await this.audit.record({ action: 'register', outcome: 'success', actorId: id, client });
    const user = await this.users().findOneByOrFail({ id });
    // The account exists either way: a queue outage must not lose the sign-up (the link can be resent).
    await this.sendVerificationEmail(user).catch((err: unknown) =>
      this.runtime.logger.error({ err }, 'verification email not queued'),
    );
    return this.startSession(user, client, 'aal1');
  }

  /** Signs in with email and password. Unknown email and wrong password look exactly alike. */
  async login(rawEmail: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const email = normaliseEmail(rawEmail);
    // Counted per attempt (each alias of a batched request too); locked accounts answer like unknown ones.
    await this.rateLimits.checkLoginAllowed(email, client.ip ?? 'unknown');
    const row = await this.users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(row?.passwordHash, password.slice(0, 1024));
    if (!row || !ok || row.disabledAt) {
      await this.rateLimits.recordLoginFailure(email);
      await this.audit.record({
        action: 'login',
        outcome: 'failure',
        subjectId: row?.id ?? null,
        client,
        details: { reason: !row ? 'unknown_email' : row.disabledAt ? 'disabled' : 'bad_password' },
      });
      // Only someone who knows the password learns that the account is disabled.
      throw authError(
        ok && row?.disabledAt ? AuthErrorCode.ACCOUNT_DISABLED : AuthErrorCode.INVALID_CREDENTIALS,
      );
    }
    if (needsRehash(row.passwordHash)) {
      await this.runtime.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        row.id,
        await hashPassword(password),
      ]);
    }
    const methods = await this.mfaMethods(row.id);
    if (methods.length === 0) await this.rateLimits.recordLoginSuccess(email);
    await this.audit.record({
      action: 'login',
      outcome: 'success',
      actorId: row.id,
      client,
      details: { mfaPending: methods.length > 0 },
    });
    return this.startSession(row, client, 'aal1', methods);
  }

  /** The second factors this account has turned on. */
  async mfaMethods(userId: string): Promise<MfaMethod[]> {
    const ds = this.runtime.dataSource;
    const methods: MfaMethod[] = [];
    if (await this.totp.isTotpEnabled(ds, userId)) methods.push('TOTP');
    if (await this.smsPhone(userId)) methods.push('SMS');
    if (methods.length > 0 && (await this.backupCodes.remainingBackupCodes(ds, userId)) > 0)
      methods.push('BACKUP_CODE');
    return methods;
  }

  /** The verified phone of the SMS factor, if the account has one. */
  async smsPhone(userId: string): Promise<string | undefined> {
    const rows = (await this.runtime.dataSource.query(
      `SELECT phone_e164 FROM mfa_factors WHERE user_id = $1 AND kind = 'sms' AND confirmed_at IS NOT NULL`,
      [userId],
    )) as { phone_e164: string }[];
    return rows[0]?.phone_e164;
  }

  /** Sends a code to verify a phone for SMS sign-in (needs a recent sign-in; rate-limited per user and phone). */
  async startPhoneVerification(
    auth: AuthContext,
    rawPhone: string,
    client: ClientInfo,
  ): Promise<{ phone: string; expiresAt: Date }> {
    this.assertRecentAuth(auth);
    const phone = toE164(rawPhone);
    if (!phone) throw authError(AuthErrorCode.INVALID_PHONE);
    await this.rateLimits.consumeSmsSend(auth.userId, phone);
    const { expiresAt } = await this.smsCodes.send(auth.userId, 'verify_phone', phone, phone);
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'sms_start' },
    });
    return { phone, expiresAt };
  }

  /** Confirms the phone with its code: SMS sign-in is on for that number (replacing any previous one). */
  async confirmPhone(auth: AuthContext, rawPhone: string, code: string, client: ClientInfo): Promise<void> {
    const phone = toE164(rawPhone);
    if (!phone) throw authError(AuthErrorCode.INVALID_PHONE);
    const { result } = await this.smsCodes.check(auth.userId, 'verify_phone', phone, code);
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: result === 'ok' ? 'success' : 'failure',
      actorId: auth.userId,
      client,
      details: { step: 'sms_confirm' },
    });
    this.assertCodeOk(result);
    await this.runtime.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM mfa_factors WHERE user_id = $1 AND kind = 'sms'`, [auth.userId]);
      await m.query(
        `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
        [auth.userId, phone],
      );
    });
    await this.sessions.update(auth.sessionId, { aal: 'aal2', authenticatedAt: this.now() });
  }

  /** Turns SMS sign-in off (needs a recent sign-in). */
  async disableSmsMfa(auth: AuthContext, client: ClientInfo): Promise<void> {
    this.assertRecentAuth(auth);
    await this.runtime.dataSource.query(`DELETE FROM mfa_factors WHERE user_id = $1 AND kind = 'sms'`, [
      auth.userId,
    ]);
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'sms_disable' },
    });
  }

  /** Sends a sign-in code to the verified phone, bound to this (pending) session. */
  async sendSignInSms(auth: AuthContext, client: ClientInfo): Promise<Date> {
    const phone = await this.smsPhone(auth.userId);
    if (!phone) throw authError(AuthErrorCode.MFA_NOT_ENABLED);
    await this.rateLimits.consumeSmsSend(auth.userId, phone);
    const { expiresAt } = await this.smsCodes.send(auth.userId, 'sign_in', auth.sessionId, phone);
    await this.audit.record({
      action: 'mfa_verify',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'sms_sent' },
    });
    return expiresAt;
  }

  /**
   * Checks one second-factor code. SMS codes are bound to `smsChallenge` (the sign-in session, or the
   * reset link); an expired or used-up SMS code is MFA_CODE_EXPIRED rather than a wrong guess.
   */
  private async checkSecondFactor(
    userId: string,
    method: MfaMethod,
    code: string,
    smsChallenge: string,
  ): Promise<boolean> {
    const ds = this.runtime.dataSource;
    if (method === 'TOTP') return this.totp.verifyTotp(ds, userId, code);
    if (method === 'BACKUP_CODE') return this.backupCodes.useBackupCode(ds, userId, code);
    const { result } = await this.smsCodes.check(userId, 'sign_in', smsChallenge, code);
    if (result === 'expired' || result === 'none') throw authError(AuthErrorCode.MFA_CODE_EXPIRED);
    return result === 'ok';
  }

  private assertCodeOk(result: SmsCodeCheck): void {
    if (result === 'wrong') throw authError(AuthErrorCode.MFA_CODE_INVALID);
    if (result !== 'ok') throw authError(AuthErrorCode.MFA_CODE_EXPIRED);
  }

  /**
   * Finishes a sign-in that waits for its second factor (or steps an ordinary session up to aal2).
   * Wrong codes count towards the account's lock-out like wrong passwords.
   */
  async verifyMfa(auth: AuthContext, method: MfaMethod, code: string, client: ClientInfo): Promise<SignedIn> {
    const user = await this.users().findOneBy({ id: auth.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.UNAUTHENTICATED);
    await this.rateLimits.checkMfaAllowed(auth.sessionId, user.email);
    const methods = await this.mfaMethods(user.id);
    if (!methods.includes(method)) throw authError(AuthErrorCode.MFA_NOT_ENABLED);
    if (!(await this.checkSecondFactor(user.id, method, code, auth.sessionId))) {
      await this.rateLimits.recordLoginFailure(user.email);
      await this.audit.record({
        action: 'mfa_verify',
        outcome: 'failure',
        actorId: user.id,
        client,
        details: { method },
      });
      throw authError(AuthErrorCode.MFA_CODE_INVALID);
    }
    await this.rateLimits.recordLoginSuccess(user.email);
    await this.sessions.update(auth.sessionId, { aal: 'aal2', authenticatedAt: this.now() });
    await this.audit.record({
      action: 'mfa_verify',
      outcome: 'success',
      actorId: user.id,
      client,
      details: { method },
    });
    return this.tokensFor(user, auth.sessionId);
  }

  /** A fresh access token for an existing session (after a step-up); its refresh tokens stay as they are. */
  private async tokensFor(user: User, sessionId: string): Promise<SignedIn> {
    const now = this.now();
    const session = await this.sessions.get(sessionId, now);
    if (!session) throw authError(AuthErrorCode.UNAUTHENTICATED);
    const access = await issueAccessToken(
      this.runtime.config,
      { userId: user.id, sessionId, aal: session.aal, authenticatedAt: session.authenticatedAt },
      now,
    );
    return {
      user,
      sessionId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: '',
      refreshTokenExpiresAt: new Date(session.createdAt + this.limits.absoluteTtlSeconds * 1000),
    };
  }

  /** Starts TOTP enrolment (needs a recent sign-in); returns the QR code and secret to show once. */
  async startTotpEnrollment(auth: AuthContext, client: ClientInfo): Promise<TotpEnrollment> {
    this.assertRecentAuth(auth);
    const user = await this.me(auth);
    const enrollment = await this.totp.startTotpEnrollment(this.runtime.dataSource, user.id, user.email);
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: user.id,
      client,
      details: { step: 'start' },
    });
    return enrollment;
  }

  /** Confirms enrolment with a first code: TOTP is on, the session is aal2, backup codes are issued if none are left. */
  async confirmTotpEnrollment(auth: AuthContext, code: string, client: ClientInfo): Promise<string[]> {
    const ds = this.runtime.dataSource;
    if (!(await this.totp.confirmTotp(ds, auth.userId, code))) {
      await this.audit.record({
        action: 'mfa_enroll',
        outcome: 'failure',
        actorId: auth.userId,
        client,
        details: { step: 'confirm' },
      });
      throw authError(AuthErrorCode.MFA_CODE_INVALID);
    }
    await this.sessions.update(auth.sessionId, { aal: 'aal2', authenticatedAt: this.now() });
    const remaining = await this.backupCodes.remainingBackupCodes(ds, auth.userId);
    const codes = remaining > 0 ? [] : await this.backupCodes.regenerateBackupCodes(ds, auth.userId);
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'confirm' },
    });
    return codes;
  }

  /** Turns TOTP off (needs a recent sign-in); backup codes go with it. */
  async disableTotp(auth: AuthContext, client: ClientInfo): Promise<void> {
    this.assertRecentAuth(auth);
    await this.runtime.dataSource.transaction(async (m) => {
      await this.totp.disableTotp(m, auth.userId);
      await m.query(`DELETE FROM backup_codes WHERE user_id = $1`, [auth.userId]);
    });
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'disable' },
    });
  }

  /** A new set of backup codes, shown once; the old set stops working (needs a recent sign-in). */
  async regenerateBackupCodes(auth: AuthContext, client: ClientInfo): Promise<string[]> {
    this.assertRecentAuth(auth);
    if (!(await this.totp.isTotpEnabled(this.runtime.dataSource, auth.userId)))
      throw authError(AuthErrorCode.MFA_NOT_ENABLED);
    const codes = await this.backupCodes.regenerateBackupCodes(this.runtime.dataSource, auth.userId);
    await this.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'backup_codes' },
    });
    return codes;
  }

  /** A new session (evicting the oldest beyond the limit), its refresh-token family and an access token. */
  async startSession(
    user: User,
    client: ClientInfo,
    aal: 'aal1' | 'aal2',
    mfaMethods: MfaMethod[] = [],
  ): Promise<SignedIn> {
    const now = this.now();
    const session: Session = {
      id: randomBytes(16).toString('base64url'),
      userId: user.id,
      device: describeDevice(client.userAgent),
      ip: client.ip ?? null,
      createdAt: now,
      lastSeenAt: now,
      aal,
      authenticatedAt: now,
      ...(mfaMethods.length > 0 ? { requiredAal: 'aal2' as const, mfaDeadline: now + MFA_CHALLENGE_MS } : {}),
    };
    await this.sessions.create(session, this.limits);
    const live = await this.sessions.list(user.id, now);
    const excess = live.length - this.runtime.config.SESSION_MAX_PER_USER;
    for (const old of live.filter((s) => s.id !== session.id).slice(0, Math.max(0, excess))) {
      await this.endSession(old.id, old.userId);
      await this.audit.record({
        action: 'session_evicted',
        outcome: 'success',
        subjectId: user.id,
        client,
        details: { sessionId: old.id },
      });
    }
    const refreshTokenExpiresAt = new Date(now + this.limits.absoluteTtlSeconds * 1000);
    const refreshToken = await this.refreshTokens.issue(user.id, session.id, refreshTokenExpiresAt);
    const access = await issueAccessToken(
      this.runtime.config,
      { userId: user.id, sessionId: session.id, aal, authenticatedAt: now },
      now,
    );
    return {
      user,
      sessionId: session.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      ...(session.mfaDeadline
        ? { mfa: { methods: mfaMethods, expiresAt: new Date(session.mfaDeadline) } }
        : {}),
    };
  }

  /** Rotates a refresh token; reuse after the grace window ends the whole family and its session. */
  async refresh(token: string, client: ClientInfo): Promise<SignedIn> {
    const now = this.now();
    const result = await this.refreshTokens.rotate(token, new Date(now));
    if (result.kind === 'invalid') throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    if (result.kind === 'reused') {
      await this.endSession(result.sessionId, result.userId);
      await this.audit.record({
        action: 'refresh_token_reuse',
        outcome: 'denied',
        subjectId: result.userId,
        client,
        details: { sessionId: result.sessionId, familyId: result.familyId },
      });
      throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
    const session = await this.sessions.get(result.sessionId, now);
    const user = await this.users().findOneBy({ id: result.userId });
    if (!session || !user || user.disabledAt) {
      await this.refreshTokens.revokeSession(result.sessionId);
      throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
    await this.sessions.touch(session.id, now, this.limits);
    const access = await issueAccessToken(
      this.runtime.config,
      { userId: user.id, sessionId: session.id, aal: session.aal, authenticatedAt: session.authenticatedAt },
      now,
    );
    return {
      user,
      sessionId: session.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: result.token,
      refreshTokenExpiresAt: new Date(session.createdAt + this.limits.absoluteTtlSeconds * 1000),
      // A session still waiting for its second factor says so after a refresh too (e.g. a reload).
      ...(session.requiredAal === 'aal2' && session.aal !== 'aal2'
        ? {
            mfa: { methods: await this.mfaMethods(user.id), expiresAt: new Date(session.mfaDeadline ?? now) },
          }
        : {}),
    };
  }

  /**
   * Checks a bearer token and that its session is still alive (so a revoked session fails at once).
   * A Redis outage fails closed with SERVICE_UNAVAILABLE.
   */
  async authenticate(token: string): Promise<AuthContext> {
    const auth = await verifyAccessToken(this.runtime.config, token, this.now());
    let session: Session | undefined;
    try {
      session = await this.sessions.get(auth.sessionId, this.now());
    } catch (err) {
      if (isDependencyOutage(err))
        throw coreError(CoreErrorCode.SERVICE_UNAVAILABLE, undefined, { cause: err });
      throw err;
    }
    if (!session || session.userId !== auth.userId) throw authError(AuthErrorCode.UNAUTHENTICATED);
    const now = this.now();
    const mfaPending = session.requiredAal === 'aal2' && session.aal !== 'aal2';
    // A challenge not answered in time is a dead session, not an open door.
    if (mfaPending && now > (session.mfaDeadline ?? 0)) throw authError(AuthErrorCode.UNAUTHENTICATED);
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) await this.sessions.touch(session.id, now, this.limits);
    // The session is the source of truth for assurance: a step-up there applies at once.
    return { ...auth, aal: session.aal, authenticatedAt: session.authenticatedAt, mfaPending };
  }

  /** Ends one session: its tokens are revoked and its sockets closed (through pub/sub, on every instance). */
  async endSession(sessionId: string, userId: string): Promise<void> {
    await this.sessions.delete(sessionId);
    await this.refreshTokens.revokeSession(sessionId);
    this.runtime.pubSub.publish('sessionRevoked', { sessionId, userId });
  }

  async logout(auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.endSession(auth.sessionId, auth.userId);
    await this.audit.record({
      action: 'logout',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { sessionId: auth.sessionId },
    });
  }

  /** Ends every session of the user (optionally keeping the current one). */
  async logoutAll(auth: AuthContext, client: ClientInfo, keepCurrent = false): Promise<number> {
    const ended = await this.endAllSessions(auth.userId, keepCurrent ? auth.sessionId : undefined);
    await this.audit.record({
      action: 'logout_all',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { ended },
    });
    return ended;
  }

  /** Ends every session of a user (but `keep`), revokes their refresh tokens and closes their sockets. */
  async endAllSessions(userId: string, keep?: string): Promise<number> {
    const sessions = await this.sessions.list(userId, this.now());
    let ended = 0;
    for (const s of sessions) {
      if (s.id === keep) continue;
      await this.endSession(s.id, userId);
      ended += 1;
    }
    await this.refreshTokens.revokeUser(userId, keep);
    return ended;
  }

  async listSessions(auth: AuthContext): Promise<Session[]> {
    return this.sessions.list(auth.userId, this.now());
  }

  /** Revokes one of the caller's sessions. Another user's session id is simply "not found". */
  async revokeSession(auth: AuthContext, sessionId: string, client: ClientInfo): Promise<void> {
    const session = await this.sessions.get(sessionId, this.now());
    if (!session || session.userId !== auth.userId) throw authError(AuthErrorCode.SESSION_NOT_FOUND);
    await this.endSession(sessionId, auth.userId);
    await this.audit.record({
      action: 'session_revoked',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { sessionId },
    });
  }

  /** Proves the person is still there (password): sensitive changes are allowed for a few minutes. */
  async reauthenticate(auth: AuthContext, password: string, client: ClientInfo): Promise<void> {
    const ok = await this.checkPassword(auth.userId, password);
    await this.audit.record({
      action: 'reauthenticate',
      outcome: ok ? 'success' : 'failure',
      actorId: auth.userId,
      client,
    });
    if (!ok) throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    await this.sessions.update(auth.sessionId, { authenticatedAt: this.now() });
  }

  /** Refuses a sensitive change unless the caller proved who they are within REAUTH_WINDOW_SECONDS. */
  assertRecentAuth(auth: AuthContext): void {
    if (this.now() - auth.authenticatedAt > this.runtime.config.REAUTH_WINDOW_SECONDS * 1000) {
      throw authError(AuthErrorCode.REAUTHENTICATION_REQUIRED);
    }
  }

  /** Changes the password (the current one is the re-authentication) and ends every other session. */
  async changePassword(
    auth: AuthContext,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<number> {
    if (!(await this.checkPassword(auth.userId, currentPassword))) {
      await this.audit.record({
        action: 'password_change',
        outcome: 'failure',
        actorId: auth.userId,
        client,
      });
      throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    const user = await this.me(auth);
    assertStrongPassword(newPassword, [user.email, user.displayName]);
    await this.runtime.dataSource.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [auth.userId, await hashPassword(newPassword)],
    );
    const ended = await this.logoutAll(auth, client, true);
    await this.sessions.update(auth.sessionId, { authenticatedAt: this.now() });
    await this.audit.record({
      action: 'password_change',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { otherSessionsEnded: ended },
    });
    return ended;
  }

  private async checkPassword(userId: string, password: string): Promise<boolean> {
    const row = await this.users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOne();
    return verifyPassword(row?.passwordHash, password.slice(0, 1024));
  }

  async me(auth: AuthContext): Promise<User> {
    const user = await this.users().findOneBy({ id: auth.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.UNAUTHENTICATED);
    return user;
  }
}

/** A short, human label for a session ("Chrome on Linux"), from the user agent. */
export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : undefined;
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  if (browser && os) return `${browser} on ${os}`;
  return (browser ?? os ?? userAgent.slice(0, 40)).trim();
}

/** The SMS challenge of a password-reset link (a prefix of the token: enough to bind, never the whole secret). */
function resetChallenge(token: string): string {
  return `reset:${token.slice(0, 24)}`;
}
