import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents (docs/privacy.md): one row per acceptance of a document's version, `withdrawn_at` set when
 * the person takes it back (SMS). Rows go with the account. People who already had an active number
 * and a verified phone asked for texts before consents were recorded: their SMS consent is recorded
 * as `migration` so their reminders keep coming; terms and privacy are asked at their next visit.
 */
export class Consents1796537602231 implements MigrationInterface {
  name = 'Consents1796537602231';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('terms', 'privacy', 'sms')),
        version text NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
        granted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        withdrawn_at timestamptz,
        source text NOT NULL CHECK (source IN ('sign_up', 'prompt', 'settings', 'number', 'migration')),
        CHECK (withdrawn_at IS NULL OR withdrawn_at >= granted_at)
      )`);
    // One standing acceptance per document version: accepting twice is a no-op.
    await q.query(
      `CREATE UNIQUE INDEX consents_standing ON consents (user_id, kind, version) WHERE withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX consents_user ON consents (user_id, kind, granted_at DESC)`);
    await q.query(`
      INSERT INTO consents (user_id, kind, version, source)
      SELECT DISTINCT n.user_id, 'sms', '2026-12-01', 'migration' FROM user_phone_numbers n
        JOIN mfa_factors f ON f.user_id = n.user_id AND f.kind = 'sms' AND f.confirmed_at IS NOT NULL
       WHERE n.status = 'active' AND n.user_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consents`);
  }
}
