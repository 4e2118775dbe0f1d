import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Avatars and account status on users; one preferences row per person (defaults for everyone
 * already registered). Time zone stays on users: sign-up sets it, preferences change it.
 */
export class ProfilePreferences1764300000000 implements MigrationInterface {
  name = 'ProfilePreferences1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN avatar_color text`);
    await q.query(`ALTER TABLE users ADD COLUMN avatar_image bytea`);
    await q.query(`ALTER TABLE users ADD COLUMN avatar_image_type text`);
    await q.query(`ALTER TABLE users ADD COLUMN disabled_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN disabled_reason text`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_avatar_image_small CHECK (octet_length(avatar_image) <= 65536)`,
    );
    await q.query(`CREATE INDEX users_created_at ON users (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        locale text NOT NULL DEFAULT 'en',
        quiet_hours_start text CHECK (quiet_hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        quiet_hours_end text CHECK (quiet_hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        reminder_channels text[] NOT NULL DEFAULT '{in_app}'
          CHECK (reminder_channels <@ ARRAY['in_app', 'sms', 'email'] AND cardinality(reminder_channels) >= 1),
        check_in_time text CHECK (check_in_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        assistant_tone text NOT NULL DEFAULT 'gentle' CHECK (assistant_tone IN ('gentle', 'direct')),
        sms_reply_length text NOT NULL DEFAULT 'short' CHECK (sms_reply_length IN ('short', 'standard', 'long')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT preferences_quiet_hours_pair CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL))
      )`);
    await q.query(`
      INSERT INTO preferences (user_id, quiet_hours_start, quiet_hours_end, check_in_time)
      SELECT id, '22:00', '08:00', '09:00' FROM users`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preferences`);
    await q.query(`DROP INDEX users_created_at`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_avatar_image_small`);
    await q.query(`ALTER TABLE users DROP COLUMN disabled_reason`);
    await q.query(`ALTER TABLE users DROP COLUMN disabled_by`);
    await q.query(`ALTER TABLE users DROP COLUMN avatar_image_type`);
    await q.query(`ALTER TABLE users DROP COLUMN avatar_image`);
    await q.query(`ALTER TABLE users DROP COLUMN avatar_color`);
  }
}
