import type { DataSource, EntityManager } from 'typeorm';
import {
  ROLES,
  isRole,
  limitsOf,
  permissionsOf,
  type Permission,
  type Role,
  type RoleLimits,
} from '@pa/shared-domain';
import type { Redis } from 'ioredis';
import type { GraphQLContext, Logger, PubSub } from '@pa/server-core';
import './access.topics';

/** What a signed-in person may do right now, read fresh for every request. */
export interface Access {
  userId: string;
  role: Role;
  disabled: boolean;
  permissions: ReadonlySet<Permission>;
  limits: RoleLimits;
}

// Keys under the runtime's prefix. The version outlives the cached answer, so it never resets under one.
const versionKey = (userId: string) => `access-version:${userId}`;
const accessKey = (userId: string) => `access:${userId}`;
const CACHE_SECONDS = 300;
// A subscription re-reads access at least this often even without an announcement (one lost while
// Redis was away, or a write made behind the services' back): the bound on a missed change.
const RECHECK_MS = 30_000;

function parseCached(
  raw: string | null | undefined,
): { v: string; role: Role; disabled: boolean } | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(raw) as { v?: unknown; role?: unknown; disabled?: unknown };
    return typeof c.v === 'string' && isRole(c.role) && typeof c.disabled === 'boolean'
      ? { v: c.v, role: c.role, disabled: c.disabled }
      : undefined;
  } catch {
    return undefined;
  }
}

interface MemoEntry {
  userId: string;
  version: number;
  readAt: number;
  access: Promise<Access | undefined>;
  /** Set once the read has finished. */
  value?: Access | undefined;
}

/**
 * Roles and permissions. The effective permissions of each role come from PostgreSQL (seeded from
 * the shared matrix, inheritance resolved by a recursive query); a person's role is read per
 * request, never baked into a token, so a change applies to their very next request. Subscriptions
 * keep one context for their whole life: an `accessChanged` event (from any instance) makes the next
 * event re-read the role.
 */
