import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal access tokens: only a SHA-256 of the secret is stored (the token is 32 random bytes, so
 * a fast hash is enough: there is nothing to guess). Scopes are permissions of the matrix.
 */
export class PersonalAccessTokens1765240000000 implements MigrationInterface {
  name = 'PersonalAccessTokens1765240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_access_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        hint text NOT NULL,
        scopes text[] NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        last_used_ip text,
        revoked_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX personal_access_tokens_user ON personal_access_tokens (user_id, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_access_tokens`);
  }
}
