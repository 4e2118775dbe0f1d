import type { Redis } from 'ioredis';

/** A signed-in device. Stored in Redis (or in memory in the single-process default). */
export interface Session {
  id: string;
  userId: string;
  device: string;
  ip: string | null;
  createdAt: number;
  lastSeenAt: number;
  aal: 'aal1' | 'aal2';
  /** Last time the person proved who they are (password or second factor), epoch ms. */
  authenticatedAt: number;
  /** Set when the account has a second factor: the session is only usable once aal2 is reached... */
  requiredAal?: 'aal2';
  /** ...before this deadline (epoch ms); the challenge is short-lived. */
  mfaDeadline?: number;
}

export interface SessionLimits {
  absoluteTtlSeconds: number;
  idleTimeoutSeconds: number;
}

/** Where sessions live. Every read that finds no session means: revoked, expired or idle. */
export interface SessionStore {
  create(session: Session, limits: SessionLimits): Promise<void>;
  get(id: string, now?: number): Promise<Session | undefined>;
  /** Marks activity (extends the idle deadline, never the absolute one). */
  touch(id: string, now: number, limits: SessionLimits): Promise<void>;
  update(id: string, patch: Partial<Pick<Session, 'aal' | 'authenticatedAt' | 'mfaDeadline'>>): Promise<void>;
  /** The user's live sessions, oldest first. */
  list(userId: string, now?: number): Promise<Session[]>;
  delete(id: string): Promise<Session | undefined>;
}

function ttlSeconds(session: Session, now: number, limits: SessionLimits): number {
  const absoluteLeft = session.createdAt + limits.absoluteTtlSeconds * 1000 - now;
  return Math.max(1, Math.ceil(Math.min(absoluteLeft, limits.idleTimeoutSeconds * 1000) / 1000));
}

const sessionKey = (id: string) => `session:${id}`;
const userKey = (userId: string) => `user-sessions:${userId}`;

/** Redis: one JSON value per session with a TTL (idle or absolute, whichever is sooner) + a per-user set. */
export class RedisSessionStore implements SessionStore {
  constructor(private readonly redis: Redis) {}

  async create(session: Session, limits: SessionLimits): Promise<void> {
    const ttl = ttlSeconds(session, session.createdAt, limits);
    await this.redis
      .multi()
      .set(sessionKey(session.id), JSON.stringify(session), 'EX', ttl)
      .zadd(userKey(session.userId), session.createdAt, session.id)
      .expire(userKey(session.userId), limits.absoluteTtlSeconds)
      .exec();
  }

  async get(id: string): Promise<Session | undefined> {
    const raw = await this.redis.get(sessionKey(id));
    return raw ? (JSON.parse(raw) as Session) : undefined;
  }

  async touch(id: string, now: number, limits: SessionLimits): Promise<void> {
    const session = await this.get(id);
    if (!session) return;
    session.lastSeenAt = now;
    // XX: never resurrect a session deleted in between.
    await this.redis.set(
      sessionKey(id),
      JSON.stringify(session),
      'EX',
      ttlSeconds(session, now, limits),
      'XX',
    );
  }

  async update(
    id: string,
    patch: Partial<Pick<Session, 'aal' | 'authenticatedAt' | 'mfaDeadline'>>,
  ): Promise<void> {
    const session = await this.get(id);
    if (!session) return;
    await this.redis.set(sessionKey(id), JSON.stringify({ ...session, ...patch }), 'KEEPTTL', 'XX');
  }

  async list(userId: string): Promise<Session[]> {
    const ids = await this.redis.zrange(userKey(userId), 0, -1);
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map(sessionKey));
    const gone = ids.filter((_, i) => !raws[i]);
    if (gone.length > 0) await this.redis.zrem(userKey(userId), ...gone);
    return raws.filter((r): r is string => !!r).map((r) => JSON.parse(r) as Session);
  }

  async delete(id: string): Promise<Session | undefined> {
    const session = await this.get(id);
    const multi = this.redis.multi().del(sessionKey(id));
    if (session) multi.zrem(userKey(session.userId), id);
    await multi.exec();
    return session;
  }
}

/** In-process sessions for the single-process embedded default (no Redis): same semantics. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, { session: Session; expiresAt: number }>();

  private live(id: string, now: number) {
    const entry = this.sessions.get(id);
    if (entry && entry.expiresAt <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return entry;
  }

  async create(session: Session, limits: SessionLimits): Promise<void> {
    this.sessions.set(session.id, {
      session: { ...session },
      expiresAt: session.createdAt + ttlSeconds(session, session.createdAt, limits) * 1000,
    });
  }

  async get(id: string, now = Date.now()): Promise<Session | undefined> {
    const entry = this.live(id, now);
    return entry ? { ...entry.session } : undefined;
  }

  async touch(id: string, now: number, limits: SessionLimits): Promise<void> {
    const entry = this.live(id, now);
    if (!entry) return;
    entry.session.lastSeenAt = now;
    entry.expiresAt = now + ttlSeconds(entry.session, now, limits) * 1000;
  }

  async update(
    id: string,
    patch: Partial<Pick<Session, 'aal' | 'authenticatedAt' | 'mfaDeadline'>>,
  ): Promise<void> {
    const entry = this.sessions.get(id);
    if (entry) Object.assign(entry.session, patch);
  }

  async list(userId: string, now = Date.now()): Promise<Session[]> {
    return [...this.sessions.keys()]
      .map((id) => this.live(id, now)?.session)
      .filter((s): s is Session => !!s && s.userId === userId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((s) => ({ ...s }));
  }

  async delete(id: string): Promise<Session | undefined> {
    const entry = this.sessions.get(id);
    this.sessions.delete(id);
    return entry?.session;
  }
}
