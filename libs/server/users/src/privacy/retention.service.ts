import type { DataSource } from 'typeorm';
import { RETENTION_DAYS } from '@pa/shared-domain';

const DAY_MS = 86_400_000;

/** What one retention pass removed or truncated (docs/privacy.md lists the rules). */
export interface RetentionCounts {
  refusedTexts: number;
  auditIpsTruncated: number;
  smsCodes: number;
  emailTokens: number;
  refreshTokens: number;
  webhookDeliveries: number;
}

const affected = (result: unknown): number => {
  // TypeORM answers UPDATE/DELETE with [rows, count] on PostgreSQL.
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
};

/**
 * Deletes or truncates what is kept only for a while: strangers' refused texts, full IP addresses and
 * devices in the audit log, used or expired sign-in codes, email links, refresh-token families and
 * old webhook delivery log entries.
 * Idempotent; run by the worker's periodic sweep.
 */
export class RetentionService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  async run(): Promise<RetentionCounts> {
    const ago = (days: number) => new Date(this.now() - days * DAY_MS);
    const refusedTexts = affected(
      await this.ds.query(
        `DELETE FROM sms_messages WHERE direction = 'inbound' AND outcome IN ('refused', 'unknown_number')
           AND created_at < $1`,
        [ago(RETENTION_DAYS.refusedTexts)],
      ),
    );
    // IPv4 to its /24, IPv6 to its /48; the device (user agent) goes.
    const auditIpsTruncated = affected(
      await this.ds.query(
        `UPDATE audit_log
            SET ip = network(set_masklen(ip, CASE WHEN family(ip) = 4 THEN 24 ELSE 48 END))::inet, user_agent = NULL
          WHERE at < $1 AND ((ip IS NOT NULL AND masklen(ip) = CASE WHEN family(ip) = 4 THEN 32 ELSE 128 END)
                             OR user_agent IS NOT NULL)`,
        [ago(RETENTION_DAYS.auditIp)],
      ),
    );
    const tokenCutoff = ago(RETENTION_DAYS.expiredTokens);
    const smsCodes = affected(
      await this.ds.query(`DELETE FROM sms_codes WHERE expires_at < $1 OR consumed_at < $1`, [tokenCutoff]),
    );
    const emailTokens = affected(
      await this.ds.query(`DELETE FROM email_tokens WHERE expires_at < $1 OR used_at < $1`, [tokenCutoff]),
    );
    // A whole family at once, and only when all of it has expired: a used token still proves reuse
    // while its family lives.
    const refreshTokens = affected(
      await this.ds.query(
        `DELETE FROM refresh_tokens WHERE family_id IN (
           SELECT family_id FROM refresh_tokens GROUP BY family_id HAVING max(expires_at) < $1)`,
        [tokenCutoff],
      ),
    );
    const webhookDeliveries = affected(
      await this.ds.query(`DELETE FROM webhook_deliveries WHERE created_at < $1`, [
        ago(RETENTION_DAYS.webhookDeliveries),
      ]),
    );
    return { refusedTexts, auditIpsTruncated, smsCodes, emailTokens, refreshTokens, webhookDeliveries };
  }
}
