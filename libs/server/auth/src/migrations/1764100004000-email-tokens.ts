import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single-use tokens sent by email (verify the address, reset the password), stored hashed. */
export class EmailTokens1764100004000 implements MigrationInterface {
  name = 'EmailTokens1764100004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        token_hash bytea NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX email_tokens_hash_key ON email_tokens (token_hash)`);
    await q.query(`CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_tokens`);
  }
}
