import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { TOKEN_LIMITS, TOKEN_PREFIX, can, isPermission, type Permission, type Role } from '@pa/shared-domain';
import type { AuthContext, ClientInfo, Logger, PubSub } from '@pa/server-core';
import { AuthErrorCode, authError, type AuditService, type RateLimits } from '@pa/server-auth';
import type { AccessService } from '../access.service';
import { PersonalAccessToken } from './personal-access-token.entity';
import { TokenErrorCode, tokenError } from './personal-access-token.errors';

/** A token's id as the session id of its callers: its sockets close when it is revoked. */
export const tokenSessionId = (id: string) => `pat:${id}`;

// Last use is written (and a `token_use` audit entry recorded) at most this often per token: a busy
// script costs one indexed read per request, one write a minute.
const TOUCH_EVERY_MS = 60_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CreateTokenInput {
  name: string;
  scopes: readonly string[];
  /** Days until it expires (1 … TOKEN_LIMITS.maxDays). */
  expiresInDays?: number | null;
}

/** A token as just made: the secret is in `token`, returned this once and never stored. */
export interface CreatedToken {
  token: string;
  record: PersonalAccessToken;
}

interface Row {
  id: string;
  user_id: string;
  scopes: string[];
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
  last_used_at: Date | null;
}

/**
 * Personal access tokens: made by a signed-in person for a script, never beyond their role, stored
 * as a SHA-256 of the secret, checked on every request (so a revocation applies at once), rate-limited
 * per token, and audited on use (at most one `token_use` entry a minute per token, with the count).
 */
