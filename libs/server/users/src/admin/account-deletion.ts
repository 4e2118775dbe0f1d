import type { DataSource, EntityManager } from 'typeorm';
import type { AuthService } from '@pa/server-auth';
import type { AccessService } from '@pa/server-rbac';
import type { Logger } from '@pa/server-core';

/**
 * Deleting an account, the one way it is done: by an administrator now, by the person themself
 * (GDPR erasure) later. Everything stored with a `user_id` goes with the users row (ON DELETE
 * CASCADE); what lives outside PostgreSQL (sessions, queued jobs, phone numbers) is cleaned up by
 * the `after` hooks features register, once the deletion is committed.
 */
export class AccountDeletion {
  /** Run inside the deleting transaction, before the row goes (e.g. to lock or archive). */
  readonly before: ((m: EntityManager, userId: string) => Promise<void>)[] = [];
  /** Run after the commit; a failure is logged and does not undo the deletion. */
  readonly after: ((userId: string) => Promise<void>)[] = [];

  constructor(
    private readonly ds: DataSource,
    auth: AuthService,
    private readonly access: AccessService,
    private readonly logger: Logger,
  ) {
    // Any session left would fail its next check; ending them closes open sockets now.
    this.after.push(async (userId) => {
      await auth.endAllSessions(userId);
    });
  }

  /**
   * Deletes `userId` inside `inTransaction` (which may check or lock first), then runs the clean-up.
   * Returns false when there was no such account.
   */
  async delete(
    userId: string,
    inTransaction: (m: EntityManager) => Promise<void> = async () => undefined,
  ): Promise<boolean> {
    const deleted = await this.ds.transaction(async (m) => {
      await inTransaction(m);
      for (const hook of this.before) await hook(m, userId);
      const rows = (await m.query(`DELETE FROM users WHERE id = $1 RETURNING id`, [userId])) as unknown[];
      return rows.length > 0;
    });
    if (!deleted) return false;
    await this.access.changed(userId);
    for (const hook of this.after) {
      await hook(userId).catch((err: unknown) =>
        this.logger.error({ err, userId }, 'clean-up after an account deletion failed'),
      );
    }
    return true;
  }
}
