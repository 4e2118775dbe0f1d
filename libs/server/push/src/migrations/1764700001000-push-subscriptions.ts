import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push subscriptions, one per browser (its endpoint is unique: a browser re-subscribing keeps its
 * row; an endpoint another account held moves to the caller). Removed when the push service says 404/410.
 */
export class PushSubscriptions1764700001000 implements MigrationInterface {
  name = 'PushSubscriptions1764700001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE push_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        endpoint text NOT NULL UNIQUE CHECK (length(endpoint) <= 2048),
        p256dh text NOT NULL,
        auth text NOT NULL,
        device_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_success_at timestamptz,
        last_failure_at timestamptz,
        failure_count int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE push_subscriptions`);
  }
}
