import type { MigrationInterface, QueryRunner } from 'typeorm';

// The permissions of the feature, granted to every account (the matrix in @pa/shared-domain).
const GRANTS = [
  ['webhook:read:own', 'webhook', 'read', 'own'],
  ['webhook:write:own', 'webhook', 'write', 'own'],
] as const;

/**
 * Outgoing webhooks: a person's endpoints (the signing secret sealed with MFA_ENCRYPTION_KEY, since it
 * must be read back to sign) and the delivery log, one row per (endpoint, event): the unique pair is
 * what makes a duplicate event deliver once.
 */
export class Webhooks1796537542348 implements MigrationInterface {
  name = 'Webhooks1796537542348';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        url text NOT NULL,
        events text[] NOT NULL,
        secret_sealed bytea NOT NULL,
        secret_hint text NOT NULL,
        consecutive_failures int NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_user ON webhook_endpoints (user_id, created_at)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        status_code int,
        error text,
        duration_ms int,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (endpoint_id, created_at DESC)`,
    );
    for (const [name, resource, action, scope] of GRANTS) {
      await q.query(
        `INSERT INTO permissions (name, resource, action, scope) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [name, resource, action, scope],
      );
      await q.query(
        `INSERT INTO role_permissions (role, permission) VALUES ('user', $1) ON CONFLICT DO NOTHING`,
        [name],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const names = GRANTS.map(([name]) => name);
    await q.query(`DELETE FROM role_permissions WHERE permission = ANY($1::text[])`, [names]);
    await q.query(`DELETE FROM permissions WHERE name = ANY($1::text[])`, [names]);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
