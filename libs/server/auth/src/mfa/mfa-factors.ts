import { AuthErrorCode, authError } from '../auth.errors';
import type { AuthCore } from '../auth.core';

/** Second-factor methods a person can use to finish signing in. */
export type MfaMethod = 'TOTP' | 'SMS' | 'BACKUP_CODE';

/** Which second factors an account has, and checking one code against them. */
export class MfaFactors {
  constructor(private readonly core: AuthCore) {}

  /** The second factors this account has turned on. */
  async mfaMethods(userId: string): Promise<MfaMethod[]> {
    const ds = this.core.runtime.dataSource;
    const methods: MfaMethod[] = [];
    if (await this.core.totp.isTotpEnabled(ds, userId)) methods.push('TOTP');
    if (await this.smsPhone(userId)) methods.push('SMS');
    if (methods.length > 0 && (await this.core.backupCodes.remainingBackupCodes(ds, userId)) > 0)
      methods.push('BACKUP_CODE');
    return methods;
  }

  /** The verified phone of the SMS factor, if the account has one. */
  async smsPhone(userId: string): Promise<string | undefined> {
    const rows = (await this.core.runtime.dataSource.query(
      `SELECT phone_e164 FROM mfa_factors WHERE user_id = $1 AND kind = 'sms' AND confirmed_at IS NOT NULL`,
      [userId],
    )) as { phone_e164: string }[];
    return rows[0]?.phone_e164;
  }

  /**
   * Checks one second-factor code. SMS codes are bound to `smsChallenge` (the sign-in session, or the
   * reset link); an expired or used-up SMS code is MFA_CODE_EXPIRED rather than a wrong guess.
   */
  async checkSecondFactor(
    userId: string,
    method: MfaMethod,
    code: string,
    smsChallenge: string,
  ): Promise<boolean> {
    const ds = this.core.runtime.dataSource;
    if (method === 'TOTP') return this.core.totp.verifyTotp(ds, userId, code);
    if (method === 'BACKUP_CODE') return this.core.backupCodes.useBackupCode(ds, userId, code);
    const { result } = await this.core.smsCodes.check(userId, 'sign_in', smsChallenge, code);
    if (result === 'expired' || result === 'none') throw authError(AuthErrorCode.MFA_CODE_EXPIRED);
    return result === 'ok';
  }
}
