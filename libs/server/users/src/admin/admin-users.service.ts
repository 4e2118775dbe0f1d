import type { DataSource, EntityManager } from 'typeorm';
import {
  cursorTime,
  isTimeIdKey,
  isUuid,
  pageRequest,
  toPage,
  type ClientInfo,
  type Page,
} from '@pa/server-core';
import type { AccountDeletion } from './account-deletion';
import { User, type AuditService, type AuthService } from '@pa/server-auth';
import type { AccessService } from '@pa/server-rbac';
import { DISABLE_REASON_MAX, isRole, type Role } from '@pa/shared-domain';
import { UsersErrorCode, usersError, validationFailed } from '../users.errors';
import { UserStatusEnum } from '../users.enums';
import type { UsersArgs } from './admin-users.types';

/** What an administrator does to an account is always about someone: who, acting on whom. */
export interface Actor {
  userId: string;
  client: ClientInfo;
}

/** Administrators' view of accounts: list, look up, change role, turn off and on, delete. */
export class AdminUsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly deletion: AccountDeletion,
  ) {}

  /** People, newest first, filtered by search text, role and status. */
  async list(args: UsersArgs): Promise<Page<User>> {
    const req = pageRequest(args, isTimeIdKey);
    const f = args.filter ?? {};
    const qb = this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin('user_roles', 'ur', 'ur.user_id = u.id');
    const search = f.search?.trim();
    if (search) {
      if (search.length > 100) throw validationFailed({ search: 'Search with at most 100 characters.' });
      const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.email LIKE :like OR lower(u.display_name) LIKE :like)', { like });
    }
    if (f.role) qb.andWhere(`COALESCE(ur.role, 'user') = :role`, { role: f.role });
    if (f.status === UserStatusEnum.ACTIVE) qb.andWhere('u.disabled_at IS NULL');
    if (f.status === UserStatusEnum.DISABLED) qb.andWhere('u.disabled_at IS NOT NULL');
    const forward = req.direction === 'forward';
    if (req.after) {
      // The cursor holds the creation time to the microsecond, as stored: a JS Date (milliseconds)
      // would make the row the cursor points at compare as "after" itself.
      qb.andWhere(
        forward
          ? '(u.created_at, u.id) < (:at::timestamptz, :id)'
          : '(u.created_at, u.id) > (:at::timestamptz, :id)',
        { at: req.after[0], id: req.after[1] },
      );
    }
    const dir = forward ? 'DESC' : 'ASC';
    const { raw, entities } = await qb
      .addSelect(cursorTime('u.created_at'), 'cursor_at')
      .orderBy('u.created_at', dir)
      .addOrderBy('u.id', dir)
      .limit(req.limit + 1)
      .getRawAndEntities<{ cursor_at: string }>();
    const cursorAt = new Map(entities.map((u, i) => [u.id, raw[i]?.cursor_at ?? u.createdAt.toISOString()]));
    return toPage(entities, req, (u) => [cursorAt.get(u.id) ?? '', u.id] as [string, string]);
  }

  /** One account, or USER_NOT_FOUND. */
  async get(userId: string): Promise<User> {
    const user = isUuid(userId) ? await this.ds.getRepository(User).findOneBy({ id: userId }) : null;
    if (!user) throw usersError(UsersErrorCode.USER_NOT_FOUND);
    return user;
  }

  /** Gives someone a role; their next request (and open subscriptions) use it. */
  async setRole(actor: Actor, userId: string, role: Role): Promise<User> {
    if (!isRole(role)) throw validationFailed({ role: 'Pick a role from the list.' });
    if (userId === actor.userId) throw usersError(UsersErrorCode.OWN_ACCOUNT);
    const from = await this.ds.transaction(async (m) => {
      const current = await this.lockTarget(m, userId);
      if (current.role === 'administrator' && role !== 'administrator')
        await this.assertAnotherAdmin(m, userId);
      await this.access.assignRole(m, userId, role, actor.userId);
      return current.role;
    });
    await this.access.changed(userId);
    await this.audit.record({
      action: 'role_change',
      outcome: 'success',
      actorId: actor.userId,
      subjectId: userId,
      client: actor.client,
      resourceType: 'user',
      resourceId: userId,
      details: { from, to: role },
    });
    return this.get(userId);
  }

  /** Turns an account off: it cannot sign in, every session ends and its sockets close. */
  async disable(actor: Actor, userId: string, reason: string | null | undefined): Promise<User> {
    const why = reason?.trim() || null;
    if (why && why.length > DISABLE_REASON_MAX)
      throw validationFailed({ reason: `Use at most ${DISABLE_REASON_MAX} characters.` });
    if (userId === actor.userId) throw usersError(UsersErrorCode.OWN_ACCOUNT);
    await this.ds.transaction(async (m) => {
      const current = await this.lockTarget(m, userId);
      if (current.role === 'administrator' && !current.disabled) await this.assertAnotherAdmin(m, userId);
      await m.query(
        `UPDATE users SET disabled_at = COALESCE(disabled_at, now()), disabled_by = $2, disabled_reason = $3,
                updated_at = now() WHERE id = $1`,
        [userId, actor.userId, why],
      );
    });
    await this.access.changed(userId);
    const ended = await this.auth.endAllSessions(userId);
    await this.audit.record({
      action: 'user_disable',
      outcome: 'success',
      actorId: actor.userId,
      subjectId: userId,
      client: actor.client,
      resourceType: 'user',
      resourceId: userId,
      details: { reason: why, sessionsEnded: ended },
    });
    return this.get(userId);
  }

  /** Turns an account back on (the person signs in again). */
  async enable(actor: Actor, userId: string): Promise<User> {
    await this.ds.transaction(async (m) => {
      await this.lockTarget(m, userId);
      await m.query(
        `UPDATE users SET disabled_at = NULL, disabled_by = NULL, disabled_reason = NULL, updated_at = now() WHERE id = $1`,
        [userId],
      );
    });
    await this.access.changed(userId);
    await this.audit.record({
      action: 'user_enable',
      outcome: 'success',
      actorId: actor.userId,
      subjectId: userId,
      client: actor.client,
      resourceType: 'user',
      resourceId: userId,
    });
    return this.get(userId);
  }

  /**
   * Deletes an account and everything it owns (every table holding `user_id` cascades), then ends
   * its sessions. The audit trail keeps the entry, with the id in `resourceId`.
   */
  async delete(actor: Actor, userId: string): Promise<void> {
    if (userId === actor.userId) throw usersError(UsersErrorCode.OWN_ACCOUNT);
    await this.deletion.delete(userId, async (m) => {
      const current = await this.lockTarget(m, userId);
      if (current.role === 'administrator' && !current.disabled) await this.assertAnotherAdmin(m, userId);
    });
    await this.audit.record({
      action: 'user_delete',
      outcome: 'success',
      actorId: actor.userId,
      client: actor.client,
      resourceType: 'user',
      resourceId: userId,
    });
  }

  /** Locks the target row for the transaction; unknown ids are USER_NOT_FOUND. */
  private async lockTarget(m: EntityManager, userId: string): Promise<{ role: Role; disabled: boolean }> {
    const rows = isUuid(userId)
      ? ((await m.query(
          `SELECT COALESCE(ur.role, 'user') AS role, u.disabled_at IS NOT NULL AS disabled
             FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1 FOR UPDATE OF u`,
          [userId],
        )) as { role: string; disabled: boolean }[])
      : [];
    const row = rows[0];
    if (!row) throw usersError(UsersErrorCode.USER_NOT_FOUND);
    return { role: isRole(row.role) ? row.role : 'user', disabled: row.disabled };
  }

  /** An installation always keeps one active administrator (serialised by locking the admins' rows). */
  private async assertAnotherAdmin(m: EntityManager, leaving: string): Promise<void> {
    const rows = (await m.query(
      `SELECT u.id FROM user_roles ur JOIN users u ON u.id = ur.user_id
        WHERE ur.role = 'administrator' AND u.disabled_at IS NULL AND u.id <> $1 FOR UPDATE OF u`,
      [leaving],
    )) as unknown[];
    if (rows.length === 0) throw usersError(UsersErrorCode.LAST_ADMINISTRATOR);
  }
}
