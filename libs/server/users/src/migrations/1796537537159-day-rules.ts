import type { MigrationInterface, QueryRunner } from 'typeorm';

const HH_MM = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

/**
 * The person's day, which the assistant reads vague times against ("first thing", "after lunch",
 * "after work", "tonight"), and how long before an appointment its reminder rings. Null: the default
 * (DEFAULT_DAY_RULE_VALUES), so everyone already registered keeps the documented behaviour.
 */
export class DayRules1796537537159 implements MigrationInterface {
  name = 'DayRules1796537537159';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE preferences
        ADD COLUMN day_start text CHECK (day_start ~ ${HH_MM}),
        ADD COLUMN lunch_time text CHECK (lunch_time ~ ${HH_MM}),
        ADD COLUMN work_end text CHECK (work_end ~ ${HH_MM}),
        ADD COLUMN evening_time text CHECK (evening_time ~ ${HH_MM}),
        ADD COLUMN appointment_lead_minutes int
          CHECK (appointment_lead_minutes BETWEEN 0 AND 1440)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE preferences
        DROP COLUMN appointment_lead_minutes,
        DROP COLUMN evening_time,
        DROP COLUMN work_end,
        DROP COLUMN lunch_time,
        DROP COLUMN day_start`);
  }
}
