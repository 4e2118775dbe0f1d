import { isUuid } from '@pa/server-core';
import { isSmsError } from '@pa/server-sms';
import type { NumberPurchase } from './number-purchase';
import {
  COLUMNS,
  wantedHooks,
  type NumberDeps,
  type NumberRow,
  type WebhookCheckReport,
  type WebhookRecord,
} from './number.records';

// A purchase older than this with no answer was interrupted (crash, timeout): the check settles it.
const PROVISIONING_STALE_MS = 10 * 60_000;

/** Webhook health: what Twilio has for each number, drift repaired, interrupted purchases settled. */
export class NumberWebhookHealth {
  constructor(
    private readonly deps: NumberDeps,
    private readonly purchase: NumberPurchase,
  ) {}

  /** What the last check found for these numbers. */
  async webhooks(numberIds: readonly string[]): Promise<WebhookRecord[]> {
    const rows = (await this.deps.ds.query(
      `SELECT number_id, sms_url, status_callback_url, last_checked_at, last_drift_at, last_drift, repairs, last_error
         FROM webhook_configurations WHERE number_id = ANY($1::uuid[])`,
      [numberIds.filter(isUuid)],
    )) as {
      number_id: string;
      sms_url: string;
      status_callback_url: string;
      last_checked_at: Date | null;
      last_drift_at: Date | null;
      last_drift: string | null;
      repairs: number;
      last_error: string | null;
    }[];
    return rows.map((r) => ({
      numberId: r.number_id,
      smsUrl: r.sms_url,
      statusCallbackUrl: r.status_callback_url,
      lastCheckedAt: r.last_checked_at,
      lastDriftAt: r.last_drift_at,
      lastDrift: r.last_drift,
      repairs: r.repairs,
      lastError: r.last_error,
    }));
  }

  /**
   * Compares every live number's webhooks at Twilio with what they must be, and repairs drift (someone
   * edited the console, a base URL changed). Also settles purchases interrupted mid-way.
   */
  async checkWebhooks(): Promise<WebhookCheckReport> {
    const { ds, twilio, logger } = this.deps;
    const report: WebhookCheckReport = {
      checked: 0,
      drifted: 0,
      repaired: 0,
      failed: 0,
      adopted: 0,
      abandoned: 0,
    };
    await this.settleInterrupted(report);
    const rows = (await ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE status IN ('active', 'spare') ORDER BY acquired_at LIMIT 10000`,
    )) as NumberRow[];
    const want = wantedHooks(this.deps.settings);
    for (const row of rows) {
      report.checked += 1;
      try {
        const at = await twilio.getNumber(row.twilio_sid as string);
        const drift: string[] = [];
        if (at.smsUrl !== want.smsUrl) drift.push(`SmsUrl was ${at.smsUrl || '(empty)'}`);
        if (at.smsMethod !== want.smsMethod) drift.push(`SmsMethod was ${at.smsMethod}`);
        if (at.statusCallback !== want.statusCallback)
          drift.push(`StatusCallback was ${at.statusCallback || '(empty)'}`);
        if (drift.length > 0) {
          report.drifted += 1;
          await twilio.updateNumber(row.twilio_sid as string, want);
          report.repaired += 1;
          logger.warn({ numberId: row.id, drift }, 'number webhooks drifted: repaired');
        }
        await ds.query(
          `INSERT INTO webhook_configurations (number_id, sms_url, sms_method, status_callback_url, last_checked_at, last_drift_at, last_drift, repairs, last_error)
           VALUES ($1, $2, 'POST', $3, clock_timestamp(), CASE WHEN $4::text IS NULL THEN NULL ELSE clock_timestamp() END, $4, CASE WHEN $4::text IS NULL THEN 0 ELSE 1 END, NULL)
           ON CONFLICT (number_id) DO UPDATE SET sms_url = EXCLUDED.sms_url, status_callback_url = EXCLUDED.status_callback_url,
             last_checked_at = clock_timestamp(), last_error = NULL,
             last_drift_at = COALESCE(EXCLUDED.last_drift_at, webhook_configurations.last_drift_at),
             last_drift = COALESCE(EXCLUDED.last_drift, webhook_configurations.last_drift),
             repairs = webhook_configurations.repairs + EXCLUDED.repairs`,
          [row.id, want.smsUrl, want.statusCallback, drift.length ? drift.join('; ') : null],
        );
      } catch (err) {
        report.failed += 1;
        logger.error({ err, numberId: row.id }, 'number webhook check failed');
        await ds.query(
          `UPDATE webhook_configurations SET last_checked_at = clock_timestamp(), last_error = $2 WHERE number_id = $1`,
          [row.id, isSmsError(err) ? err.code : 'UNKNOWN'],
        );
      }
    }
    return report;
  }

  private async settleInterrupted(report: WebhookCheckReport): Promise<void> {
    const { ds } = this.deps;
    const stale = (await ds.query(
      `SELECT id, phone_number, user_id FROM user_phone_numbers WHERE status = 'provisioning' AND created_at < $1`,
      [new Date(this.deps.now().getTime() - PROVISIONING_STALE_MS)],
    )) as { id: string; phone_number: string; user_id: string | null }[];
    for (const row of stale) {
      const at = await this.deps.twilio.findOwnedNumber(row.phone_number);
      if (at) {
        await this.purchase.settle(row.id, at.sid, row.user_id);
        report.adopted += 1;
      } else {
        await ds.query(`DELETE FROM user_phone_numbers WHERE id = $1 AND status = 'provisioning'`, [row.id]);
        report.abandoned += 1;
      }
    }
  }
}
