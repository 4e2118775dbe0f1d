import { randomBytes } from 'node:crypto';
import {
  CoreErrorCode,
  coreError,
  isDependencyOutage,
  type AuthContext,
  type ClientInfo,
} from '@pa/server-core';
import { AuthErrorCode, authError } from '../auth.errors';
import type { AuthCore } from '../auth.core';
import type { MfaFactors, MfaMethod } from '../mfa/mfa-factors';
import { issueAccessToken, verifyAccessToken } from '../tokens/access-token';
import type { RotationResult } from '../tokens/refresh-token.service';
import type { User } from '../users/user.entity';
import { describeDevice } from './describe-device';
import type { Session } from './session-store';
import './session.topics';

// How long a password-verified sign-in waits for its second factor.
const MFA_CHALLENGE_MS = 5 * 60_000;

// Sessions are touched at most this often, so a busy client costs one Redis read per request, not a write.
const TOUCH_EVERY_MS = 60_000;

/** Password passed, second factor not yet. */
const isPending = (s: Session) => s.requiredAal === 'aal2' && s.aal !== 'aal2';

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

/** Sessions and their tokens: start, refresh, check, list and end. */
export class SessionService {
  constructor(
    private readonly core: AuthCore,
    private readonly factors: MfaFactors,
  ) {}

