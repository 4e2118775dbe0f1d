import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders that reach people: which occurrence of a reminder waits for an answer, every delivery per
 * occurrence, escalation step and channel (unique: a retried or doubled job never nudges twice), the
 * client ids of answers (applied once), and each person's escalation ladder (null: the default).
 */
export class ReminderDeliveries1764700000000 implements MigrationInterface {
  name = 'ReminderDeliveries1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE reminders ADD COLUMN alert_due_at timestamptz, ADD COLUMN acknowledged_at timestamptz`,
    );
    await q.query(
      `CREATE INDEX reminders_awaiting ON reminders (user_id, alert_due_at DESC) WHERE alert_due_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE reminder_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reminder_id uuid NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        occurrence_due_at timestamptz NOT NULL,
        step int NOT NULL CHECK (step BETWEEN 0 AND 10),
        channel text NOT NULL CHECK (channel IN ('in_app', 'push', 'sms', 'email')),
        delivered_at timestamptz,
        failed_at timestamptz,
        acknowledged_at timestamptz,
        action text CHECK (action IN ('done', 'opened', 'snoozed')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT reminder_deliveries_once UNIQUE (reminder_id, occurrence_due_at, step, channel)
      )`);
    await q.query(`CREATE INDEX reminder_deliveries_user ON reminder_deliveries (user_id)`);
    await q.query(`
      CREATE TABLE reminder_acknowledgements (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_id text NOT NULL,
        reminder_id uuid NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('done', 'opened', 'snoozed')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (user_id, client_id)
      )`);
    await q.query(`ALTER TABLE preferences ADD COLUMN escalation jsonb`);
    await q.query(`ALTER TABLE preferences DROP CONSTRAINT preferences_reminder_channels_check`);
    await q.query(`ALTER TABLE preferences ADD CONSTRAINT preferences_reminder_channels_check
      CHECK (reminder_channels <@ ARRAY['in_app', 'push', 'sms', 'email'] AND cardinality(reminder_channels) >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE preferences SET reminder_channels = COALESCE(NULLIF(array_remove(reminder_channels, 'push'), '{}'), '{in_app}')`,
    );
    await q.query(`ALTER TABLE preferences DROP CONSTRAINT preferences_reminder_channels_check`);
    await q.query(`ALTER TABLE preferences ADD CONSTRAINT preferences_reminder_channels_check
      CHECK (reminder_channels <@ ARRAY['in_app', 'sms', 'email'] AND cardinality(reminder_channels) >= 1)`);
    await q.query(`ALTER TABLE preferences DROP COLUMN escalation`);
    await q.query(`DROP TABLE reminder_acknowledgements`);
    await q.query(`DROP TABLE reminder_deliveries`);
    await q.query(`DROP INDEX reminders_awaiting`);
    await q.query(`ALTER TABLE reminders DROP COLUMN alert_due_at, DROP COLUMN acknowledged_at`);
  }
}
