import type { DataSource, EntityManager } from 'typeorm';
import type { AuthService } from '@pa/server-auth';
import type { AccessService } from '@pa/server-rbac';
import type { Logger } from '@pa/server-core';

/**
 * Deleting an account, the one way it is done: by an administrator, or by the person themself
 * (GDPR erasure, after the grace period). Everything stored with a `user_id` goes with the users
 * row (ON DELETE CASCADE); what only mentions the person is anonymised here first (audit entries
 * about them, texts from or to their phone); what lives outside PostgreSQL (sessions, cached access,
 * queued jobs, phone numbers) is cleaned up by the `after` hooks features register, once committed.
 */
export class AccountDeletion {
  /** Run inside the deleting transaction, before the row goes (e.g. to lock or archive). */
  readonly before: ((m: EntityManager, userId: string) => Promise<void>)[] = [];
  /** Run after the commit; a failure is logged and does not undo the deletion. */
  readonly after: ((userId: string, identifiers: PersonIdentifiers) => Promise<void>)[] = [];

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
    // The cached role and its version would otherwise outlive the person by up to a day.
    this.after.push(async (userId) => {
      await access.forget(userId);
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
    const identifiers = await this.ds.transaction(async (m) => {
      await inTransaction(m);
      const who = await identifiersOf(m, userId);
      if (!who) return undefined;
      for (const hook of this.before) await hook(m, userId);
      await anonymise(m, userId, who);
      await m.query(`DELETE FROM users WHERE id = $1`, [userId]);
      return who;
    });
    if (!identifiers) return false;
    await this.access.changed(userId);
    for (const hook of this.after) {
      await hook(userId, identifiers).catch((err: unknown) =>
        this.logger.error({ err, userId }, 'clean-up after an account deletion failed'),
      );
    }
    return true;
  }
}

/** What identifies a person beyond their id: searched for and scrubbed when they go. */
export interface PersonIdentifiers {
  email: string;
  /** Every phone number they proved or texted from (second factor). */
  phones: string[];
}

async function identifiersOf(m: EntityManager, userId: string): Promise<PersonIdentifiers | undefined> {
  const rows = (await m.query(
    `SELECT u.email,
            ARRAY(SELECT DISTINCT f.phone_e164 FROM mfa_factors f
                   WHERE f.user_id = u.id AND f.phone_e164 IS NOT NULL) AS phones
       FROM users u WHERE u.id = $1 FOR UPDATE OF u`,
    [userId],
  )) as { email: string; phones: string[] }[];
  const row = rows[0];
  return row ? { email: row.email, phones: row.phones } : undefined;
}

/**
 * What stays after the person goes holds nothing that points at them: audit entries keep what
 * happened and when (accountability of the administrators who acted) but lose the address, device,
 * details and the links to the person; texts from or to their phone on other people's numbers go;
 * SMS costs stay as anonymous rows (accounting: `user_id` is set NULL by the foreign key).
 */
async function anonymise(m: EntityManager, userId: string, who: PersonIdentifiers): Promise<void> {
  await m.query(
    `UPDATE audit_log
        SET ip = NULL, user_agent = NULL, details = '{}'::jsonb,
            actor_id = NULLIF(actor_id, $1::uuid), subject_id = NULLIF(subject_id, $1::uuid),
            resource_id = NULLIF(resource_id, $1::text)
      WHERE actor_id = $1::uuid OR subject_id = $1::uuid OR resource_id = $1::text
         OR strpos(lower(details::text), $2) > 0`,
    [userId, who.email.toLowerCase()],
  );
  if (who.phones.length === 0) return;
  await m.query(`DELETE FROM sms_messages WHERE from_number = ANY($1) OR to_number = ANY($1)`, [who.phones]);
  await m.query(`DELETE FROM sms_opt_outs WHERE phone_number = ANY($1)`, [who.phones]);
}
