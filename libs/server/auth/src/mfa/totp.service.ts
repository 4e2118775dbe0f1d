import { randomUUID } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { isUuid, managerOf, type Db } from './db-handle';
import { MfaFactor } from './mfa-factor.entity';
import { MfaErrorCode, mfaError } from './mfa.errors';
import type { SecretBox } from './secret-box';

/** Shown by authenticator apps next to the account. */
export const TOTP_ISSUER = 'Personal Assistant TDAH';

// RFC 6238 defaults every authenticator app understands.
const ALGORITHM = 'sha1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
// Accepted drift: one time-step either side, no more.
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const SECRET_BYTES = 20;

export interface TotpEnrollment {
  factorId: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code: `data:image/png;base64,...`. */
  qrCodeDataUrl: string;
  /** For manual entry when the QR code cannot be scanned. */
  secretBase32: string;
}

export interface TotpServiceOptions {
  /** Clock in milliseconds since the epoch (tests inject one). */
  now?: () => number;
}

interface FactorRow {
  id: string;
  secret_encrypted: Buffer;
}

/** Binds a sealed secret to its row and owner: a secret copied onto another row does not open. */
const sealContext = (factorId: string, userId: string) => `mfa_factors:${factorId}:${userId}`;

/** Strips the spaces some apps show ("123 456"); anything but six digits can never be valid. */
function normalizeTotpCode(code: string): string | null {
  const token = code.replace(/\s+/g, '');
  return /^\d{6}$/.test(token) ? token : null;
}

/**
 * TOTP second factor: enrolment (pending until a first code confirms it), verification where each
 * time-step is accepted at most once per user, and removal. The secret is sealed at rest.
 */
export class TotpService {
  private readonly now: () => number;

  constructor(
    private readonly box: SecretBox,
    options: TotpServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Starts (or restarts) enrolment: a new pending factor replaces any previous pending one. */
  async startTotpEnrollment(db: Db, userId: string, accountEmail: string): Promise<TotpEnrollment> {
    if (!isUuid(userId)) throw mfaError(MfaErrorCode.MFA_USER_NOT_FOUND);
    const secretBase32 = generateSecret({ length: SECRET_BYTES });
    const factorId = randomUUID();
    const sealed = this.box.seal(secretBase32, sealContext(factorId, userId));
    await managerOf(db).transaction(async (m) => {
      // Locking the user serialises enrolments of one user: never two pending factors.
      const users: unknown[] = await m.query(`SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE`, [
        userId,
      ]);
      if (users.length === 0) throw mfaError(MfaErrorCode.MFA_USER_NOT_FOUND);
      await m.query(`DELETE FROM mfa_factors WHERE user_id = $1 AND kind = 'totp' AND confirmed_at IS NULL`, [
        userId,
      ]);
      await m.query(
        `INSERT INTO mfa_factors (id, user_id, kind, secret_encrypted) VALUES ($1, $2, 'totp', $3)`,
        [factorId, userId, sealed],
      );
    });
    const otpauthUri = generateURI({
      issuer: TOTP_ISSUER,
      label: accountEmail,
      secret: secretBase32,
      algorithm: ALGORITHM,
      digits: DIGITS,
      period: PERIOD_SECONDS,
    });
    const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, {
      type: 'image/png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 256,
    });
    return { factorId, otpauthUri, qrCodeDataUrl, secretBase32 };
  }

  /**
   * Confirms the pending enrolment with a first code. On success it replaces any previously
   * confirmed authenticator, and the code's time-step counts as used. Throws TOTP_ENROLLMENT_NOT_FOUND
   * when nothing is pending.
   */
  async confirmTotp(db: Db, userId: string, code: string): Promise<boolean> {
    if (!isUuid(userId)) throw mfaError(MfaErrorCode.TOTP_ENROLLMENT_NOT_FOUND);
    const token = normalizeTotpCode(code);
    const at = this.now();
    return managerOf(db).transaction(async (m) => {
      // FOR UPDATE: a parallel confirmation waits, then finds nothing pending.
      const rows: FactorRow[] = await m.query(
        `SELECT id, secret_encrypted FROM mfa_factors
          WHERE user_id = $1 AND kind = 'totp' AND confirmed_at IS NULL
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [userId],
      );
      const pending = rows[0];
      if (!pending) throw mfaError(MfaErrorCode.TOTP_ENROLLMENT_NOT_FOUND);
      if (!token) return false;
      const step = await this.matchStep(this.secretOf(pending, userId), token, at);
      if (step === null) return false;
      await m.query(`DELETE FROM mfa_factors WHERE user_id = $1 AND kind = 'totp' AND id <> $2`, [
        userId,
        pending.id,
      ]);
      await m.query(`UPDATE mfa_factors SET confirmed_at = now(), last_accepted_step = $2 WHERE id = $1`, [
        pending.id,
        step,
      ]);
      return true;
    });
  }

  /**
   * Checks a code against the user's confirmed authenticator (±1 time-step). Each time-step is
   * accepted at most once, even under parallel attempts, and never one older than the last accepted.
   */
  async verifyTotp(db: Db, userId: string, code: string, now?: number): Promise<boolean> {
    const token = normalizeTotpCode(code);
    if (!token || !isUuid(userId)) return false;
    const m = managerOf(db);
    const rows: FactorRow[] = await m.query(
      `SELECT id, secret_encrypted FROM mfa_factors
        WHERE user_id = $1 AND kind = 'totp' AND confirmed_at IS NOT NULL`,
      [userId],
    );
    const factor = rows[0];
    if (!factor) return false;
    const step = await this.matchStep(this.secretOf(factor, userId), token, now ?? this.now());
    if (step === null) return false;
    // The one atomic claim of this step: of parallel requests with the same code, one row update wins.
    const claimed = await m
      .createQueryBuilder()
      .update(MfaFactor)
      .set({ lastAcceptedStep: step })
      .where('id = :id', { id: factor.id })
      .andWhere('(last_accepted_step IS NULL OR last_accepted_step < :step)', { step })
      .execute();
    return claimed.affected === 1;
  }

  /** Removes the user's authenticator (confirmed or pending). True when there was one. */
  async disableTotp(db: Db, userId: string): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const removed = await managerOf(db)
      .createQueryBuilder()
      .delete()
      .from(MfaFactor)
      .where(`user_id = :userId AND kind = 'totp'`, { userId })
      .execute();
    return (removed.affected ?? 0) > 0;
  }

  /** Whether the user has a confirmed authenticator. */
  async isTotpEnabled(db: Db, userId: string): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const rows: unknown[] = await managerOf(db).query(
      `SELECT 1 FROM mfa_factors WHERE user_id = $1 AND kind = 'totp' AND confirmed_at IS NOT NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  private secretOf(row: FactorRow, userId: string): string {
    return this.box.open(row.secret_encrypted, sealContext(row.id, userId)).toString('utf8');
  }

  /** The time-step the code belongs to (within ±1 step of `atMs`), or null. */
  private async matchStep(secret: string, token: string, atMs: number): Promise<number | null> {
    const result = await verify({
      secret,
      token,
      algorithm: ALGORITHM,
      digits: DIGITS,
      period: PERIOD_SECONDS,
      epoch: Math.floor(atMs / 1000),
      epochTolerance: TOLERANCE_SECONDS,
    });
    // The result type is shared with HOTP; only a TOTP match carries its time-step.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }
}
