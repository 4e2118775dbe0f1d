import type { AuthContext, ClientInfo } from '@pa/server-core';
import { toE164 } from '@pa/shared-domain';
import { AuthErrorCode, authError } from '../auth.errors';
import type { AuthCore } from '../auth.core';
import type { SmsCodeCheck } from '../mfa-sms/sms-code.service';
import type { SessionService, SignedIn } from '../sessions/session.service';
import type { MfaFactors, MfaMethod } from './mfa-factors';
import type { TotpEnrollment } from './totp.service';

/** Second factors: SMS phone and TOTP enrolment, backup codes, and finishing a sign-in with a code. */
export class SecondFactorService {
  constructor(
    private readonly core: AuthCore,
    private readonly factors: MfaFactors,
    private readonly sessionService: SessionService,
  ) {}

  /** Sends a code to verify a phone for SMS sign-in (needs a recent sign-in; rate-limited per user and phone). */
  async startPhoneVerification(
    auth: AuthContext,
    rawPhone: string,
    client: ClientInfo,
  ): Promise<{ phone: string; expiresAt: Date }> {
    this.core.assertRecentAuth(auth);
    const phone = toE164(rawPhone);
    if (!phone) throw authError(AuthErrorCode.INVALID_PHONE);
    await this.core.rateLimits.consumeSmsSend(auth.userId, phone);
    const { expiresAt } = await this.core.smsCodes.send(auth.userId, 'verify_phone', phone, phone);
    await this.core.audit.record({
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
    const { result } = await this.core.smsCodes.check(auth.userId, 'verify_phone', phone, code);
    await this.core.audit.record({
      action: 'mfa_enroll',
      outcome: result === 'ok' ? 'success' : 'failure',
      actorId: auth.userId,
      client,
      details: { step: 'sms_confirm' },
    });
    assertCodeOk(result);
    await this.core.runtime.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM mfa_factors WHERE user_id = $1 AND kind = 'sms'`, [auth.userId]);
      await m.query(
        `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
        [auth.userId, phone],
      );
    });
    await this.core.sessions.update(auth.sessionId, { aal: 'aal2', authenticatedAt: this.core.now() });
    await this.core.refreshTokens.recordAal2(auth.sessionId);
  }

  /** Turns SMS sign-in off (needs a recent sign-in). */
  async disableSmsMfa(auth: AuthContext, client: ClientInfo): Promise<void> {
    this.core.assertRecentAuth(auth);
    await this.core.runtime.dataSource.query(`DELETE FROM mfa_factors WHERE user_id = $1 AND kind = 'sms'`, [
      auth.userId,
    ]);
    await this.core.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'sms_disable' },
    });
  }

  /** Sends a sign-in code to the verified phone, bound to this (pending) session. */
  async sendSignInSms(auth: AuthContext, client: ClientInfo): Promise<Date> {
    const phone = await this.factors.smsPhone(auth.userId);
    if (!phone) throw authError(AuthErrorCode.MFA_NOT_ENABLED);
    await this.core.rateLimits.consumeSmsSend(auth.userId, phone);
    const { expiresAt } = await this.core.smsCodes.send(auth.userId, 'sign_in', auth.sessionId, phone);
    await this.core.audit.record({
      action: 'mfa_verify',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'sms_sent' },
    });
    return expiresAt;
  }

  /**
   * Finishes a sign-in that waits for its second factor (or steps an ordinary session up to aal2).
   * Wrong codes count towards the account's lock-out like wrong passwords.
   */
  async verifyMfa(auth: AuthContext, method: MfaMethod, code: string, client: ClientInfo): Promise<SignedIn> {
    const user = await this.core.users().findOneBy({ id: auth.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.UNAUTHENTICATED);
    await this.core.rateLimits.checkMfaAllowed(auth.sessionId, user.email);
    const methods = await this.factors.mfaMethods(user.id);
    if (!methods.includes(method)) throw authError(AuthErrorCode.MFA_NOT_ENABLED);
    if (!(await this.factors.checkSecondFactor(user.id, method, code, auth.sessionId))) {
      await this.core.rateLimits.recordLoginFailure(user.email);
      await this.core.audit.record({
        action: 'mfa_verify',
        outcome: 'failure',
        actorId: user.id,
        client,
        details: { method },
      });
      throw authError(AuthErrorCode.MFA_CODE_INVALID);
    }
    await this.core.rateLimits.recordLoginSuccess(user.email);
    await this.core.sessions.update(auth.sessionId, { aal: 'aal2', authenticatedAt: this.core.now() });
    if (auth.mfaPending) await this.core.signedIn(user.id);
    await this.core.refreshTokens.recordAal2(auth.sessionId);
    // Now a full session: it counts against the full-session limit (the oldest beyond it ends).
    await this.sessionService.enforceLimits({ id: auth.sessionId, userId: user.id }, client);
    await this.core.audit.record({
      action: 'mfa_verify',
      outcome: 'success',
      actorId: user.id,
      client,
      details: { method },
    });
    return this.sessionService.tokensFor(user, auth.sessionId);
  }

  /** Starts TOTP enrolment (needs a recent sign-in); returns the QR code and secret to show once. */
  async startTotpEnrollment(auth: AuthContext, client: ClientInfo): Promise<TotpEnrollment> {
    this.core.assertRecentAuth(auth);
    const user = await this.core.me(auth);
    const enrollment = await this.core.totp.startTotpEnrollment(
      this.core.runtime.dataSource,
      user.id,
      user.email,
    );
    await this.core.audit.record({
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
    const ds = this.core.runtime.dataSource;
    if (!(await this.core.totp.confirmTotp(ds, auth.userId, code))) {
      await this.core.audit.record({
        action: 'mfa_enroll',
        outcome: 'failure',
        actorId: auth.userId,
        client,
        details: { step: 'confirm' },
      });
      throw authError(AuthErrorCode.MFA_CODE_INVALID);
    }
    await this.core.sessions.update(auth.sessionId, { aal: 'aal2', authenticatedAt: this.core.now() });
    await this.core.refreshTokens.recordAal2(auth.sessionId);
    const remaining = await this.core.backupCodes.remainingBackupCodes(ds, auth.userId);
    const codes = remaining > 0 ? [] : await this.core.backupCodes.regenerateBackupCodes(ds, auth.userId);
    await this.core.audit.record({
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
    this.core.assertRecentAuth(auth);
    await this.core.runtime.dataSource.transaction(async (m) => {
      await this.core.totp.disableTotp(m, auth.userId);
      await m.query(`DELETE FROM backup_codes WHERE user_id = $1`, [auth.userId]);
    });
    await this.core.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'disable' },
    });
  }

  /** A new set of backup codes, shown once; the old set stops working (needs a recent sign-in). */
  async regenerateBackupCodes(auth: AuthContext, client: ClientInfo): Promise<string[]> {
    this.core.assertRecentAuth(auth);
    if (!(await this.core.totp.isTotpEnabled(this.core.runtime.dataSource, auth.userId)))
      throw authError(AuthErrorCode.MFA_NOT_ENABLED);
    const codes = await this.core.backupCodes.regenerateBackupCodes(
      this.core.runtime.dataSource,
      auth.userId,
    );
    await this.core.audit.record({
      action: 'mfa_enroll',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { step: 'backup_codes' },
    });
    return codes;
  }
}

/** A wrong SMS code is MFA_CODE_INVALID; an expired, used-up or missing one is MFA_CODE_EXPIRED. */
function assertCodeOk(result: SmsCodeCheck): void {
  if (result === 'wrong') throw authError(AuthErrorCode.MFA_CODE_INVALID);
  if (result !== 'ok') throw authError(AuthErrorCode.MFA_CODE_EXPIRED);
}
