import { randomBytes } from 'node:crypto';
import {
  CoreErrorCode,
  coreError,
  isDependencyOutage,
  type AuthContext,
  type ClientInfo,
  type Runtime,
} from '@pa/server-core';
import { AuthErrorCode, authError } from './auth.errors';
import {
  assertStrongPassword,
  normaliseEmail,
  parseDisplayName,
  parseEmail,
  parseTimeZone,
} from './auth.validation';
import { AuditService } from './audit/audit.service';
import { hashPassword, needsRehash, verifyPassword } from './passwords/password-hasher';
import {
  MemorySessionStore,
  RedisSessionStore,
  type Session,
  type SessionLimits,
  type SessionStore,
} from './sessions/session-store';
import './sessions/session.topics';
import { issueAccessToken } from './tokens/access-token';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { verifyAccessToken } from './tokens/access-token';
import { User } from './users/user.entity';

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
}

/** What a successful sign-in, registration or refresh hands the client. */
export interface SignedIn {
  user: User;
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

// Sessions are touched at most this often, so a busy client costs one Redis read per request, not a write.
const TOUCH_EVERY_MS = 60_000;

/** Accounts, sign-in, tokens and sessions. */
export class AuthService {
  readonly sessions: SessionStore;
  readonly refreshTokens: RefreshTokenService;
  readonly audit: AuditService;

  constructor(
    private readonly runtime: Runtime,
    private readonly now: () => number = Date.now,
  ) {
    this.sessions = runtime.redis ? new RedisSessionStore(runtime.redis) : new MemorySessionStore();
    this.refreshTokens = new RefreshTokenService(runtime.dataSource, runtime.config);
    this.audit = new AuditService(runtime.dataSource, runtime.logger);
  }

  private get limits(): SessionLimits {
    return {
      absoluteTtlSeconds: this.runtime.config.SESSION_ABSOLUTE_TTL_SECONDS,
      idleTimeoutSeconds: this.runtime.config.SESSION_IDLE_TIMEOUT_SECONDS,
    };
  }

  private users() {
    return this.runtime.dataSource.getRepository(User);
  }

