import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-ins ring in the open app like reminders: each person has one reminder row of kind `checkin`
 * (reused every day: its firings and deliveries are per occurrence), so the alert, the answers and the
 * delivery records are the reminders' own.
 */
export class CheckInAlerts1765100000000 implements MigrationInterface {
  name = 'CheckInAlerts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(
      `ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('reminder', 'focus', 'checkin'))`,
    );
    await q.query(`CREATE UNIQUE INDEX reminders_one_checkin ON reminders (user_id) WHERE kind = 'checkin'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Their deliveries and answers go with them (ON DELETE CASCADE).
    await q.query(`DELETE FROM reminders WHERE kind = 'checkin'`);
    await q.query(`DROP INDEX reminders_one_checkin`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(
      `ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('reminder', 'focus'))`,
    );
  }
}
