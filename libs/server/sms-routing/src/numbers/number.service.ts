import type { DataSource, EntityManager } from 'typeorm';
import { CONSENT_VERSIONS, isRole, limitsOf, toE164 } from '@pa/shared-domain';
import { isUuid, type Logger } from '@pa/server-core';
import { isSmsError } from '@pa/server-sms';
import type { SmsWebhookSettings } from '../sms-webhooks.config';
import type { NumberWebhooks, OfferedNumber, TwilioAccount } from './twilio-account';
import { NumbersErrorCode, numbersError } from './numbers.errors';

export type NumberStatus = 'provisioning' | 'active' | 'spare' | 'released';

/** A number of ours, as the API shows it. */
export interface PhoneNumberRecord {
  id: string;
  phoneNumber: string;
  country: string;
  status: NumberStatus;
  userId: string | null;
  twilioSid: string | null;
  monthlyCost: string;
  currency: string;
  acquiredAt: Date;
  assignedAt: Date | null;
  releasedAt: Date | null;
}

/** What the last webhook check found for a number. */
export interface WebhookRecord {
  numberId: string;
  smsUrl: string;
  statusCallbackUrl: string;
  lastCheckedAt: Date | null;
  lastDriftAt: Date | null;
  lastDrift: string | null;
  repairs: number;
  lastError: string | null;
}

/** A number offered to claim: one of our spare ones, or one Twilio sells. */
export interface AvailableNumber extends OfferedNumber {
  fromPool: boolean;
}

/** What a webhook check did. */
export interface WebhookCheckReport {
  checked: number;
  drifted: number;
  repaired: number;
  failed: number;
  /** Interrupted purchases found at Twilio and kept, or forgotten. */
  adopted: number;
  abandoned: number;
}

const COLUMNS = `id, phone_number, country, status, user_id, twilio_sid, monthly_cost::text AS monthly_cost,
  currency, acquired_at, assigned_at, released_at`;

interface NumberRow {
  id: string;
  phone_number: string;
  country: string;
  status: NumberStatus;
  user_id: string | null;
  twilio_sid: string | null;
  monthly_cost: string;
  currency: string;
  acquired_at: Date;
  assigned_at: Date | null;
  released_at: Date | null;
}

function toRecord(r: NumberRow): PhoneNumberRecord {
  return {
    id: r.id,
    phoneNumber: r.phone_number,
    country: r.country.trim(),
    status: r.status,
    userId: r.user_id,
    twilioSid: r.twilio_sid,
    monthlyCost: r.monthly_cost,
    currency: r.currency.trim(),
    acquiredAt: r.acquired_at,
    assignedAt: r.assigned_at,
    releasedAt: r.released_at,
  };
}

const COUNTRY = /^[A-Z]{2}$/;
const AREA_CODE = /^\d{2,5}$/;
const CONTAINS = /^[\d*]{1,10}$/;
// A purchase older than this with no answer was interrupted (crash, timeout): the check settles it.
const PROVISIONING_STALE_MS = 10 * 60_000;

/** The first day of the month of `at`, in UTC (rentals are charged per calendar month). */
function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/**
 * Dedicated numbers: searching, claiming (from the spare pool first, else bought from Twilio with
 * its webhooks set), releasing, the administrators' pool and reassignment, and the webhook check
 * that repairs drift. PostgreSQL is the truth; Twilio is told, then recorded.
 */
