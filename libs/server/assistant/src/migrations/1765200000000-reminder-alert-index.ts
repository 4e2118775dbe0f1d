import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job of a second also resumes that second's interrupted firings (ReminderService.dueInSecond):
 * it finds them by the time they fired, which no index served (reminders_awaiting leads with user_id).
 */
export class ReminderAlertIndex1765200000000 implements MigrationInterface {
  name = 'ReminderAlertIndex1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX reminders_alert_due ON reminders (alert_due_at) WHERE alert_due_at IS NOT NULL AND kind <> 'checkin'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reminders_alert_due`);
  }
}
