import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Data exports a person asked for: built by the worker into a ZIP under DATA_DIR, downloadable until they expire. */
export class DataExports1765220001000 implements MigrationInterface {
  name = 'DataExports1765220001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready', 'failed', 'expired')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        expires_at timestamptz,
        size_bytes bigint,
        error text
      )`);
    await q.query(`CREATE INDEX data_exports_user ON data_exports (user_id, requested_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_exports`);
  }
}
