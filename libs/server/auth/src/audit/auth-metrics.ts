import type { ProductMetrics } from '@pa/server-core';
import type { AuditEntry } from './audit.service';

const FACTORS: Record<string, string> = { TOTP: 'totp', BACKUP_CODE: 'backup_code', SMS: 'sms' };

/**
 * What an audited authentication event adds to the product metrics: sign-ups, sign-in steps (by
 * factor and outcome) and failures by reason. Labels come from fixed sets, never from input.
 */
export function countAuthEvent(metrics: ProductMetrics, entry: AuditEntry): void {
  const details = entry.details ?? {};
  switch (entry.action) {
    case 'register':
      if (entry.outcome === 'success') metrics.signups.inc();
      return;
    case 'login': {
      if (entry.outcome === 'success') {
        const outcome = details['mfaPending'] === true ? 'mfa_required' : 'success';
        metrics.signins.inc({ factor: 'password', outcome });
        return;
      }
      metrics.signins.inc({ factor: 'password', outcome: 'failure' });
      const reason = details['reason'];
      metrics.authFailures.inc({
        reason: reason === 'unknown_email' || reason === 'disabled' ? reason : 'bad_password',
      });
      return;
    }
    case 'mfa_verify': {
      // `sms_sent` (a code went out) is not a sign-in step.
      const factor = FACTORS[String(details['method'])];
      if (!factor) return;
      const ok = entry.outcome === 'success';
      metrics.signins.inc({ factor, outcome: ok ? 'success' : 'failure' });
      if (!ok) metrics.authFailures.inc({ reason: 'bad_mfa_code' });
      return;
    }
    case 'refresh_token_reuse':
      metrics.authFailures.inc({ reason: 'refresh_token_reuse' });
      return;
    case 'reauthenticate':
      if (entry.outcome !== 'success') metrics.authFailures.inc({ reason: 'reauth_failed' });
      return;
    case 'password_change':
      if (entry.outcome !== 'success') metrics.authFailures.inc({ reason: 'password_change_failed' });
      return;
    default:
      return;
  }
}
