import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@pa/server-core';

type RefreshConfig = Pick<
  AppConfig,
  'JWT_SECRET' | 'REFRESH_REUSE_GRACE_SECONDS' | 'SESSION_ABSOLUTE_TTL_SECONDS'
>;

interface Row {
  id: string;
  user_id: string;
  session_id: string;
  family_id: string;
  expires_at: Date;
  created_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  aal: 'aal1' | 'aal2';
}

export type RotationResult =
  | {
      kind: 'rotated';
      token: string;
      userId: string;
      sessionId: string;
      /** What PostgreSQL knows of the session (enough to re-create one lost with Redis' data). */
      family: { expiresAt: Date; issuedAt: Date; aal: 'aal1' | 'aal2' };
    }
  | { kind: 'invalid' }
  | { kind: 'reused'; userId: string; sessionId: string; familyId: string };

const hash = (token: string) => createHash('sha256').update(token).digest();

/**
 * Refresh tokens: opaque, stored hashed, one family per sign-in, rotated on every use.
 *
 * A successor is derived from its parent (HMAC with a server key), so every request that presents the
 * same parent within the grace window gets the very same successor: parallel refreshes never fork the
 * family, and a client that lost the answer can retry. Presenting a used token after the grace window
 * is reuse: the caller revokes the family and its session.
 */
export class RefreshTokenService {
  private readonly key: Buffer;

  constructor(
    private readonly ds: DataSource,
    private readonly config: RefreshConfig,
  ) {
    // A key of its own, derived from the configured secret, so it never equals the JWT key.
    this.key = createHmac('sha256', config.JWT_SECRET).update('refresh-token-successor').digest();
  }

  private successorOf(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }

  /** Starts a family for a new session. */
  async issue(
    userId: string,
    sessionId: string,
    expiresAt: Date,
    manager: EntityManager = this.ds.manager,
    aal: 'aal1' | 'aal2' = 'aal1',
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_tokens (user_id, session_id, family_id, token_hash, expires_at, aal) VALUES ($1, $2, gen_random_uuid(), $3, $4, $5)`,
      [userId, sessionId, hash(token), expiresAt, aal],
    );
    return token;
  }

  /** Exchanges a token for its successor (see the class comment for reuse and grace). */
  async rotate(token: string, now = new Date()): Promise<RotationResult> {
    if (!token || token.length > 200) return { kind: 'invalid' };
    return this.ds.transaction(async (m) => {
      // The row lock serialises concurrent rotations of one token.
      const [row] = (await m.query(
        `SELECT id, user_id, session_id, family_id, expires_at, created_at, used_at, revoked_at, aal FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hash(token)],
      )) as Row[];
      if (!row || row.revoked_at || row.expires_at <= now) return { kind: 'invalid' } as const;
      const successor = this.successorOf(token);
      const base = { userId: row.user_id, sessionId: row.session_id };
      const family = { expiresAt: row.expires_at, issuedAt: row.created_at, aal: row.aal };
      if (!row.used_at) {
        await m.query(`UPDATE refresh_tokens SET used_at = $2 WHERE id = $1`, [row.id, now]);
        await m.query(
          `INSERT INTO refresh_tokens (user_id, session_id, family_id, parent_id, token_hash, expires_at, aal) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [row.user_id, row.session_id, row.family_id, row.id, hash(successor), row.expires_at, row.aal],
        );
        return { kind: 'rotated', token: successor, ...base, family } as const;
      }
      const withinGrace =
        now.getTime() - row.used_at.getTime() <= this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
      if (withinGrace) return { kind: 'rotated', token: successor, ...base, family } as const;
      return { kind: 'reused', familyId: row.family_id, ...base } as const;
    });
  }

  /** Records that a session passed its second factor (its tokens may then re-create it at aal2). */
  async recordAal2(sessionId: string): Promise<void> {
    await this.ds.query(
      `UPDATE refresh_tokens SET aal = 'aal2' WHERE session_id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Revokes every token of a session (logout, session revoked, reuse detected). */
  async revokeSession(sessionId: string, now = new Date()): Promise<void> {
    await this.ds.query(
      `UPDATE refresh_tokens SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL`,
      [sessionId, now],
    );
  }

  /** Revokes every token of a user (logout everywhere, password change). */
  async revokeUser(userId: string, exceptSessionId?: string, now = new Date()): Promise<void> {
    await this.ds.query(
      `UPDATE refresh_tokens SET revoked_at = $3 WHERE user_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR session_id <> $2)`,
      [userId, exceptSessionId ?? null, now],
    );
  }
}