  /** Creates an account and signs it in. */
  async register(input: RegisterInput, client: ClientInfo): Promise<SignedIn> {
    const email = parseEmail(input.email);
    const displayName = parseDisplayName(input.displayName);
    const timeZone = parseTimeZone(input.timeZone);
    assertStrongPassword(input.password, [email, displayName]);
    const passwordHash = await hashPassword(input.password);
    const inserted = (await this.runtime.dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, passwordHash, displayName, timeZone],
    )) as { id: string }[];
    const id = inserted[0]?.id;
    if (!id) throw authError(AuthErrorCode.EMAIL_TAKEN);
    await this.audit.record({ action: 'register', outcome: 'success', actorId: id, client });
    return this.startSession(await this.users().findOneByOrFail({ id }), client, 'aal1');
  }

  /** Signs in with email and password. Unknown email and wrong password look exactly alike. */
  async login(rawEmail: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const email = normaliseEmail(rawEmail);
    const row = await this.users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(row?.passwordHash, password.slice(0, 1024));
    if (!row || !ok || row.disabledAt) {
      await this.audit.record({
        action: 'login',
        outcome: 'failure',
        subjectId: row?.id ?? null,
        client,
        details: { reason: !row ? 'unknown_email' : row.disabledAt ? 'disabled' : 'bad_password' },
      });
      throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    if (needsRehash(row.passwordHash)) {
      await this.runtime.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        row.id,
        await hashPassword(password),
      ]);
    }
    await this.audit.record({ action: 'login', outcome: 'success', actorId: row.id, client });
    return this.startSession(row, client, 'aal1');
  }

  /** A new session (evicting the oldest beyond the limit), its refresh-token family and an access token. */
  async startSession(user: User, client: ClientInfo, aal: 'aal1' | 'aal2'): Promise<SignedIn> {
    const now = this.now();
    const session: Session = {
      id: randomBytes(16).toString('base64url'),
      userId: user.id,
      device: describeDevice(client.userAgent),
      ip: client.ip ?? null,
      createdAt: now,
      lastSeenAt: now,
      aal,
      authenticatedAt: now,
    };
    await this.sessions.create(session, this.limits);
    const live = await this.sessions.list(user.id, now);
    const excess = live.length - this.runtime.config.SESSION_MAX_PER_USER;
    for (const old of live.filter((s) => s.id !== session.id).slice(0, Math.max(0, excess))) {
      await this.endSession(old.id, old.userId);
      await this.audit.record({
        action: 'session_evicted',
        outcome: 'success',
        subjectId: user.id,
        client,
        details: { sessionId: old.id },
      });
    }
    const refreshTokenExpiresAt = new Date(now + this.limits.absoluteTtlSeconds * 1000);
    const refreshToken = await this.refreshTokens.issue(user.id, session.id, refreshTokenExpiresAt);
    const access = await issueAccessToken(
      this.runtime.config,
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
    };
  }

  /** Rotates a refresh token; reuse after the grace window ends the whole family and its session. */
  async refresh(token: string, client: ClientInfo): Promise<SignedIn> {
    const now = this.now();
    const result = await this.refreshTokens.rotate(token, new Date(now));
    if (result.kind === 'invalid') throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    if (result.kind === 'reused') {
      await this.endSession(result.sessionId, result.userId);
      await this.audit.record({
        action: 'refresh_token_reuse',
        outcome: 'denied',
        subjectId: result.userId,
        client,
        details: { sessionId: result.sessionId, familyId: result.familyId },
      });
      throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
    const session = await this.sessions.get(result.sessionId, now);
    const user = await this.users().findOneBy({ id: result.userId });
    if (!session || !user || user.disabledAt) {
      await this.refreshTokens.revokeSession(result.sessionId);
      throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
    await this.sessions.touch(session.id, now, this.limits);
    const access = await issueAccessToken(
      this.runtime.config,
      { userId: user.id, sessionId: session.id, aal: session.aal, authenticatedAt: session.authenticatedAt },
      now,
    );
    return {
      user,
      sessionId: session.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: result.token,
      refreshTokenExpiresAt: new Date(session.createdAt + this.limits.absoluteTtlSeconds * 1000),
    };
  }

  /**
   * Checks a bearer token and that its session is still alive (so a revoked session fails at once).
   * A Redis outage fails closed with SERVICE_UNAVAILABLE.
   */
  async authenticate(token: string): Promise<AuthContext> {
    const auth = await verifyAccessToken(this.runtime.config, token, this.now());
    let session: Session | undefined;
    try {
      session = await this.sessions.get(auth.sessionId, this.now());
    } catch (err) {
      if (isDependencyOutage(err))
        throw coreError(CoreErrorCode.SERVICE_UNAVAILABLE, undefined, { cause: err });
      throw err;
    }
    if (!session || session.userId !== auth.userId) throw authError(AuthErrorCode.UNAUTHENTICATED);
    const now = this.now();
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) await this.sessions.touch(session.id, now, this.limits);
    // The session is the source of truth for assurance: a step-up there applies at once.
    return { ...auth, aal: session.aal, authenticatedAt: session.authenticatedAt };
  }

  /** Ends one session: its tokens are revoked and its sockets closed (through pub/sub, on every instance). */
  async endSession(sessionId: string, userId: string): Promise<void> {
    await this.sessions.delete(sessionId);
    await this.refreshTokens.revokeSession(sessionId);
    this.runtime.pubSub.publish('sessionRevoked', { sessionId, userId });
  }

  async logout(auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.endSession(auth.sessionId, auth.userId);
    await this.audit.record({
      action: 'logout',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { sessionId: auth.sessionId },
    });
  }

  /** Ends every session of the user (optionally keeping the current one). */
  async logoutAll(auth: AuthContext, client: ClientInfo, keepCurrent = false): Promise<number> {
    const sessions = await this.sessions.list(auth.userId, this.now());
    let ended = 0;
    for (const s of sessions) {
      if (keepCurrent && s.id === auth.sessionId) continue;
      await this.endSession(s.id, auth.userId);
      ended += 1;
    }
    await this.refreshTokens.revokeUser(auth.userId, keepCurrent ? auth.sessionId : undefined);
    await this.audit.record({
      action: 'logout_all',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { ended },
    });
    return ended;
  }

  async listSessions(auth: AuthContext): Promise<Session[]> {
    return this.sessions.list(auth.userId, this.now());
  }

  /** Revokes one of the caller's sessions. Another user's session id is simply "not found". */
  async revokeSession(auth: AuthContext, sessionId: string, client: ClientInfo): Promise<void> {
    const session = await this.sessions.get(sessionId, this.now());
    if (!session || session.userId !== auth.userId) throw authError(AuthErrorCode.SESSION_NOT_FOUND);
    await this.endSession(sessionId, auth.userId);
    await this.audit.record({
      action: 'session_revoked',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { sessionId },
    });
  }

  /** Proves the person is still there (password): sensitive changes are allowed for a few minutes. */
  async reauthenticate(auth: AuthContext, password: string, client: ClientInfo): Promise<void> {
    const ok = await this.checkPassword(auth.userId, password);
    await this.audit.record({
      action: 'reauthenticate',
      outcome: ok ? 'success' : 'failure',
      actorId: auth.userId,
      client,
    });
    if (!ok) throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    await this.sessions.update(auth.sessionId, { authenticatedAt: this.now() });
  }

  /** Refuses a sensitive change unless the caller proved who they are within REAUTH_WINDOW_SECONDS. */
  assertRecentAuth(auth: AuthContext): void {
    if (this.now() - auth.authenticatedAt > this.runtime.config.REAUTH_WINDOW_SECONDS * 1000) {
      throw authError(AuthErrorCode.REAUTHENTICATION_REQUIRED);
    }
  }

  /** Changes the password (the current one is the re-authentication) and ends every other session. */
  async changePassword(
    auth: AuthContext,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<number> {
    if (!(await this.checkPassword(auth.userId, currentPassword))) {
      await this.audit.record({
        action: 'password_change',
        outcome: 'failure',
        actorId: auth.userId,
        client,
      });
      throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    const user = await this.me(auth);
    assertStrongPassword(newPassword, [user.email, user.displayName]);
    await this.runtime.dataSource.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [auth.userId, await hashPassword(newPassword)],
    );
    const ended = await this.logoutAll(auth, client, true);
    await this.sessions.update(auth.sessionId, { authenticatedAt: this.now() });
    await this.audit.record({
      action: 'password_change',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { otherSessionsEnded: ended },
    });
    return ended;
  }

  private async checkPassword(userId: string, password: string): Promise<boolean> {
    const row = await this.users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOne();
    return verifyPassword(row?.passwordHash, password.slice(0, 1024));
  }

  async me(auth: AuthContext): Promise<User> {
    const user = await this.users().findOneBy({ id: auth.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.UNAUTHENTICATED);
    return user;
  }
}

/** A short, human label for a session ("Chrome on Linux"), from the user agent. */
export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : undefined;
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  if (browser && os) return `${browser} on ${os}`;
  return (browser ?? os ?? userAgent.slice(0, 40)).trim();
}
