import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assurance level a session reached, kept with its refresh tokens: a session lost with Redis'
 * data can then be re-created from PostgreSQL without skipping a second factor it never passed.
 */
export class RefreshTokenAal1764800000000 implements MigrationInterface {
  name = 'RefreshTokenAal1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE refresh_tokens ADD COLUMN aal text NOT NULL DEFAULT 'aal1' CHECK (aal IN ('aal1', 'aal2'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN aal`);
  }
}
