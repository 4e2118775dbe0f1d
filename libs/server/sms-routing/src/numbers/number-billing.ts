import type { DataSource, EntityManager } from 'typeorm';
import { COLUMNS, toRecord, type NumberDeps, type NumberRow, type PhoneNumberRecord } from './number.records';

/** The first day of the month of `at`, in UTC (rentals are charged per calendar month). */
function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/** This month's rental of a number, once per number and month (to its owner then, or the platform). */
export async function chargeRental(
  m: EntityManager | DataSource,
  n: PhoneNumberRecord,
  now: Date,
): Promise<void> {
  await m.query(
    `INSERT INTO sms_usage_logs (kind, user_id, number_id, price, currency, status, period)
     VALUES ('rental', $1, $2, $3, $4, 'billed', $5)
     ON CONFLICT (number_id, period) WHERE kind = 'rental' DO NOTHING`,
    [n.userId, n.id, n.monthlyCost, n.currency, monthOf(now)],
  );
}

/** What numbers cost: the rental price and the monthly charge of every number we hold. */
export class NumberBilling {
  constructor(private readonly deps: Pick<NumberDeps, 'ds' | 'settings' | 'now'>) {}

  /** The monthly rental a claimed number is charged (one price for every number today). */
  price(): { monthlyCost: string; currency: string } {
    return { monthlyCost: this.deps.settings.monthlyCost, currency: this.deps.settings.currency };
  }

  /** Charges this month's rental of every number we hold (run monthly; safe to run again). */
  async chargeMonthlyRentals(): Promise<number> {
    const { ds } = this.deps;
    const rows = (await ds.query(
      `SELECT ${COLUMNS} FROM user_phone_numbers WHERE status IN ('active', 'spare')`,
    )) as NumberRow[];
    for (const r of rows) await chargeRental(ds, toRecord(r), this.deps.now());
    return rows.length;
  }
}