export class NumberService {
  constructor(
    private readonly ds: DataSource,
    private readonly twilio: TwilioAccount,
    private readonly settings: SmsWebhookSettings,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get hooks(): NumberWebhooks {
    return {
      smsUrl: this.settings.smsUrl,
      smsMethod: 'POST',
      statusCallback: this.settings.statusCallbackUrl,
    };
  }

  /** Numbers one can claim: spare ones of ours first, then Twilio's offer. */
  /** The monthly rental a claimed number is charged (one price for every number today). */
  price(): { monthlyCost: string; currency: string } {
    return { monthlyCost: this.settings.monthlyCost, currency: this.settings.currency };
  }

  async search(query: { country?: string | null; areaCode?: string | null; contains?: string | null }) {
    const country = (query.country ?? this.settings.defaultCountry).toUpperCase();
    const areaCode = query.areaCode?.trim() || undefined;
    const contains = query.contains?.trim() || undefined;
    if (
      !COUNTRY.test(country) ||
      (areaCode && !AREA_CODE.test(areaCode)) ||
      (contains && !CONTAINS.test(contains))
    )
      throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);
    const spare = (await this.ds.query(
      `SELECT phone_number, country FROM user_phone_numbers WHERE status = 'spare' AND country = $1 ORDER BY acquired_at LIMIT 5`,
      [country],
    )) as { phone_number: string; country: string }[];
    const pool: AvailableNumber[] = spare
      .filter((s) => !areaCode || s.phone_number.slice(country === 'US' ? 2 : 1).startsWith(areaCode))
      .map((s) => ({
        phoneNumber: s.phone_number,
        friendlyName: s.phone_number,
        locality: null,
        region: null,
        country: s.country.trim(),
        fromPool: true,
      }));
    const offered = await this.twilio.searchNumbers({ country, areaCode, contains, limit: 10 });
    return [...pool, ...offered.map((o) => ({ ...o, fromPool: false }))];
  }

