import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time codes sent by SMS (phone verification, sign-in), stored hashed, short-lived, few guesses. */
export class SmsCodes1764100003000 implements MigrationInterface {
  name = 'SmsCodes1764100003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_phone', 'sign_in')),
        challenge text NOT NULL,
        phone_e164 text NOT NULL CHECK (phone_e164 ~ '^\\+[1-9][0-9]{1,14}$'),
        code_hash text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX sms_codes_lookup ON sms_codes (user_id, purpose, challenge, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_codes`);
  }
}
