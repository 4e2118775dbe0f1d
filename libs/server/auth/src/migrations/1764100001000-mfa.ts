import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Second factors (TOTP secret encrypted at rest, SMS phone) and single-use backup codes (hashed). */
export class Mfa1764100001000 implements MigrationInterface {
  name = 'Mfa1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_factors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('totp', 'sms')),
        secret_encrypted bytea,
        phone_e164 text CHECK (phone_e164 ~ '^\\+[1-9][0-9]{1,14}$'),
        confirmed_at timestamptz,
        last_accepted_step bigint CHECK (last_accepted_step >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A TOTP factor carries a secret, an SMS factor a phone number, never the other.
        CONSTRAINT mfa_factors_material CHECK (
          (kind = 'totp' AND secret_encrypted IS NOT NULL AND phone_e164 IS NULL)
          OR (kind = 'sms' AND phone_e164 IS NOT NULL AND secret_encrypted IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX mfa_factors_user_id ON mfa_factors (user_id)`);
    // Pending enrolments may pile up briefly; a user has at most one confirmed factor of each kind.
    await q.query(
      `CREATE UNIQUE INDEX mfa_factors_one_confirmed_per_kind ON mfa_factors (user_id, kind) WHERE confirmed_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE backup_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX backup_codes_user_id ON backup_codes (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backup_codes`);
    await q.query(`DROP TABLE mfa_factors`);
  }
}
