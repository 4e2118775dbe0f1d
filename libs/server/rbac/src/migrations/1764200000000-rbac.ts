import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PERMISSIONS, ROLES, ROLE_DEFINITIONS } from '@pa/shared-domain';

/**
 * Roles (each with its parent), permissions, what each role adds, and each person's role, seeded
 * from the matrix in `@pa/shared-domain`. Every existing account starts as `user`. The audit log
 * gains the permission and resource of authorization decisions.
 */
export class Rbac1764200000000 implements MigrationInterface {
  name = 'Rbac1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roles (
        name text PRIMARY KEY,
        parent text REFERENCES roles(name),
        rank int NOT NULL UNIQUE,
        description text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE permissions (
        name text PRIMARY KEY CHECK (name ~ '^[a-z_]+:[a-z_]+:(own|any)$'),
        resource text NOT NULL,
        action text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('own', 'any'))
      )`);
    await q.query(`
      CREATE TABLE role_permissions (
        role text NOT NULL REFERENCES roles(name) ON DELETE CASCADE,
        permission text NOT NULL REFERENCES permissions(name) ON DELETE CASCADE,
        PRIMARY KEY (role, permission)
      )`);
    await q.query(`
      CREATE TABLE user_roles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL REFERENCES roles(name),
        granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        granted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_roles_role ON user_roles (role)`);

    // Parents before children: the matrix lists roles from the root down.
    for (const role of ROLES) {
      const def = ROLE_DEFINITIONS[role];
      await q.query(`INSERT INTO roles (name, parent, rank, description) VALUES ($1, $2, $3, $4)`, [
        role,
        def.parent,
        def.rank,
        def.description,
      ]);
    }
    for (const permission of PERMISSIONS) {
      const [resource, action, scope] = permission.split(':');
      await q.query(`INSERT INTO permissions (name, resource, action, scope) VALUES ($1, $2, $3, $4)`, [
        permission,
        resource,
        action,
        scope,
      ]);
    }
    for (const role of ROLES) {
      for (const permission of ROLE_DEFINITIONS[role].grants) {
        await q.query(`INSERT INTO role_permissions (role, permission) VALUES ($1, $2)`, [role, permission]);
      }
    }
    await q.query(`INSERT INTO user_roles (user_id, role) SELECT id, 'user' FROM users`);

    await q.query(`ALTER TABLE audit_log ADD COLUMN permission text`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN resource_type text`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN resource_id text`);
    await q.query(`CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_at`);
    await q.query(`DROP INDEX audit_log_actor_at`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN resource_id`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN resource_type`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN permission`);
    await q.query(`DROP TABLE user_roles`);
    await q.query(`DROP TABLE role_permissions`);
    await q.query(`DROP TABLE permissions`);
    await q.query(`DROP TABLE roles`);
  }
}