export class PersonalAccessTokenService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimits,
    private readonly pubSub: PubSub,
    private readonly logger: Logger,
    private readonly redis?: Redis,
    private readonly now: () => number = Date.now,
  ) {}

  /** Makes a token for `userId` (by `actorId`, the same person or an administrator). */
  async create(
    userId: string,
    input: CreateTokenInput,
    client: ClientInfo,
    actorId = userId,
  ): Promise<CreatedToken> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > TOKEN_LIMITS.nameMaxLength)
      throw tokenError(TokenErrorCode.TOKEN_NAME_INVALID);
    const scopes = [...new Set(input.scopes)].sort();
    if (scopes.length === 0 || !scopes.every(isPermission))
      throw tokenError(TokenErrorCode.TOKEN_SCOPE_INVALID);
    const days = input.expiresInDays ?? TOKEN_LIMITS.defaultDays;
    if (!Number.isInteger(days) || days < 1 || days > TOKEN_LIMITS.maxDays)
      throw tokenError(TokenErrorCode.TOKEN_EXPIRY_INVALID);
    const owner = await this.access.load(userId);
    if (!owner || owner.disabled) throw authError(AuthErrorCode.UNAUTHENTICATED);
    const beyond = scopes.filter((p) => !can(owner.role as Role, p as Permission));
    if (beyond.length > 0) throw tokenError(TokenErrorCode.TOKEN_SCOPE_BEYOND_ROLE, { scopes: beyond });
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(this.now() + days * 86_400_000);
    const record = await this.ds.transaction(async (m) => {
      // One person's creations are serialised, so the limit holds under concurrent calls.
      await m.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM personal_access_tokens
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
        [userId],
      )) as [{ n: number }];
      if (n >= TOKEN_LIMITS.perPerson) throw tokenError(TokenErrorCode.TOKEN_LIMIT_REACHED);
      const [row] = (await m.query(
        `INSERT INTO personal_access_tokens (user_id, created_by, name, token_hash, hint, scopes, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [userId, actorId, name, hashOf(token), `${token.slice(0, 8)}…`, scopes, expiresAt],
      )) as [{ id: string }];
      return m.getRepository(PersonalAccessToken).findOneByOrFail({ id: row.id });
    });
    await this.audit.record({
      action: 'token_create',
      outcome: 'success',
      actorId,
      subjectId: userId,
      client,
      resourceType: 'personal_access_token',
      resourceId: record.id,
      details: { name, scopes, expiresAt: expiresAt.toISOString() },
    });
    return { token, record };
  }

  /** A person's tokens, newest first (revoked and expired ones too, for the record). */
  list(userId: string): Promise<PersonalAccessToken[]> {
    return this.ds
      .getRepository(PersonalAccessToken)
      .find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Revokes one of the person's tokens: it fails from the next request on, and its sockets close. */
  async revoke(
    userId: string,
    id: string,
    client: ClientInfo,
    actorId = userId,
  ): Promise<PersonalAccessToken> {
    const rows = (await this.ds.query(
      `UPDATE personal_access_tokens SET revoked_at = COALESCE(revoked_at, now())
        WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    )) as [{ id: string }[], number];
    if (rows[0].length === 0) throw tokenError(TokenErrorCode.TOKEN_NOT_FOUND);
    this.pubSub.publish('sessionRevoked', { sessionId: tokenSessionId(id), userId });
    await this.audit.record({
      action: 'token_revoke',
      outcome: 'success',
      actorId,
      subjectId: userId,
      client,
      resourceType: 'personal_access_token',
      resourceId: id,
    });
    return this.ds.getRepository(PersonalAccessToken).findOneByOrFail({ id });
  }

  /** Whether a token still works (an open socket's periodic check). */
  async isLive(id: string, userId: string): Promise<boolean> {
    const rows = (await this.ds.query(
      `SELECT 1 FROM personal_access_tokens
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Checks `Authorization: Bearer pat_…`: unknown, revoked or expired is UNAUTHENTICATED; each call
   * counts against the token's rate limit. The owner's role and status are read by the shield per
   * request, like for a session.
   */
  async authenticate(token: string, client?: ClientInfo): Promise<AuthContext> {
    const rows = (await this.ds.query(
      `SELECT id, user_id, scopes, expires_at, revoked_at, created_at, last_used_at
         FROM personal_access_tokens WHERE token_hash = $1`,
      [hashOf(token)],
    )) as Row[];
    const row = rows[0];
    if (!row || row.revoked_at || row.expires_at.getTime() <= this.now())
      throw authError(AuthErrorCode.UNAUTHENTICATED);
    await this.rateLimits.consume('tokenRequests', `pat:${row.id}`);
    await this.recordUse(row, client);
    return {
      userId: row.user_id,
      sessionId: tokenSessionId(row.id),
      aal: 'aal1',
      authenticatedAt: row.created_at.getTime(),
      token: { id: row.id, scopes: row.scopes },
    };
  }

  /** Counts one more use of a token against its rate limit (a WebSocket operation). */
  async consume(tokenId: string): Promise<void> {
    await this.rateLimits.consume('tokenRequests', `pat:${tokenId}`);
  }

  /**
   * Last use, and the audit entry of use, written at most once a minute per token: the conditional
   * UPDATE lets exactly one request per minute (across instances) win; the uses in between are counted
   * in Redis and reported in that entry's `details.uses`. Never fails the request.
   */
  private async recordUse(row: Row, client?: ClientInfo): Promise<void> {
    const countKey = `pat-uses:${row.id}`;
    try {
      if (this.redis) await this.redis.multi().incr(countKey).expire(countKey, 3600).exec();
      if (row.last_used_at && this.now() - row.last_used_at.getTime() < TOUCH_EVERY_MS) return;
      const updated = (await this.ds.query(
        `UPDATE personal_access_tokens SET last_used_at = now(), last_used_ip = $2
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => $3))
          RETURNING id`,
        [row.id, client?.ip ?? null, TOUCH_EVERY_MS / 1000],
      )) as [unknown[], number];
      if (updated[0].length === 0) return;
      const uses = this.redis ? Number((await this.redis.getdel(countKey)) ?? 1) : 1;
      await this.audit.record({
        action: 'token_use',
        outcome: 'success',
        actorId: row.user_id,
        subjectId: row.user_id,
        client,
        resourceType: 'personal_access_token',
        resourceId: row.id,
        details: { uses },
      });
    } catch (err) {
      this.logger.warn({ err, tokenId: row.id }, 'token use not recorded');
    }
  }
}
