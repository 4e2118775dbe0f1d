import type { EntityManager } from 'typeorm';
import { isRole, limitsOf } from '@pa/shared-domain';
import { isSmsError, SmsErrorCode } from '@pa/server-sms';
import { chargeRental } from './number-billing';
import {
  COLUMNS,
  toRecord,
  wantedHooks,
  type NumberDeps,
  type NumberRow,
  type PhoneNumberRecord,
} from './number.records';
import { NumbersErrorCode, numbersError } from './numbers.errors';

/** Locks the person and checks their plan has room for one more number (and a verified phone). */
export async function checkRoom(m: EntityManager, userId: string, needsPhone: boolean): Promise<void> {
  const [person] = (await m.query(
    `SELECT COALESCE(ur.role, 'user') AS role, u.disabled_at IS NULL AS enabled,
            EXISTS (SELECT 1 FROM mfa_factors f WHERE f.user_id = u.id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL) AS has_phone
       FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1 FOR NO KEY UPDATE OF u`,
    [userId],
  )) as { role: string; enabled: boolean; has_phone: boolean }[];
  if (!person || !person.enabled) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
  if (needsPhone && !person.has_phone) throw numbersError(NumbersErrorCode.PHONE_NOT_VERIFIED);
  const [{ held }] = (await m.query(
    `SELECT count(*)::int AS held FROM user_phone_numbers WHERE user_id = $1 AND status IN ('active', 'provisioning')`,
    [userId],
  )) as [{ held: number }];
  const limit = limitsOf(isRole(person.role) ? person.role : 'user').smsNumbers;
  if (held >= limit) throw numbersError(NumbersErrorCode.NUMBER_LIMIT, { limit });
}

/** Buying numbers at Twilio, for a person or for the spare pool, and recording the purchase. */
export class NumberPurchase {
  constructor(private readonly deps: NumberDeps) {}

  /** Buys the first number Twilio offers that nobody else is buying at this moment. */
  async buyFirstOffered(
    country: string,
    areaCode: string | undefined,
    userId: string | null,
  ): Promise<PhoneNumberRecord> {
    const offered = await this.deps.twilio.searchNumbers({ country, areaCode, limit: 10 });
    for (const candidate of offered) {
      try {
        return await this.buy(candidate.phoneNumber, country, userId);
      } catch (err) {
        // Taken by a concurrent claim (ours or another Twilio customer's): try the next one.
        if ((err as { code?: string }).code !== NumbersErrorCode.NUMBER_UNAVAILABLE) throw err;
      }
    }
    throw numbersError(NumbersErrorCode.NO_NUMBER_AVAILABLE);
  }

  /**
   * Buys a number at Twilio for a person (or the pool, userId null): a provisioning row reserves it
   * (and the person's slot) first, so two buyers cannot both record it; a failed purchase removes the
   * row; an interrupted one is settled by the webhook check.
   */
  async buy(phoneNumber: string, country: string, userId: string | null): Promise<PhoneNumberRecord> {
    const { ds, settings } = this.deps;
    const reserved = await ds.transaction(async (m) => {
      if (userId) await checkRoom(m, userId, true);
      const rows = (await m.query(
        `INSERT INTO user_phone_numbers (phone_number, country, status, user_id, monthly_cost, currency)
         VALUES ($1, $2, 'provisioning', $3, $4, $5)
         ON CONFLICT (phone_number) WHERE status <> 'released' DO NOTHING RETURNING id`,
        [phoneNumber, country, userId, settings.monthlyCost, settings.currency],
      )) as { id: string }[];
      return rows[0]?.id;
    });
    if (!reserved) throw numbersError(NumbersErrorCode.NUMBER_UNAVAILABLE);
    let sid: string;
    try {
      sid = (await this.deps.twilio.buyNumber(phoneNumber, wantedHooks(settings))).sid;
    } catch (err) {
      await ds.query(`DELETE FROM user_phone_numbers WHERE id = $1 AND status = 'provisioning'`, [reserved]);
      // 21422: not available (taken meanwhile, or not for sale).
      if (isSmsError(err) && (err.details as { providerCode?: number } | undefined)?.providerCode === 21422)
        throw numbersError(NumbersErrorCode.NUMBER_UNAVAILABLE);
      if (isSmsError(err) && err.code === SmsErrorCode.SMS_REJECTED)
        throw numbersError(NumbersErrorCode.NUMBER_UNAVAILABLE);
      throw err;
    }
    const record = await this.settle(reserved, sid, userId);
    this.deps.logger.info(
      { userId, numberId: record.id },
      userId ? 'number bought for a person' : 'number bought for the pool',
    );
    return record;
  }

  /** Records a completed purchase: active (or spare), its webhooks, this month's rental. */
  async settle(id: string, sid: string, userId: string | null): Promise<PhoneNumberRecord> {
    const { settings } = this.deps;
    return this.deps.ds.transaction(async (m) => {
      const [rows] = (await m.query(
        `UPDATE user_phone_numbers
            SET twilio_sid = $2, status = $3, assigned_at = CASE WHEN $3 = 'active' THEN clock_timestamp() END,
                acquired_at = clock_timestamp(), updated_at = clock_timestamp()
          WHERE id = $1 AND status = 'provisioning' RETURNING ${COLUMNS}`,
        [id, sid, userId ? 'active' : 'spare'],
      )) as [NumberRow[], number];
      const row = rows[0];
      if (!row) throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
      await m.query(
        `INSERT INTO webhook_configurations (number_id, sms_url, sms_method, status_callback_url, last_checked_at)
         VALUES ($1, $2, 'POST', $3, clock_timestamp())
         ON CONFLICT (number_id) DO UPDATE SET sms_url = EXCLUDED.sms_url, status_callback_url = EXCLUDED.status_callback_url,
           configured_at = clock_timestamp()`,
        [id, settings.smsUrl, settings.statusCallbackUrl],
      );
      await chargeRental(m, toRecord(row), this.deps.now());
      return toRecord(row);
    });
  }
}
