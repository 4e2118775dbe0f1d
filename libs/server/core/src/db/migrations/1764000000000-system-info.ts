import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first table: one row describing this installation (read by the status query and the bench). */
export class SystemInfo1764000000000 implements MigrationInterface {
  name = 'SystemInfo1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE system_info (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO system_info (name) VALUES ('Personal Assistant TDAH')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE system_info`);
    // pgcrypto is left in place: other databases objects may rely on it and dropping it is not ours to do.
  }
}