export class AccessService {
  private matrix: Promise<Map<Role, ReadonlySet<Permission>>> | undefined;
  private readonly versions = new Map<string, number>();
  private readonly memo = new WeakMap<object, MemoEntry>();
  private listener: AsyncIterator<unknown> | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly pubSub: PubSub,
    private readonly logger: Logger,
    private readonly redis?: Redis,
  ) {}

  /** Listens for role changes made on other instances. */
  start(): void {
    if (this.listener) return;
    const events = this.pubSub.subscribe('accessChanged');
    this.listener = events[Symbol.asyncIterator]();
    const iterator = this.listener;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        this.bump((next.value as { userId: string }).userId);
      }
    })().catch((err: unknown) => this.logger.error({ err }, 'access change listener stopped'));
  }

  async stop(): Promise<void> {
    await this.listener?.return?.();
    this.listener = undefined;
  }

  /** The effective permissions per role, as stored (inheritance resolved). */
  rolePermissions(): Promise<Map<Role, ReadonlySet<Permission>>> {
    this.matrix ??= this.loadMatrix().catch((err: unknown) => {
      this.matrix = undefined;
      throw err;
    });
    return this.matrix;
  }

  private async loadMatrix(): Promise<Map<Role, ReadonlySet<Permission>>> {
    const rows = (await this.ds.query(`
      WITH RECURSIVE lineage(role, ancestor) AS (
        SELECT name, name FROM roles
        UNION ALL
        SELECT l.role, r.parent FROM lineage l JOIN roles r ON r.name = l.ancestor WHERE r.parent IS NOT NULL
      )
      SELECT l.role, rp.permission FROM lineage l JOIN role_permissions rp ON rp.role = l.ancestor`)) as {
      role: string;
      permission: Permission;
    }[];
    const map = new Map<Role, Set<Permission>>(ROLES.map((r) => [r, new Set()]));
    for (const row of rows) if (isRole(row.role)) map.get(row.role)?.add(row.permission);
    // The stored matrix and the one the web reads must agree; a difference means a missing migration.
    for (const role of ROLES) {
      const stored = [...(map.get(role) ?? [])].sort().join(',');
      const shared = [...permissionsOf(role)].sort().join(',');
      if (stored !== shared)
        this.logger.error({ role }, 'role permissions in the database differ from the shared matrix');
    }
    return map;
  }

  /**
   * Reads a person's current role and status (undefined: no such account). With Redis, the answer is
   * cached under a per-person version that every change increments (after its commit): a cached
   * answer is used only while its version is still the current one, so a change applies to the very
   * next request without a PostgreSQL read on every other one.
   */
  async load(userId: string): Promise<Access | undefined> {
    const redis = this.redis;
    let version = '0';
    if (redis) {
      const [current, cached] = await redis.mget(versionKey(userId), accessKey(userId));
      version = current ?? '0';
      const hit = parseCached(cached);
      if (hit && hit.v === version) return this.build(userId, hit.role, hit.disabled);
    }
    const rows = (await this.ds.query(
      `SELECT u.disabled_at IS NOT NULL AS disabled, COALESCE(ur.role, 'user') AS role
         FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as { disabled: boolean; role: string }[];
    const row = rows[0];
    if (!row) return undefined;
    const role: Role = isRole(row.role) ? row.role : 'user';
    // Tagged with the version read before PostgreSQL: a change committed meanwhile makes it stale.
    if (redis)
      await redis.set(
        accessKey(userId),
        JSON.stringify({ v: version, role, disabled: row.disabled }),
        'EX',
        CACHE_SECONDS,
      );
    return this.build(userId, role, row.disabled);
  }

  private async build(userId: string, role: Role, disabled: boolean): Promise<Access> {
    const matrix = await this.rolePermissions();
    return { userId, role, disabled, permissions: matrix.get(role) ?? new Set(), limits: limitsOf(role) };
  }

  /** The caller's access, read once per request (and again in a subscription after a change). */
  of(ctx: GraphQLContext): Promise<Access | undefined> {
    const userId = ctx.auth?.userId;
    if (!userId) return Promise.resolve(undefined);
    const version = this.versions.get(userId) ?? 0;
    const hit = this.memo.get(ctx);
    const now = Date.now();
    if (hit && hit.userId === userId && hit.version === version && now - hit.readAt < RECHECK_MS)
      return hit.access;
    const access = this.load(userId);
    const entry: MemoEntry = { userId, version, readAt: now, access };
    // A failed read is not remembered: the next check tries again.
    access.then(
      (value) => {
        entry.value = value;
      },
      () => this.memo.delete(ctx),
    );
    this.memo.set(ctx, entry);
    return access;
  }

  /**
   * The caller's access if this request already read it (and nothing changed since), without
   * waiting; undefined otherwise. Lets the rules decide the other 99 rows of a list synchronously.
   */
  peek(ctx: GraphQLContext): Access | undefined {
    const userId = ctx.auth?.userId;
    const hit = userId ? this.memo.get(ctx) : undefined;
    if (
      !userId ||
      !hit ||
      hit.userId !== userId ||
      hit.version !== (this.versions.get(userId) ?? 0) ||
      Date.now() - hit.readAt >= RECHECK_MS
    )
      return undefined;
    return hit.value;
  }

  /** Whether an access holds a permission; a grant on `any` covers the same action on `own`. */
  static allows(access: Access | undefined, permission: Permission): boolean {
    if (!access || access.disabled) return false;
    if (access.permissions.has(permission)) return true;
    return (
      permission.endsWith(':own') &&
      access.permissions.has(`${permission.slice(0, -':own'.length)}:any` as Permission)
    );
  }

  /** Sets a person's role inside the caller's transaction; call `changed` after it commits. */
  async assignRole(m: EntityManager, userId: string, role: Role, grantedBy: string | null): Promise<void> {
    await m.query(
      `INSERT INTO user_roles (user_id, role, granted_by) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, granted_by = EXCLUDED.granted_by, granted_at = now()`,
      [userId, role, grantedBy],
    );
  }

  /**
   * Gives the account with this email a role on an operator's behalf (`db-cli set-role`), audited in
   * the same transaction and announced like any other change. Returns the account's id, or undefined.
   */
  async assignRoleByEmail(email: string, role: Role, by: string): Promise<string | undefined> {
    const userId = await this.ds.transaction(async (m) => {
      const rows = (await m.query(`SELECT id FROM users WHERE email = $1 FOR UPDATE`, [email])) as {
        id: string;
      }[];
      const id = rows[0]?.id;
      if (!id) return undefined;
      await this.assignRole(m, id, role, null);
      await m.query(
        `INSERT INTO audit_log (subject_id, action, outcome, resource_type, resource_id, details)
         VALUES ($1::uuid, 'role_change', 'success', 'user', $1::uuid::text, $2)`,
        [id, JSON.stringify({ to: role, by })],
      );
      return id;
    });
    if (userId) await this.changed(userId);
    return userId;
  }

  /** Drops what Redis holds about a deleted account (its cached access and version). */
  async forget(userId: string): Promise<void> {
    if (this.redis) await this.redis.del(versionKey(userId), accessKey(userId));
  }

  /**
   * Tells every instance that a person's access changed (role, disabled), after the change committed:
   * their next request and their subscriptions' next events re-read it.
   */
  async changed(userId: string): Promise<void> {
    // The version outlives any answer cached under the old one (CACHE_SECONDS), then may go.
    // The change is committed: failing to stamp it must not fail the request that made it (cached
    // answers then expire within CACHE_SECONDS).
    if (this.redis)
      await this.redis
        .multi()
        .incr(versionKey(userId))
        .expire(versionKey(userId), 86_400)
        .exec()
        .catch((err: unknown) => this.logger.error({ err, userId }, 'access change not stamped in Redis'));
    this.bump(userId);
    this.pubSub.publish('accessChanged', { userId });
  }

  private bump(userId: string): void {
    this.versions.set(userId, (this.versions.get(userId) ?? 0) + 1);
  }
}
