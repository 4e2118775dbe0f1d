import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks (with sub-steps), reminders (one-off, recurring, focus timers) and the assistant's memory of
 * the conversation (a question it asked, the reminder it last delivered). Every row carries user_id.
 */
export class Assistant1764500000000 implements MigrationInterface {
  name = 'Assistant1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
        parent_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
        position int NOT NULL DEFAULT 0,
        done_at timestamptz,
        source_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX tasks_user_open ON tasks (user_id, done_at, position, created_at)`);
    await q.query(`CREATE INDEX tasks_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        task_id uuid REFERENCES tasks(id) ON DELETE SET NULL,
        kind text NOT NULL DEFAULT 'reminder' CHECK (kind IN ('reminder', 'focus')),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
        due_at timestamptz NOT NULL,
        recurrence jsonb,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'delivered', 'cancelled')),
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX reminders_user_due ON reminders (user_id, status, due_at)`);
    await q.query(`CREATE INDEX reminders_scheduled_due ON reminders (due_at) WHERE status = 'scheduled'`);
    await q.query(`
      CREATE TABLE assistant_state (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        pending jsonb,
        last_reminder_id uuid REFERENCES reminders(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assistant_state`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE tasks`);
  }
}
