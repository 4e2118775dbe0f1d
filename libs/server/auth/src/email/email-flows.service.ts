import type { AuthContext, ClientInfo } from '@pa/server-core';
import { AuthErrorCode, authError } from '../auth.errors';
import type { AuthCore } from '../auth.core';
import { assertStrongPassword, normaliseEmail } from '../auth.validation';
import type { MfaFactors, MfaMethod } from '../mfa/mfa-factors';
import { hashPassword, verifyPassword } from '../passwords/password-hasher';
import type { SessionService } from '../sessions/session.service';
import type { User } from '../users/user.entity';
import { resetPasswordMessage, verifyEmailMessage } from './auth-emails';

/** Links sent by email: confirming the address, and resetting a forgotten password. */
export class EmailFlowsService {
  constructor(
    private readonly core: AuthCore,
    private readonly factors: MfaFactors,
    private readonly sessionService: SessionService,
  ) {}

  /** Where links in emails point: the web app. */
  private webUrl(path: string, token: string): string {
    const { PUBLIC_WEB_URL, HOST, PORT } = this.core.runtime.config;
    const base = PUBLIC_WEB_URL ?? `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${PORT}`;
    // The token travels in the fragment: it never reaches server logs or a Referer header.
    return `${base.replace(/\/$/, '')}${path}#token=${token}`;
  }

  /** Queues the address-confirmation email (a new link retires the previous one). */
  async sendVerificationEmail(user: User): Promise<void> {
    const { token } = await this.core.emailTokens.issue(user.id, user.email, 'verify_email');
    const mail = verifyEmailMessage(user.displayName, this.webUrl('/verify-email', token));
    await this.core.jobs.enqueue('email.send', {
      to: user.email,
      ...mail,
      idempotencyKey: `verify-email:${token.slice(0, 16)}`,
    });
  }

  /** Sends the confirmation link again (rate-limited like resets: a few an hour). */
  async resendVerificationEmail(auth: AuthContext, client: ClientInfo): Promise<void> {
    const user = await this.core.me(auth);
    if (user.emailVerifiedAt) return;
    await this.core.rateLimits.consumePasswordReset(user.email, client.ip ?? 'unknown');
    await this.sendVerificationEmail(user);
  }

  /** Confirms an address from the emailed link. */
  async verifyEmail(token: string, client: ClientInfo): Promise<void> {
    const committed: (() => void)[] = [];
    const verified = await this.core.runtime.dataSource.transaction(async (m) => {
      const owner = await this.core.emailTokens.consume(m, token, 'verify_email');
      if (!owner) return undefined;
      // Only the address the link was sent to: a changed email needs its own confirmation.
      await m.query(
        `UPDATE users SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email = $2`,
        [owner.userId, owner.email],
      );
      for (const hook of this.core.hooks.emailVerified)
        await hook(m, { id: owner.userId, email: owner.email }, (fn) => committed.push(fn));
      return owner;
    });
    for (const fn of committed) fn();
    await this.core.audit.record({
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
    await this.core.rateLimits.consumePasswordReset(email, client.ip ?? 'unknown');
    const user = await this.core.users().findOneBy({ email });
    await this.core.audit.record({
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
    const { token } = await this.core.emailTokens.issue(user.id, user.email, 'reset_password');
    const mail = resetPasswordMessage(user.displayName, this.webUrl('/reset-password', token));
    await this.core.jobs.enqueue('email.send', {
      to: user.email,
      ...mail,
      idempotencyKey: `reset:${token.slice(0, 16)}`,
    });
  }

  /** For a reset link of an account with SMS sign-in: texts a code bound to that link. */
  async sendPasswordResetSms(token: string): Promise<Date> {
    const owner = await this.core.emailTokens.peek(token, 'reset_password');
    const phone = owner && (await this.factors.smsPhone(owner.userId));
    if (!owner || !phone) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    await this.core.rateLimits.consumeSmsSend(owner.userId, phone);
    const { expiresAt } = await this.core.smsCodes.send(
      owner.userId,
      'sign_in',
      resetChallenge(token),
      phone,
    );
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
    const owner = await this.core.emailTokens.peek(token, 'reset_password');
    if (!owner) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    const user = await this.core.users().findOneBy({ id: owner.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    // The password is checked first: a weak one must not use up a one-time code.
    assertStrongPassword(newPassword, [user.email, user.displayName]);
    const methods = await this.factors.mfaMethods(user.id);
    if (methods.length > 0) {
      if (!mfa || !methods.includes(mfa.method)) throw authError(AuthErrorCode.MFA_REQUIRED, { methods });
      await this.core.rateLimits.checkMfaAllowed(resetChallenge(token), user.email);
      if (!(await this.factors.checkSecondFactor(user.id, mfa.method, mfa.code, resetChallenge(token)))) {
        await this.core.rateLimits.recordLoginFailure(user.email);
        await this.core.audit.record({
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
    const done = await this.core.runtime.dataSource.transaction(async (m) => {
      const spent = await this.core.emailTokens.consume(m, token, 'reset_password');
      if (!spent) return false;
      await m.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
        [user.id, passwordHash],
      );
      return true;
    });
    if (!done) throw authError(AuthErrorCode.EMAIL_TOKEN_INVALID);
    for (const s of await this.core.sessions.list(user.id, this.core.now()))
      await this.sessionService.endSession(s.id, user.id);
    await this.core.refreshTokens.revokeUser(user.id);
    await this.core.rateLimits.recordLoginSuccess(user.email);
    await this.core.audit.record({
      action: 'password_reset',
      outcome: 'success',
      subjectId: user.id,
      client,
    });
  }
}

/** The SMS challenge of a password-reset link (a prefix of the token: enough to bind, never the whole secret). */
function resetChallenge(token: string): string {
  return `reset:${token.slice(0, 24)}`;
}
