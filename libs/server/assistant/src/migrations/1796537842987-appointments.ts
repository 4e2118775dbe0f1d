import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments ("vet thursday 11am"): the event itself, at its time, and the reminder that rings a
 * while before it (the person's appointmentLeadMinutes). Cancelling or deleting the reminder keeps
 * the appointment.
 */
export class Appointments1796537842987 implements MigrationInterface {
  name = 'Appointments1796537842987';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appointments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
        starts_at timestamptz NOT NULL,
        reminder_id uuid REFERENCES reminders(id) ON DELETE SET NULL,
        source_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX appointments_user_starts ON appointments (user_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appointments`);
  }
}
