import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GDPR self-service: a person's pending erasure (one row while the grace period runs; it goes with
 * the account), and data export becomes everyone's right (it was premium).
 */
export class Privacy1765220000000 implements MigrationInterface {
  name = 'Privacy1765220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_deletion_requests (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        requested_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX account_deletion_requests_due ON account_deletion_requests (due_at)`);
    // The rbac migration seeds from the current matrix: on a new database this is already so.
    await q.query(`UPDATE role_permissions SET role = 'user' WHERE permission = 'export:create:own'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE role_permissions SET role = 'premium' WHERE permission = 'export:create:own'`);
    await q.query(`DROP TABLE account_deletion_requests`);
  }
}
