import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SmsSender } from '@pa/server-sms';
import type { SecretBox } from '../mfa/secret-box';

export type SmsCodePurpose = 'verify_phone' | 'sign_in';

/** Codes are valid this long and allow this many guesses. */
export const SMS_CODE_TTL_MS = 10 * 60_000;
export const SMS_CODE_MAX_ATTEMPTS = 5;

export type SmsCodeCheck = 'ok' | 'wrong' | 'expired' | 'none';

const HASH_PURPOSE = 'sms-code';

/**
 * 6-digit codes sent by SMS. A code is bound to its user, purpose and challenge (the sign-in session, or
 * the phone being verified), stored as a keyed hash, valid 10 minutes, and dies after 5 wrong guesses.
 * Sending a new code replaces the previous one.
 */
export class SmsCodeService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly sms: SmsSender,
    private readonly now: () => number = Date.now,
  ) {}

  private hash(userId: string, challenge: string, code: string): string {
    return this.box.keyedHash(HASH_PURPOSE, `${userId}:${challenge}:${code}`);
  }

  /** Creates a code, sends it to the phone, and returns when the SMS was accepted by the provider. */
  async send(
    userId: string,
    purpose: SmsCodePurpose,
    challenge: string,
    phone: string,
  ): Promise<{ expiresAt: Date }> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.now();
    const expiresAt = new Date(now + SMS_CODE_TTL_MS);
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE sms_codes SET consumed_at = $4 WHERE user_id = $1 AND purpose = $2 AND challenge = $3 AND consumed_at IS NULL`,
        [userId, purpose, challenge, new Date(now)],
      );
      await m.query(
        `INSERT INTO sms_codes (user_id, purpose, challenge, phone_e164, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [userId, purpose, challenge, phone, this.hash(userId, challenge, code), new Date(now), expiresAt],
      );
    });
    const text =
      purpose === 'sign_in'
        ? `${code} is your Personal Assistant TDAH sign-in code. It expires in 10 minutes. Never share it.`
        : `${code} is your code to confirm this phone for Personal Assistant TDAH. It expires in 10 minutes.`;
    await this.sms.send({ to: phone, body: text });
    return { expiresAt };
  }

  /**
   * Checks a code against the latest one for this challenge. Each guess is counted atomically, so
   * parallel guesses cannot exceed the limit; a right code is consumed once.
   */
  async check(
    userId: string,
    purpose: SmsCodePurpose,
    challenge: string,
    code: string,
  ): Promise<{ result: SmsCodeCheck; phone?: string }> {
    const digits = code.replace(/\s+/g, '');
    const now = new Date(this.now());
    return this.ds.transaction(async (m) => {
      const [row] = (await m.query(
        `SELECT id, code_hash, attempts, expires_at, phone_e164 FROM sms_codes
         WHERE user_id = $1 AND purpose = $2 AND challenge = $3 AND consumed_at IS NULL
         ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [userId, purpose, challenge],
      )) as { id: string; code_hash: string; attempts: number; expires_at: Date; phone_e164: string }[];
      if (!row || row.attempts >= SMS_CODE_MAX_ATTEMPTS) return { result: 'none' as const };
      if (row.expires_at <= now) return { result: 'expired' as const };
      if (!/^\d{6}$/.test(digits) || this.hash(userId, challenge, digits) !== row.code_hash) {
        await m.query(`UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1`, [row.id]);
        return { result: 'wrong' as const };
      }
      await m.query(`UPDATE sms_codes SET consumed_at = $2 WHERE id = $1`, [row.id, now]);
      return { result: 'ok' as const, phone: row.phone_e164 };
    });
  }
}
