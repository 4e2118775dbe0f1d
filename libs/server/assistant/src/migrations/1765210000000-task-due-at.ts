import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A deadline said with a task ("pay rent by Friday"): kept as a due date, not in the title. */
export class TaskDueAt1765210000000 implements MigrationInterface {
  name = 'TaskDueAt1765210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN due_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN due_at`);
  }
}
