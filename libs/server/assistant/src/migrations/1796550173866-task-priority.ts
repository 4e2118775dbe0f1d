import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A task's priority (high, normal, low): set from the Today view, shown with a word, not colour alone. */
export class TaskPriority1796550173866 implements MigrationInterface {
  name = 'TaskPriority1796550173866';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tasks ADD COLUMN priority text NOT NULL DEFAULT 'normal'
         CONSTRAINT tasks_priority_check CHECK (priority IN ('high', 'normal', 'low'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN priority`);
  }
}
