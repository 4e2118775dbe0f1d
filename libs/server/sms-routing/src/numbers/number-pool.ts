import { toE164 } from '@pa/shared-domain';
import { isUuid } from '@pa/server-core';
import { isSmsError, SmsErrorCode } from '@pa/server-sms';
import { checkRoom, type NumberPurchase } from './number-purchase';
import {
  AREA_CODE,
  COLUMNS,
  COUNTRY,
  toRecord,
  type NumberDeps,
  type NumberRow,
  type NumberStatus,
  type PhoneNumberRecord,
} from './number.records';
import { NumbersErrorCode, numbersError } from './numbers.errors';

/** The administrators' side: every number, the spare pool, reassignment, giving numbers back to Twilio. */
export class NumberPool {
  constructor(
    private readonly deps: NumberDeps,
    private readonly purchase: NumberPurchase,
  ) {}

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
    const rows = (await this.deps.ds.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM user_phone_numbers
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY acquired_at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as (NumberRow & { total: number })[];
    return { total: rows[0]?.total ?? 0, items: rows.map(toRecord) };
  }

  /** Buys a number into the spare pool. */
  async addToPool(input: { phoneNumber?: string | null; country?: string | null; areaCode?: string | null }) {
    const country = (input.country ?? this.deps.settings.defaultCountry).toUpperCase();
    const wanted = input.phoneNumber ? toE164(input.phoneNumber) : undefined;
    if (
      (input.phoneNumber && !wanted) ||
      !COUNTRY.test(country) ||
      (input.areaCode && !AREA_CODE.test(input.areaCode))
    )
      throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);
    if (wanted) return this.purchase.buy(wanted, country, null);
    return this.purchase.buyFirstOffered(country, input.areaCode ?? undefined, null);
  }

  /** Gives a live number (spare or someone's) to a person, within their plan. */
  async reassign(id: string, userId: string): Promise<PhoneNumberRecord> {
    if (!isUuid(id) || !isUuid(userId)) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    return this.deps.ds.transaction(async (m) => {
      const [current] = (await m.query(`SELECT ${COLUMNS} FROM user_phone_numbers WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as NumberRow[];
      if (!current) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
      if (current.status !== 'active' && current.status !== 'spare')
        throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
      if (current.user_id === userId) return toRecord(current);
      // The new owner needs room in their plan; a verified phone is their own business (the page tells them).
      await checkRoom(m, userId, false);
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
      ? ((await this.deps.ds.query(
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
    const rows = (await this.deps.ds.query(
      `SELECT id, display_name, email FROM users WHERE id = ANY($1::uuid[])`,
      [userIds.filter(isUuid)],
    )) as { id: string; display_name: string; email: string }[];
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  /** Gives a number back to Twilio (its rental stops); it stays in the history as released. */
  async releaseToTwilio(id: string): Promise<PhoneNumberRecord> {
    const { ds } = this.deps;
    const [row] = isUuid(id)
      ? ((await ds.query(`SELECT ${COLUMNS} FROM user_phone_numbers WHERE id = $1`, [id])) as NumberRow[])
      : [];
    if (!row) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    if (row.status === 'released' || row.status === 'provisioning' || !row.twilio_sid)
      throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
    try {
      await this.deps.twilio.releaseNumber(row.twilio_sid);
    } catch (err) {
      // Already gone at Twilio: record it as released all the same.
      const gone =
        isSmsError(err) && err.code === SmsErrorCode.SMS_MISCONFIGURED && /404/.test(String(err.cause));
      if (!gone) throw err;
    }
    const [rows] = (await ds.query(
      `UPDATE user_phone_numbers SET status = 'released', user_id = NULL, released_at = clock_timestamp(), updated_at = clock_timestamp()
        WHERE id = $1 AND status IN ('active', 'spare') RETURNING ${COLUMNS}`,
      [id],
    )) as [NumberRow[], number];
    if (!rows[0]) throw numbersError(NumbersErrorCode.NUMBER_STATE_CONFLICT);
    this.deps.logger.info({ numberId: id }, 'number released to Twilio');
    return toRecord(rows[0]);
  }
}
