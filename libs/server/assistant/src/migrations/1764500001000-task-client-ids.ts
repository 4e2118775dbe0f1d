import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client id on tasks made from the web: an app that was offline sends its queued "add task" again
 * with the same id, and the task is stored once (as messages are, per person and client id).
 */
export class TaskClientIds1764500001000 implements MigrationInterface {
  name = 'TaskClientIds1764500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN client_id text`);
    await q.query(
      `CREATE UNIQUE INDEX tasks_user_client_id ON tasks (user_id, client_id) WHERE client_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_user_client_id`);
    await q.query(`ALTER TABLE tasks DROP COLUMN client_id`);
  }
}
