import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthContext, ClientInfo, Logger } from '@pa/server-core';
import type { AuditService, AuthService, MfaMethod } from '@pa/server-auth';
import type { JobQueue, JobWorkers } from '@pa/server-jobs';
import { ERASURE_GRACE_DAYS } from '@pa/shared-domain';
import type { AccountDeletion } from '../admin/account-deletion';
import { UsersErrorCode, usersError } from '../users.errors';
import type { AccountDeletionRequest } from './erasure.types';
import { erasureScheduledMessage } from './privacy-emails';
import './erasure.jobs';

const DAY_MS = 86_400_000;

interface RequestRow {
  requested_at: Date;
  due_at: Date;
}

/**
 * A person erasing their own account (GDPR art. 17): asked with their password (and second step),
 * carried out by the worker after ERASURE_GRACE_DAYS; cancelling or signing in before stops it.
 */
export class AccountErasureService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly webUrl: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Schedules the erasure (asking again keeps the first date), emails the person, queues the job. */
  async request(
    auth: AuthContext,
    proof: { password: string; mfaMethod?: MfaMethod | null; mfaCode?: string | null },
    client: ClientInfo,
  ): Promise<AccountDeletionRequest> {
    const second =
      proof.mfaMethod && proof.mfaCode ? { method: proof.mfaMethod, code: proof.mfaCode } : undefined;
    await this.auth.confirmIdentity(auth, proof.password, second, client);
    const dueAt = new Date(this.now() + ERASURE_GRACE_DAYS * DAY_MS);
    const row = await this.ds.transaction(async (m) => {
      await assertNotLastAdministrator(m, auth.userId);
      const rows = (await m.query(
        `INSERT INTO account_deletion_requests (user_id, requested_at, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id
         RETURNING requested_at, due_at`,
        [auth.userId, new Date(this.now()), dueAt],
      )) as RequestRow[];
      return rows[0];
    });
    if (!row) throw new Error('deletion request not stored');
    await this.audit.record({
      action: 'erasure_request',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { dueAt: row.due_at.toISOString() },
    });
    // The request is stored: the worker's sweep erases it even when this enqueue or email is lost.
    await this.queueErasure(row.due_at).catch((err: unknown) =>
      this.logger.error({ err, userId: auth.userId }, 'erasure job not queued (the sweep will)'),
    );
    const user = await this.auth.me(auth);
    const mail = erasureScheduledMessage(user.displayName, row.due_at, `${this.webUrl}/settings`);
    await this.jobs
      .enqueue('email.send', {
        to: user.email,
        ...mail,
        // No id in clear: the idempotency key outlives the account in the job store.
        idempotencyKey: `erasure-${createHash('sha256').update(`${auth.userId}:${row.requested_at.getTime()}`).digest('base64url').slice(0, 22)}`,
      })
      .catch((err: unknown) => this.logger.error({ err }, 'erasure email not queued'));
    return { requestedAt: row.requested_at, dueAt: row.due_at };
  }

  /** Stops a pending erasure; false when none was pending. */
  async cancel(userId: string, client: ClientInfo | undefined, how: 'cancel' | 'sign_in'): Promise<boolean> {
    const rows = (await this.ds.query(
      `DELETE FROM account_deletion_requests WHERE user_id = $1 RETURNING user_id`,
      [userId],
    )) as unknown[];
    // DELETE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const gone = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
    if (gone === 0) return false;
    await this.audit.record({
      action: 'erasure_cancel',
      outcome: 'success',
      actorId: userId,
      ...(client ? { client } : {}),
      details: { how },
    });
    return true;
  }

  /** The pending erasure, if any. */
  async status(userId: string): Promise<AccountDeletionRequest | null> {
    const rows = (await this.ds.query(
      `SELECT requested_at, due_at FROM account_deletion_requests WHERE user_id = $1`,
      [userId],
    )) as RequestRow[];
    const row = rows[0];
    return row ? { requestedAt: row.requested_at, dueAt: row.due_at } : null;
  }

  private async queueErasure(dueAt: Date): Promise<void> {
    await this.jobs.enqueue(
      'account.erase',
      { dueAt: dueAt.toISOString() },
      { jobId: `erase-${dueAt.getTime()}`, delayMs: Math.max(0, dueAt.getTime() - this.now()) },
    );
  }
}

/** Carries out erasures whose grace period is over (the worker's `account.erase` job and sweep). */
export class AccountEraser {
  constructor(
    private readonly ds: DataSource,
    private readonly deletion: AccountDeletion,
    private readonly audit: AuditService,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Erases the account if its request is still there and due (idempotent: a cancelled, not yet due or
   * already erased one is left alone). True when it erased.
   */
  async eraseIfDue(userId: string): Promise<boolean> {
    let due = false;
    const erased = await this.deletion
      .delete(userId, async (m) => {
        const rows = (await m.query(
          `SELECT 1 FROM account_deletion_requests WHERE user_id = $1 AND due_at <= $2 FOR UPDATE`,
          [userId, new Date(this.now())],
        )) as unknown[];
        due = rows.length > 0;
        if (!due) throw new NotDue();
        await assertNotLastAdministrator(m, userId);
      })
      .catch((err: unknown) => {
        if (err instanceof NotDue) return false;
        throw err;
      });
    if (!erased || !due) return false;
    // Nothing that points at the person: what happened and when, for the record.
    await this.audit.record({ action: 'erasure_done', outcome: 'success', details: { by: 'person' } });
    this.logger.info("an account was erased at its owner's request");
    return true;
  }

  /** Erases every due account (a bounded batch); returns how many went. */
  async eraseAllDue(limit = 100): Promise<number> {
    const rows = (await this.ds.query(
      `SELECT user_id FROM account_deletion_requests WHERE due_at <= $1 ORDER BY due_at LIMIT $2`,
      [new Date(this.now()), limit],
    )) as { user_id: string }[];
    let erased = 0;
    for (const row of rows) {
      try {
        if (await this.eraseIfDue(row.user_id)) erased += 1;
      } catch (err) {
        this.logger.error({ err, userId: row.user_id }, 'erasure failed (retried by the next sweep)');
      }
    }
    return erased;
  }
}

class NotDue extends Error {}

/** An installation keeps one active administrator: the last one cannot erase themself. */
async function assertNotLastAdministrator(m: EntityManager, userId: string): Promise<void> {
  const rows = (await m.query(
    `SELECT (SELECT role FROM user_roles WHERE user_id = $1) = 'administrator' AS admin,
            EXISTS (SELECT 1 FROM user_roles ur JOIN users u ON u.id = ur.user_id
                     WHERE ur.role = 'administrator' AND u.disabled_at IS NULL AND u.id <> $1) AS others`,
    [userId],
  )) as { admin: boolean | null; others: boolean }[];
  const row = rows[0];
  if (row?.admin && !row.others) throw usersError(UsersErrorCode.LAST_ADMINISTRATOR);
}

/** The worker's `account.erase` processor: every due erasure (the job itself names nobody). */
export function registerErasureJobs(workers: JobWorkers, eraser: AccountEraser): void {
  workers.register('account.erase', async () => {
    await eraser.eraseAllDue();
  });
}
