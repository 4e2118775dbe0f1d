import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

/** Lifetimes: verification 24 h, reset 1 h. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
};

const hash = (token: string) => createHash('sha256').update(token).digest();

/** Random single-use tokens sent by email; only their hash is stored. Issuing one retires the previous ones. */
export class EmailTokenService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(
    userId: string,
    email: string,
    purpose: EmailTokenPurpose,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now + EMAIL_TOKEN_TTL_MS[purpose]);
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
        [userId, purpose, new Date(now)],
      );
      await m.query(
        `INSERT INTO email_tokens (user_id, purpose, token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [userId, purpose, hash(token), email, new Date(now), expiresAt],
      );
    });
    return { token, expiresAt };
  }

  /**
   * Spends a token (inside the caller's transaction, so the change it authorises and its use commit
   * together). Returns its user and email, or undefined when unknown, used, expired or of another purpose.
   */
  async consume(
    m: EntityManager,
    token: string,
    purpose: EmailTokenPurpose,
  ): Promise<{ userId: string; email: string } | undefined> {
    if (!token || token.length > 200) return undefined;
    const rows = (await m.query(
      `UPDATE email_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
       RETURNING user_id, email`,
      [hash(token), purpose, new Date(this.now())],
    )) as [{ user_id: string; email: string }[], number] | { user_id: string; email: string }[];
    const list = Array.isArray(rows[0])
      ? (rows[0] as { user_id: string; email: string }[])
      : (rows as { user_id: string; email: string }[]);
    const row = list[0];
    return row ? { userId: row.user_id, email: row.email } : undefined;
  }

  /** Reads a token without spending it (to learn whose it is before checking a second factor). */
  async peek(
    token: string,
    purpose: EmailTokenPurpose,
  ): Promise<{ userId: string; email: string } | undefined> {
    if (!token || token.length > 200) return undefined;
    const rows = (await this.ds.query(
      `SELECT user_id, email FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3`,
      [hash(token), purpose, new Date(this.now())],
    )) as { user_id: string; email: string }[];
    const row = rows[0];
    return row ? { userId: row.user_id, email: row.email } : undefined;
  }
}