  /** The caller's numbers (active, oldest first). */
  async mine(userId: string): Promise<PhoneNumberRecord[]> {
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE user_id = $1 AND status = 'active' ORDER BY assigned_at, id`,
      [userId],
    )) as NumberRow[];
    return rows.map(toRecord);
  }

  async byIds(ids: readonly string[]): Promise<PhoneNumberRecord[]> {
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as NumberRow[];
    return rows.map(toRecord);
  }

  async webhooks(numberIds: readonly string[]): Promise<WebhookRecord[]> {
    const rows = (await this.ds.query(
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
   * Gives the caller a number: the one asked for (spare or on sale), else a spare one of the country,
   * else the first Twilio offers. Needs a verified phone (the number only answers it) and room in the
   * plan (from the permission matrix). Concurrent claims of one person are serialised.
   */
  async claim(
    userId: string,
    input: { phoneNumber?: string | null; country?: string | null; areaCode?: string | null },
  ): Promise<PhoneNumberRecord> {
    const wanted = input.phoneNumber ? toE164(input.phoneNumber) : undefined;
    if (input.phoneNumber && !wanted) throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);
    const country = (input.country ?? this.settings.defaultCountry).toUpperCase();
    if (!COUNTRY.test(country) || (input.areaCode && !AREA_CODE.test(input.areaCode)))
      throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);

    const reserved = await this.ds.transaction(async (m) => {
      await this.checkRoom(m, userId, true);
      // Asking for a number to text the assistant is agreeing to its texts (the page says so);
      // recorded unless a consent already stands. Withdrawable in Settings at any time.
      await m.query(
        `INSERT INTO consents (user_id, kind, version, source)
         SELECT $1, 'sms', $2, 'number' WHERE NOT EXISTS
           (SELECT 1 FROM consents WHERE user_id = $1 AND kind = 'sms' AND withdrawn_at IS NULL)`,
        [userId, CONSENT_VERSIONS.sms],
      );
      const spare = (await m.query(
        `SELECT ${COLUMNS} FROM user_phone_numbers
          WHERE status = 'spare' AND ${wanted ? 'phone_number = $1' : 'country = $1'}
          ORDER BY acquired_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [wanted ?? country],
      )) as NumberRow[];
      if (spare[0]) {
        const [rows] = (await m.query(
          `UPDATE user_phone_numbers SET status = 'active', user_id = $2, assigned_at = clock_timestamp(), updated_at = clock_timestamp()
            WHERE id = $1 RETURNING ${COLUMNS}`,
          [spare[0].id, userId],
        )) as [NumberRow[], number];
        return { kind: 'assigned' as const, record: toRecord(rows[0] as NumberRow) };
      }
      return { kind: 'buy' as const };
    });
    if (reserved.kind === 'assigned') {
      this.logger.info({ userId, numberId: reserved.record.id }, 'number claimed from the pool');
      return reserved.record;
    }
    if (wanted) return this.buy(wanted, country, userId);
    return this.buyFirstOffered(country, input.areaCode ?? undefined, userId);
  }

  /** Buys the first number Twilio offers that nobody else is buying at this moment. */
  private async buyFirstOffered(
    country: string,
    areaCode: string | undefined,
    userId: string | null,
  ): Promise<PhoneNumberRecord> {
    const offered = await this.twilio.searchNumbers({ country, areaCode, limit: 10 });
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

  /** Locks the person and checks their plan has room for one more number (and a verified phone). */
  private async checkRoom(m: EntityManager, userId: string, needsPhone: boolean): Promise<void> {
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

  /**
   * Buys a number at Twilio for a person (or the pool, userId null): a provisioning row reserves it
   * (and the person's slot) first, so two buyers cannot both record it; a failed purchase removes the
   * row; an interrupted one is settled by `checkWebhooks`.
   */
  private async buy(phoneNumber: string, country: string, userId: string | null): Promise<PhoneNumberRecord> {
    const reserved = await this.ds.transaction(async (m) => {
      if (userId) await this.checkRoom(m, userId, true);
      const rows = (await m.query(
        `INSERT INTO user_phone_numbers (phone_number, country, status, user_id, monthly_cost, currency)
         VALUES ($1, $2, 'provisioning', $3, $4, $5)
         ON CONFLICT (phone_number) WHERE status <> 'released' DO NOTHING RETURNING id`,
        [phoneNumber, country, userId, this.settings.monthlyCost, this.settings.currency],
      )) as { id: string }[];
      return rows[0]?.id;
    });
    if (!reserved) throw numbersError(NumbersErrorCode.NUMBER_UNAVAILABLE);
    let sid: string;
    try {
      sid = (await this.twilio.buyNumber(phoneNumber, this.hooks)).sid;
    } catch (err) {
      await this.ds.query(`DELETE FROM user_phone_numbers WHERE id = $1 AND status = 'provisioning'`, [
        reserved,
      ]);
      // 21422: not available (taken meanwhile, or not for sale).
      if (isSmsError(err) && (err.details as { providerCode?: number } | undefined)?.providerCode === 21422)
        throw numbersError(NumbersErrorCode.NUMBER_UNAVAILABLE);
      if (isSmsError(err) && err.code === 'SMS_REJECTED')
        throw numbersError(NumbersErrorCode.NUMBER_UNAVAILABLE);
      throw err;
    }
    const record = await this.settle(reserved, sid, userId);
    this.logger.info(
      { userId, numberId: record.id },
      userId ? 'number bought for a person' : 'number bought for the pool',
    );
    return record;
  }

  /** Records a completed purchase: active (or spare), its webhooks, this month's rental. */
  private async settle(id: string, sid: string, userId: string | null): Promise<PhoneNumberRecord> {
    return this.ds.transaction(async (m) => {
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
        [id, this.settings.smsUrl, this.settings.statusCallbackUrl],
      );
      await this.chargeRental(m, toRecord(row));
      return toRecord(row);
    });
  }

  /** This month's rental of a number, once per number and month (to its owner then, or the platform). */
  private async chargeRental(m: EntityManager | DataSource, n: PhoneNumberRecord): Promise<void> {
    await m.query(
      `INSERT INTO sms_usage_logs (kind, user_id, number_id, price, currency, status, period)
       VALUES ('rental', $1, $2, $3, $4, 'billed', $5)
       ON CONFLICT (number_id, period) WHERE kind = 'rental' DO NOTHING`,
      [n.userId, n.id, n.monthlyCost, n.currency, monthOf(this.now())],
    );
  }

  /** Charges this month's rental of every number we hold (run monthly; safe to run again). */
  async chargeMonthlyRentals(): Promise<number> {
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE status IN ('active', 'spare')`,
    )) as NumberRow[];
    for (const r of rows) await this.chargeRental(this.ds, toRecord(r));
    return rows.length;
  }

  /** The caller gives a number back: it joins the spare pool (texts to it reach nobody). */
  async release(userId: string, id: string): Promise<PhoneNumberRecord> {
    const [rows] = isUuid(id)
      ? ((await this.ds.query(
          `UPDATE user_phone_numbers SET status = 'spare', user_id = NULL, assigned_at = NULL, updated_at = clock_timestamp()
            WHERE id = $1 AND user_id = $2 AND status = 'active' RETURNING ${COLUMNS}`,
          [id, userId],
        )) as [NumberRow[], number])
      : [[]];
    const row = rows[0];
    if (!row) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    this.logger.info({ userId, numberId: id }, 'number released to the pool');
    return toRecord(row);
  }

  /** Before an account is deleted: its numbers go to the pool (inside the deleting transaction). */
  async releaseAllOf(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE user_phone_numbers SET status = 'spare', user_id = NULL, assigned_at = NULL, updated_at = clock_timestamp()
        WHERE user_id = $1 AND status = 'active'`,
      [userId],
    );
    await m.query(`DELETE FROM user_phone_numbers WHERE user_id = $1 AND status = 'provisioning'`, [userId]);
  }

  // --- Administrators ---

  /** Every number we hold or held, newest first, optionally by status or digits. */
  async list(
    filter: { status?: NumberStatus | null; search?: string | null },
    limit: number,
    offset: number,
  ) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    // Digits find numbers; words find holders by name or email.
    const search = filter.search?.trim().slice(0, 100);
    const digits = search?.replace(/[^\d]/g, '');
    if (search && digits && digits.length >= search.replace(/[\s+().-]/g, '').length) {
      params.push(`%${digits}%`);
      where.push(`phone_number LIKE $${params.length}`);
    } else if (search) {
      params.push(`%${search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
      where.push(
        `user_id IN (SELECT id FROM users WHERE email LIKE $${params.length} OR lower(display_name) LIKE $${params.length})`,
      );
    }
    params.push(limit, offset);
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM user_phone_numbers
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY acquired_at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as (NumberRow & { total: number })[];
    return { total: rows[0]?.total ?? 0, items: rows.map(toRecord) };
  }

  /** Buys a number into the spare pool. */
  async addToPool(input: { phoneNumber?: string | null; country?: string | null; areaCode?: string | null }) {
    const country = (input.country ?? this.settings.defaultCountry).toUpperCase();
    const wanted = input.phoneNumber ? toE164(input.phoneNumber) : undefined;
    if (
      (input.phoneNumber && !wanted) ||
      !COUNTRY.test(country) ||
      (input.areaCode && !AREA_CODE.test(input.areaCode))
    )
      throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);
    if (wanted) return this.buy(wanted, country, null);
    return this.buyFirstOffered(country, input.areaCode ?? undefined, null);
  }

  /** Gives a live number (spare or someone's) to a person, within their plan. */
  async reassign(id: string, userId: string): Promise<PhoneNumberRecord> {
    if (!isUuid(id) || !isUuid(userId)) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    return this.ds.transaction(async (m) => {
      const [current] = (await m.query(`SELECT ${COLUMNS} FROM user_phone_numbers WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as NumberRow[];
      if (!current) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
      if (current.status !== 'active' && current.status !== 'spare')
        throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
      if (current.user_id === userId) return toRecord(current);
      // The new owner needs room in their plan; a verified phone is their own business (the page tells them).
      await this.checkRoom(m, userId, false);
      const [rows] = (await m.query(
        `UPDATE user_phone_numbers SET status = 'active', user_id = $2, assigned_at = clock_timestamp(), updated_at = clock_timestamp()
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, userId],
      )) as [NumberRow[], number];
      return toRecord(rows[0] as NumberRow);
    });
  }

  /** Takes a number from whoever holds it back into the spare pool. */
  async unassign(id: string): Promise<PhoneNumberRecord> {
    const [rows] = isUuid(id)
      ? ((await this.ds.query(
          `UPDATE user_phone_numbers SET status = 'spare', user_id = NULL, assigned_at = NULL, updated_at = clock_timestamp()
            WHERE id = $1 AND status IN ('active', 'spare') RETURNING ${COLUMNS}`,
          [id],
        )) as [NumberRow[], number])
      : [[]];
    if (!rows[0]) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    return toRecord(rows[0]);
  }

  /** Display name and email of numbers' owners (administrators' views). */
  async owners(userIds: readonly string[]): Promise<{ id: string; displayName: string; email: string }[]> {
    const rows = (await this.ds.query(
      `SELECT id, display_name, email FROM users WHERE id = ANY($1::uuid[])`,
      [userIds.filter(isUuid)],
    )) as { id: string; display_name: string; email: string }[];
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  /** Gives a number back to Twilio (its rental stops); it stays in the history as released. */
  async releaseToTwilio(id: string): Promise<PhoneNumberRecord> {
    const [row] = isUuid(id)
      ? ((await this.ds.query(`SELECT ${COLUMNS} FROM user_phone_numbers WHERE id = $1`, [
          id,
        ])) as NumberRow[])
      : [];
    if (!row) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    if (row.status === 'released' || row.status === 'provisioning' || !row.twilio_sid)
      throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
    try {
      await this.twilio.releaseNumber(row.twilio_sid);
    } catch (err) {
      // Already gone at Twilio: record it as released all the same.
      if (!(isSmsError(err) && err.code === 'SMS_MISCONFIGURED' && /404/.test(String((err as Error).cause))))
        throw err;
    }
    const [rows] = (await this.ds.query(
      `UPDATE user_phone_numbers SET status = 'released', user_id = NULL, released_at = clock_timestamp(), updated_at = clock_timestamp()
        WHERE id = $1 AND status IN ('active', 'spare') RETURNING ${COLUMNS}`,
      [id],
    )) as [NumberRow[], number];
    if (!rows[0]) throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
    this.logger.info({ numberId: id }, 'number released to Twilio');
    return toRecord(rows[0]);
  }

  /**
   * Compares every live number's webhooks at Twilio with what they must be, and repairs drift (someone
   * edited the console, a base URL changed). Also settles purchases interrupted mid-way.
   */
  async checkWebhooks(): Promise<WebhookCheckReport> {
    const report: WebhookCheckReport = {
      checked: 0,
      drifted: 0,
      repaired: 0,
      failed: 0,
      adopted: 0,
      abandoned: 0,
    };
    await this.settleInterrupted(report);
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE status IN ('active', 'spare') ORDER BY acquired_at LIMIT 10000`,
    )) as NumberRow[];
    const want = this.hooks;
    for (const row of rows) {
      report.checked += 1;
      try {
        const at = await this.twilio.getNumber(row.twilio_sid as string);
        const drift: string[] = [];
        if (at.smsUrl !== want.smsUrl) drift.push(`SmsUrl was ${at.smsUrl || '(empty)'}`);
        if (at.smsMethod !== want.smsMethod) drift.push(`SmsMethod was ${at.smsMethod}`);
        if (at.statusCallback !== want.statusCallback)
          drift.push(`StatusCallback was ${at.statusCallback || '(empty)'}`);
        if (drift.length > 0) {
          report.drifted += 1;
          await this.twilio.updateNumber(row.twilio_sid as string, want);
          report.repaired += 1;
          this.logger.warn({ numberId: row.id, drift }, 'number webhooks drifted: repaired');
        }
        await this.ds.query(
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
        this.logger.error({ err, numberId: row.id }, 'number webhook check failed');
        await this.ds.query(
          `UPDATE webhook_configurations SET last_checked_at = clock_timestamp(), last_error = $2 WHERE number_id = $1`,
          [row.id, isSmsError(err) ? err.code : 'UNKNOWN'],
        );
      }
    }
    return report;
  }

  private async settleInterrupted(report: WebhookCheckReport): Promise<void> {
    const stale = (await this.ds.query(
      `SELECT id, phone_number, user_id FROM user_phone_numbers WHERE status = 'provisioning' AND created_at < $1`,
      [new Date(this.now().getTime() - PROVISIONING_STALE_MS)],
    )) as { id: string; phone_number: string; user_id: string | null }[];
    for (const row of stale) {
      const at = await this.twilio.findOwnedNumber(row.phone_number);
      if (at) {
        await this.settle(row.id, at.sid, row.user_id);
        report.adopted += 1;
      } else {
        await this.ds.query(`DELETE FROM user_phone_numbers WHERE id = $1 AND status = 'provisioning'`, [
          row.id,
        ]);
        report.abandoned += 1;
      }
    }
  }
}
