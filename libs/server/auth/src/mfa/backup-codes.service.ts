import { randomBytes } from 'node:crypto';
import { BackupCode } from './backup-code.entity';
import { isUuid, managerOf, type Db } from './db-handle';
import { MfaErrorCode, mfaError } from './mfa.errors';
import type { SecretBox } from './secret-box';

/** Codes in a set. */
export const BACKUP_CODE_COUNT = 10;

// No 0/o, 1/i/l: nothing a person can misread. 31 symbols × 10 = ~49.5 bits per code.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const CODE_LENGTH = 10;
const GROUP = 5;
const HASH_PURPOSE = 'backup-code';

function randomCode(): string {
  let out = '';
  // Rejection sampling keeps every symbol equally likely (248 = 31 × 8).
  const limit = 256 - (256 % ALPHABET.length);
  for (let round = 0; round < 10 && out.length < CODE_LENGTH; round += 1) {
    for (const byte of randomBytes(32)) {
      if (byte >= limit) continue;
      out += ALPHABET[byte % ALPHABET.length];
      if (out.length === CODE_LENGTH) break;
    }
  }
  if (out.length !== CODE_LENGTH) throw new Error('could not draw a backup code');
  return out;
}

const display = (code: string) => `${code.slice(0, GROUP)}-${code.slice(GROUP)}`;

/**
 * What the user typed, in canonical form: case, spaces, dashes (any kind) and full-width characters
 * do not matter. Null when it cannot be a backup code.
 */
export function normalizeBackupCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Pd}_]+/gu, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!ALPHABET.includes(c)) return null;
  return code;
}

/**
 * Single-use recovery codes. Stored as HMAC-SHA-256 under a server key (SecretBox.keyedHash), not
 * argon2: the codes are ~50 random bits, not human-chosen, so slow hashing buys little, while a
 * deterministic hash lets one indexed, atomic UPDATE both find and spend a code — no per-attempt scan
 * of ten argon2 hashes, and a database dump without the key reveals nothing.
 */
export class BackupCodeService {
  constructor(private readonly box: SecretBox) {}

  private hash(userId: string, code: string): string {
    return this.box.keyedHash(HASH_PURPOSE, `${userId}:${code}`);
  }

  /** Replaces the user's codes with 10 fresh ones, returned once (`xxxxx-xxxxx`) and never again. */
  async regenerateBackupCodes(db: Db, userId: string): Promise<string[]> {
    if (!isUuid(userId)) throw mfaError(MfaErrorCode.MFA_USER_NOT_FOUND);
    const codes = new Set<string>();
    for (let i = 0; i < BACKUP_CODE_COUNT * 10 && codes.size < BACKUP_CODE_COUNT; i += 1)
      codes.add(randomCode());
    const list = [...codes];
    await managerOf(db).transaction(async (m) => {
      const users: unknown[] = await m.query(`SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE`, [
        userId,
      ]);
      if (users.length === 0) throw mfaError(MfaErrorCode.MFA_USER_NOT_FOUND);
      await m.query(`DELETE FROM backup_codes WHERE user_id = $1`, [userId]);
      await m.query(`INSERT INTO backup_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
        userId,
        list.map((c) => this.hash(userId, c)),
      ]);
    });
    return list.map(display);
  }

  /** Spends one code: true once per code, even when the same code arrives in parallel. */
  async useBackupCode(db: Db, userId: string, code: string): Promise<boolean> {
    const normalized = normalizeBackupCode(code);
    if (!normalized || !isUuid(userId)) return false;
    const hashes = this.box.keyedHashCandidates(HASH_PURPOSE, `${userId}:${normalized}`);
    const spent = await managerOf(db)
      .createQueryBuilder()
      .update(BackupCode)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId', { userId })
      .andWhere('code_hash IN (:...hashes)', { hashes })
      .andWhere('used_at IS NULL')
      .returning('id')
      .execute();
    return (spent.affected ?? 0) > 0;
  }

  /** How many unused codes the user has left. */
  async remainingBackupCodes(db: Db, userId: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const rows: { n: number }[] = await managerOf(db).query(
      `SELECT count(*)::int AS n FROM backup_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }
}