  /** A new session (evicting the oldest beyond the limit), its refresh-token family and an access token. */
  async startSession(
    user: User,
    client: ClientInfo,
    aal: 'aal1' | 'aal2',
    mfaMethods: MfaMethod[] = [],
  ): Promise<SignedIn> {
    const now = this.core.now();
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
    await this.core.sessions.create(session, this.core.limits);
    await this.enforceLimits(session, client);
    const refreshTokenExpiresAt = new Date(now + this.core.limits.absoluteTtlSeconds * 1000);
    const refreshToken = await this.core.refreshTokens.issue(
      user.id,
      session.id,
      refreshTokenExpiresAt,
      undefined,
      aal,
    );
    const access = await issueAccessToken(
      this.core.runtime.config,
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

  /**
   * Keeps a user's sessions within their limits after `session` was created or passed its second
   * factor. Half-signed-in sessions (password only) are counted apart and only ever end each other:
   * knowing the password alone must not push the owner's verified sessions out. The oldest beyond the
   * limit end; `session` itself is spared unless `mayEndSelf` (a recovered session keeps its original
   * age, so it goes when it is the oldest). Returns whether `session` is still alive.
   */
  async enforceLimits(
    session: Pick<Session, 'id' | 'userId'>,
    client: ClientInfo,
    { mayEndSelf = false }: { mayEndSelf?: boolean } = {},
  ): Promise<boolean> {
    const now = this.core.now();
    const live = await this.core.sessions.list(session.userId, now);
    const current = live.find((s) => s.id === session.id);
    if (!current) return false;
    const pending = isPending(current);
    // A challenge past its deadline is dead already: it counts for nothing, and goes.
    const expired = live.filter((s) => isPending(s) && now > (s.mfaDeadline ?? 0));
    const pool = live.filter((s) => isPending(s) === pending && !expired.includes(s));
    const { SESSION_MAX_PER_USER, SESSION_PENDING_MAX_PER_USER } = this.core.runtime.config;
    const excess = pool.length - (pending ? SESSION_PENDING_MAX_PER_USER : SESSION_MAX_PER_USER);
    // Oldest first (the store lists them so).
    const candidates = mayEndSelf ? pool : pool.filter((s) => s.id !== session.id);
    const evicted = candidates.slice(0, Math.max(0, excess));
    for (const old of [...expired, ...evicted]) {
      if (old.id === session.id && !mayEndSelf) continue;
      await this.endSession(old.id, old.userId);
      if (!evicted.includes(old)) continue;
      await this.core.audit.record({
        action: 'session_evicted',
        outcome: 'success',
        subjectId: session.userId,
        client,
        details: { sessionId: old.id, pending },
      });
    }
    return !evicted.some((s) => s.id === session.id) && !expired.some((s) => s.id === session.id);
  }

  /** A fresh access token for an existing session (after a step-up); its refresh tokens stay as they are. */
  async tokensFor(user: User, sessionId: string): Promise<SignedIn> {
    const now = this.core.now();
    const session = await this.core.sessions.get(sessionId, now);
    if (!session) throw authError(AuthErrorCode.UNAUTHENTICATED);
    const access = await issueAccessToken(
      this.core.runtime.config,
      { userId: user.id, sessionId, aal: session.aal, authenticatedAt: session.authenticatedAt },
      now,
    );
    return {
      user,
      sessionId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: '',
      refreshTokenExpiresAt: new Date(session.createdAt + this.core.limits.absoluteTtlSeconds * 1000),
    };
  }

  /** Rotates a refresh token; reuse after the grace window ends the whole family and its session. */
  async refresh(token: string, client: ClientInfo): Promise<SignedIn> {
    const now = this.core.now();
    const result = await this.core.refreshTokens.rotate(token, new Date(now));
    if (result.kind === 'invalid') throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    if (result.kind === 'reused') {
      await this.endSession(result.sessionId, result.userId);
      await this.core.audit.record({
        action: 'refresh_token_reuse',
        outcome: 'denied',
        subjectId: result.userId,
        client,
        details: { sessionId: result.sessionId, familyId: result.familyId },
      });
      throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
    const user = await this.core.users().findOneBy({ id: result.userId });
    const session =
      (await this.core.sessions.get(result.sessionId, now)) ??
      (user && !user.disabledAt ? await this.recover(result, user, client, now) : undefined);
    if (!session || !user || user.disabledAt) {
      await this.core.refreshTokens.revokeSession(result.sessionId);
      throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
    await this.core.sessions.touch(session.id, now, this.core.limits);
    const access = await issueAccessToken(
      this.core.runtime.config,
      { userId: user.id, sessionId: session.id, aal: session.aal, authenticatedAt: session.authenticatedAt },
      now,
    );
    return {
      user,
      sessionId: session.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: result.token,
      refreshTokenExpiresAt: new Date(session.createdAt + this.core.limits.absoluteTtlSeconds * 1000),
      // A session still waiting for its second factor says so after a refresh too (e.g. a reload).
      ...(session.requiredAal === 'aal2' && session.aal !== 'aal2'
        ? {
            mfa: {
              methods: await this.factors.mfaMethods(user.id),
              expiresAt: new Date(session.mfaDeadline ?? now),
            },
          }
        : {}),
    };
  }

  /**
   * Re-creates a session that Redis lost (restarted without persistence) from what PostgreSQL holds of
   * it: only for a valid, unrevoked, unexpired refresh token (rotate() checked that; logout, revocation,
   * eviction and reuse all revoke in PostgreSQL), used within the idle timeout, and never below the
   * assurance level the account requires. The absolute lifetime stays the original one.
   */
  private async recover(
    rotated: Extract<RotationResult, { kind: 'rotated' }>,
    user: User,
    client: ClientInfo,
    now: number,
  ): Promise<Session | undefined> {
    const { family } = rotated;
    const limits = this.core.limits;
    // Stricter than the session's own idle deadline: activity without a refresh is not seen here.
    if (now - family.issuedAt.getTime() > limits.idleTimeoutSeconds * 1000) return undefined;
    const methods = await this.factors.mfaMethods(user.id);
    if (methods.length > 0 && family.aal !== 'aal2') return undefined;
    const createdAt = family.expiresAt.getTime() - limits.absoluteTtlSeconds * 1000;
    const session: Session = {
      id: rotated.sessionId,
      userId: user.id,
      device: describeDevice(client.userAgent),
      ip: client.ip ?? null,
      createdAt,
      lastSeenAt: now,
      aal: family.aal,
      // Not a fresh proof of identity: sensitive actions ask for the password again.
      authenticatedAt: createdAt,
    };
    await this.core.sessions.create(session, limits);
    // The same limit as a sign-in: the person may have signed in elsewhere since Redis lost the
    // sessions. Oldest first, so a recovered session that is the oldest beyond it ends at once
    // (its family revoked: it can never come back).
    if (!(await this.enforceLimits(session, client, { mayEndSelf: true }))) return undefined;
    await this.core.audit.record({
      action: 'session_recovered',
      outcome: 'success',
      subjectId: user.id,
      client,
      details: { sessionId: session.id },
    });
    return session;
  }

  /**
   * Checks a bearer token and that its session is still alive (so a revoked session fails at once).
   * A Redis outage fails closed with SERVICE_UNAVAILABLE.
   */
  async authenticate(token: string): Promise<AuthContext> {
    const auth = await verifyAccessToken(this.core.runtime.config, token, this.core.now());
    let session: Session | undefined;
    try {
      session = await this.core.sessions.get(auth.sessionId, this.core.now());
    } catch (err) {
      if (isDependencyOutage(err))
        throw coreError(CoreErrorCode.SERVICE_UNAVAILABLE, undefined, { cause: err });
      throw err;
    }
    if (!session || session.userId !== auth.userId) throw authError(AuthErrorCode.UNAUTHENTICATED);
    const now = this.core.now();
    const mfaPending = isPending(session);
    // A challenge not answered in time is a dead session, not an open door.
    if (mfaPending && now > (session.mfaDeadline ?? 0)) throw authError(AuthErrorCode.UNAUTHENTICATED);
    if (now - session.lastSeenAt > TOUCH_EVERY_MS)
      await this.core.sessions.touch(session.id, now, this.core.limits);
    // The session is the source of truth for assurance: a step-up there applies at once.
    return { ...auth, aal: session.aal, authenticatedAt: session.authenticatedAt, mfaPending };
  }

  /** Ends one session: its tokens are revoked and its sockets closed (through pub/sub, on every instance). */
  async endSession(sessionId: string, userId: string): Promise<void> {
    await this.core.sessions.delete(sessionId);
    await this.core.refreshTokens.revokeSession(sessionId);
    this.core.runtime.pubSub.publish('sessionRevoked', { sessionId, userId });
  }

  /** Ends the caller's own session. */
  async logout(auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.endSession(auth.sessionId, auth.userId);
    await this.core.audit.record({
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
    await this.core.audit.record({
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
    const sessions = await this.core.sessions.list(userId, this.core.now());
    let ended = 0;
    for (const s of sessions) {
      if (s.id === keep) continue;
      await this.endSession(s.id, userId);
      ended += 1;
    }
    await this.core.refreshTokens.revokeUser(userId, keep);
    // Sockets of sessions the store no longer lists (e.g. lost with Redis' data) close too.
    this.core.runtime.pubSub.publish('userSessionsEnded', { userId, keep: keep ?? null });
    return ended;
  }

  /** The caller's live sessions, oldest first. */
  async listSessions(auth: AuthContext): Promise<Session[]> {
    return this.core.sessions.list(auth.userId, this.core.now());
  }

  /** Revokes one of the caller's sessions. Another user's session id is simply "not found". */
  async revokeSession(auth: AuthContext, sessionId: string, client: ClientInfo): Promise<void> {
    const session = await this.core.sessions.get(sessionId, this.core.now());
    if (!session || session.userId !== auth.userId) throw authError(AuthErrorCode.SESSION_NOT_FOUND);
    await this.endSession(sessionId, auth.userId);
    await this.core.audit.record({
      action: 'session_revoked',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { sessionId },
    });
  }
}
