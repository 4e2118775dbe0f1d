import type { EntityManager } from 'typeorm';
import { CONSENT_VERSIONS, toE164 } from '@pa/shared-domain';
import { isUuid } from '@pa/server-core';
import { checkRoom, type NumberPurchase } from './number-purchase';
import {
  AREA_CODE,
  COLUMNS,
  CONTAINS,
  COUNTRY,
  toRecord,
  type AvailableNumber,
  type NumberDeps,
  type NumberRow,
  type PhoneNumberRecord,
} from './number.records';
import { NumbersErrorCode, numbersError } from './numbers.errors';

/** A person's side of numbers: searching, claiming, their own list, giving one back. */
export class NumberClaims {
  constructor(
    private readonly deps: NumberDeps,
    private readonly purchase: NumberPurchase,
  ) {}

  /** Numbers one can claim: spare ones of ours first, then Twilio's offer. */
  async search(query: { country?: string | null; areaCode?: string | null; contains?: string | null }) {
    const country = (query.country ?? this.deps.settings.defaultCountry).toUpperCase();
    const areaCode = query.areaCode?.trim() || undefined;
    const contains = query.contains?.trim() || undefined;
    if (
      !COUNTRY.test(country) ||
      (areaCode && !AREA_CODE.test(areaCode)) ||
      (contains && !CONTAINS.test(contains))
    )
      throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);
    const spare = (await this.deps.ds.query(
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
    const offered = await this.deps.twilio.searchNumbers({ country, areaCode, contains, limit: 10 });
    return [...pool, ...offered.map((o) => ({ ...o, fromPool: false }))];
  }

  /** The caller's numbers (active, oldest first). */
  async mine(userId: string): Promise<PhoneNumberRecord[]> {
    const rows = (await this.deps.ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE user_id = $1 AND status = 'active' ORDER BY assigned_at, id`,
      [userId],
    )) as NumberRow[];
    return rows.map(toRecord);
  }

  async byIds(ids: readonly string[]): Promise<PhoneNumberRecord[]> {
    const rows = (await this.deps.ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    )) as NumberRow[];
    return rows.map(toRecord);
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
    const country = (input.country ?? this.deps.settings.defaultCountry).toUpperCase();
    if (!COUNTRY.test(country) || (input.areaCode && !AREA_CODE.test(input.areaCode)))
      throw numbersError(NumbersErrorCode.INVALID_NUMBER_SEARCH);

    const reserved = await this.deps.ds.transaction(async (m) => {
      await checkRoom(m, userId, true);
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
      this.deps.logger.info({ userId, numberId: reserved.record.id }, 'number claimed from the pool');
      return reserved.record;
    }
    if (wanted) return this.purchase.buy(wanted, country, userId);
    return this.purchase.buyFirstOffered(country, input.areaCode ?? undefined, userId);
  }

  /** The caller gives a number back: it joins the spare pool (texts to it reach nobody). */
  async release(userId: string, id: string): Promise<PhoneNumberRecord> {
    const [rows] = isUuid(id)
      ? ((await this.deps.ds.query(
          `UPDATE user_phone_numbers SET status = 'spare', user_id = NULL, assigned_at = NULL, updated_at = clock_timestamp()
            WHERE id = $1 AND user_id = $2 AND status = 'active' RETURNING ${COLUMNS}`,
          [id, userId],
        )) as [NumberRow[], number])
      : [[]];
    const row = rows[0];
    if (!row) throw numbersError(NumbersErrorCode.NUMBER_NOT_FOUND);
    this.deps.logger.info({ userId, numberId: id }, 'number released to the pool');
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
}
