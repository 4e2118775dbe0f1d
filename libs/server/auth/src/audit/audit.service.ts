import type { DataSource } from 'typeorm';
import { currentCorrelationId, type ClientInfo, type Logger, type ProductMetrics } from '@pa/server-core';
import { countAuthEvent } from './auth-metrics';

export type AuditAction =
  | 'register'
  | 'login'
  | 'logout'
  | 'logout_all'
  | 'session_revoked'
  | 'session_evicted'
  | 'session_recovered'
  | 'refresh_token_reuse'
  | 'mfa_enroll'
  | 'mfa_verify'
  | 'password_reset'
  | 'password_change'
  | 'reauthenticate'
  | 'email_verify'
  | 'password_reset_request'
  // Authorization (rbac) and account management (users).
  | 'permission_check'
  | 'role_change'
  | 'user_view'
  | 'user_disable'
  | 'user_enable'
  | 'user_delete'
  | 'profile_update'
  | 'preferences_update'
  // Personal access tokens (rbac): made, revoked, used (at most one entry a minute per token).
  | 'token_create'
  | 'token_revoke'
  | 'token_use'
  // Privacy (users): erasure asked, cancelled and done; data exports.
  | 'erasure_request'
  | 'erasure_cancel'
  | 'erasure_done'
  | 'export_request'
  | 'export_download';

export interface AuditEntry {
  action: AuditAction;
  outcome: 'success' | 'failure' | 'denied';
  actorId?: string | null;
  subjectId?: string | null;
  client?: ClientInfo;
  details?: Record<string, unknown>;
  /** For authorization decisions: the permission checked and the resource it was checked on. */
  permission?: string;
  resourceType?: string;
  resourceId?: string | null;
}

/** Writes authentication and security events to the audit_log table, with the correlation id. */
export class AuditService {
  /** Called with the id of each entry written (e.g. to publish it to live viewers). */
  readonly recorded: ((id: string) => void)[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly logger: Logger,
    /** Sign-ups, sign-ins and auth failures are counted from the events written (never from attempts). */
    private readonly metrics?: ProductMetrics,
  ) {}

  /** Records an event. A failure to audit is logged, never hidden, but does not fail the request. */
  async record(entry: AuditEntry): Promise<void> {
    try {
      const rows = (await this.ds.query(
        `INSERT INTO audit_log (actor_id, subject_id, action, outcome, ip, user_agent, correlation_id, details,
                                permission, resource_type, resource_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
        [
          entry.actorId ?? null,
          entry.subjectId ?? entry.actorId ?? null,
          entry.action,
          entry.outcome,
          validIp(entry.client?.ip),
          entry.client?.userAgent?.slice(0, 512) ?? null,
          currentCorrelationId() ?? null,
          JSON.stringify(entry.details ?? {}),
          entry.permission ?? null,
          entry.resourceType ?? null,
          entry.resourceId?.slice(0, 200) ?? null,
        ],
      )) as { id: string }[];
      const id = rows[0]?.id;
      if (this.metrics) countAuthEvent(this.metrics, entry);
      if (id) for (const listener of this.recorded) listener(id);
    } catch (err) {
      this.logger.error(
        { err, audit: { action: entry.action, outcome: entry.outcome } },
        'audit write failed',
      );
    }
  }
}

function validIp(ip: string | undefined): string | null {
  if (!ip) return null;
  const bare = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return /^[0-9a-f:.]+$/i.test(bare) ? bare : null;
}
