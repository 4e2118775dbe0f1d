import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, isUuid, type ProductMetrics, type PubSub } from '@pa/server-core';
import { CLIENT_ID_PATTERN, TASK_TITLE_MAX } from '@pa/shared-domain';
import { Task, TaskPriorityEnum } from './task.entity';
import { AssistantErrorCode, assistantError } from './assistant.errors';
import './assistant.topics';

const COLUMNS = `id, user_id, title, parent_id, position, done_at, due_at, priority, client_id, created_at`;
type Db = DataSource | EntityManager;

interface TaskRow {
  id: string;
  user_id: string;
  title: string;
  parent_id: string | null;
  position: number;
  done_at: Date | null;
  due_at: Date | null;
  priority: TaskPriorityEnum;
  client_id: string | null;
  created_at: Date;
}

const toTask = (r: TaskRow): Task =>
  Object.assign(new Task(), {
    id: r.id,
    userId: r.user_id,
    title: r.title,
    parentId: r.parent_id,
    position: r.position,
    doneAt: r.done_at,
    dueAt: r.due_at,
    priority: r.priority,
    clientId: r.client_id,
    createdAt: r.created_at,
  });

/** A task title as stored: trimmed, one line, 1–500 characters. */
export function parseTaskTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (title.length === 0 || [...title].length > TASK_TITLE_MAX)
    throw assistantError(AssistantErrorCode.INVALID_TASK);
  return title;
}

/**
 * Tasks and their steps, scoped by owner. Methods take an optional transaction so the assistant can
 * apply a whole reply at once; callers publish `todayChanged` after committing (`changed`).
 */
export class TaskService {
  /** Called with the tasks a call marked done, after its commit (e.g. webhook events). Must not throw. */
  readonly completed: ((userId: string, tasks: Task[]) => void)[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly pubSub: PubSub,
    /** Tasks created and completed are counted once their transaction commits. */
    private readonly metrics?: ProductMetrics,
  ) {}

  /** Open top-level tasks in list order (the numbering people see), or the recently done ones. */
  async list(
    userId: string,
    done = false,
    db: Db = this.ds,
    limit = 200,
    order: 'list' | 'due' = 'list',
  ): Promise<Task[]> {
    // "due": soonest deadline first, the rest in list order (one sort, no extra query).
    const open =
      order === 'due' ? 'due_at ASC NULLS LAST, position, created_at, id' : 'position, created_at, id';
    const rows = (await db.query(
      done
        ? `SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND parent_id IS NULL AND done_at IS NOT NULL
            ORDER BY done_at DESC LIMIT $2`
        : `SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND parent_id IS NULL AND done_at IS NULL
            ORDER BY ${open} LIMIT $2`,
      [userId, limit],
    )) as TaskRow[];
    return rows.map(toTask);
  }

  /** Sets or clears a task's deadline; the task as it now is. */
  async setDue(userId: string, id: string, dueAt: Date | null, db: Db = this.ds): Promise<Task> {
    return this.update(userId, id, 'due_at', dueAt, db);
  }

  /** Gives a task a new title (trimmed, one line, 1–500 characters). */
  async rename(userId: string, id: string, title: string, db: Db = this.ds): Promise<Task> {
    return this.update(userId, id, 'title', parseTaskTitle(title), db);
  }

  /** Sets a task's priority. */
  async setPriority(userId: string, id: string, priority: TaskPriorityEnum, db: Db = this.ds): Promise<Task> {
    return this.update(userId, id, 'priority', priority, db);
  }

  // One column of one of the caller's tasks (the column is one of ours, never the caller's text).
  private async update(
    userId: string,
    id: string,
    column: 'due_at' | 'title' | 'priority',
    value: unknown,
    db: Db,
  ): Promise<Task> {
    if (!isUuid(id)) throw assistantError(AssistantErrorCode.TASK_NOT_FOUND);
    const rows = (await db.query(
      `UPDATE tasks SET ${column} = $3, updated_at = now() WHERE user_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [userId, id, value],
    )) as [TaskRow[], number];
    const row = rows[0]?.[0];
    if (!row) throw assistantError(AssistantErrorCode.TASK_NOT_FOUND);
    return toTask(row);
  }

  /**
   * Moves an open task (or step) to a place in its list (1 = first; past the end = last) and numbers
   * the list again, in one transaction. Returns the task as it now is.
   */
  async move(userId: string, id: string, place: number): Promise<Task> {
    return this.ds.transaction(async (m) => {
      const task = await this.get(userId, id, m);
      if (task.doneAt) throw assistantError(AssistantErrorCode.TASK_NOT_FOUND);
      // Locks the siblings so two moves at once cannot interleave their numbering.
      const rows = (await m.query(
        `SELECT id FROM tasks WHERE user_id = $1 AND parent_id IS NOT DISTINCT FROM $2::uuid AND done_at IS NULL
          ORDER BY position, created_at, id FOR UPDATE`,
        [userId, task.parentId],
      )) as { id: string }[];
      const ids = rows.map((r) => r.id).filter((x) => x !== id);
      ids.splice(Math.min(Math.max(place, 1), ids.length + 1) - 1, 0, id);
      await m.query(
        `UPDATE tasks SET position = u.n, updated_at = now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)
          WHERE tasks.user_id = $1 AND tasks.id = u.id AND tasks.position <> u.n`,
        [userId, ids],
      );
      return this.get(userId, id, m);
    });
  }

  /** The steps of several tasks, in one query. */
  async steps(parentIds: readonly string[]): Promise<Map<string, Task[]>> {
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM tasks WHERE parent_id = ANY($1::uuid[]) ORDER BY position, created_at, id`,
      [parentIds],
    )) as TaskRow[];
    const out = new Map<string, Task[]>();
    for (const r of rows) out.set(r.parent_id ?? '', [...(out.get(r.parent_id ?? '') ?? []), toTask(r)]);
    return out;
  }

  async get(userId: string, id: string, db: Db = this.ds): Promise<Task> {
    const rows = isUuid(id)
      ? ((await db.query(`SELECT ${COLUMNS} FROM tasks WHERE id = $1 AND user_id = $2`, [
          id,
          userId,
        ])) as TaskRow[])
      : [];
    if (!rows[0]) throw assistantError(AssistantErrorCode.TASK_NOT_FOUND);
    return toTask(rows[0]);
  }

  /** Adds tasks at the end of the list (or as steps of `parentId`), in the order given. */
  async create(
    userId: string,
    titles: string[],
    options: { parentId?: string | null; sourceMessageId?: string | null; dueAt?: Date | null } = {},
    db: Db = this.ds,
  ): Promise<Task[]> {
    const clean = titles.map(parseTaskTitle);
    if (clean.length === 0) return [];
    const parentId = options.parentId ?? null;
    if (parentId) await this.get(userId, parentId, db);
    const rows = (await db.query(
      `WITH base AS (
         SELECT COALESCE(max(position), 0) AS p FROM tasks
          WHERE user_id = $1 AND parent_id IS NOT DISTINCT FROM $2::uuid AND done_at IS NULL)
       INSERT INTO tasks (user_id, title, parent_id, position, source_message_id, due_at)
       SELECT $1, t.title, $2::uuid, base.p + t.n, $4::uuid, $5::timestamptz
         FROM base, unnest($3::text[]) WITH ORDINALITY AS t(title, n)
       RETURNING ${COLUMNS}`,
      [userId, parentId, clean, options.sourceMessageId ?? null, options.dueAt ?? null],
    )) as TaskRow[];
    afterCommit(db, () => this.metrics?.tasksCreated.inc(rows.length));
    return rows.map(toTask).sort((a, b) => a.position - b.position);
  }

  /**
   * Adds one task for a client that names it with a client id: the same client id again (an offline
   * app sending its queue after an answer was lost) returns the stored task and adds nothing.
   */
  async createOnce(
    userId: string,
    title: string,
    clientId: string,
    options: { parentId?: string | null } = {},
  ): Promise<{ task: Task; created: boolean }> {
    if (!CLIENT_ID_PATTERN.test(clientId)) throw assistantError(AssistantErrorCode.INVALID_CLIENT_ID);
    const existing = await this.byClientId(userId, clientId);
    if (existing) return { task: existing, created: false };
    const clean = parseTaskTitle(title);
    const parentId = options.parentId ?? null;
    if (parentId) await this.get(userId, parentId);
    const rows = (await this.ds.query(
      `INSERT INTO tasks (user_id, title, parent_id, position, client_id)
       SELECT $1, $3, $2::uuid, COALESCE(max(position), 0) + 1, $4 FROM tasks
        WHERE user_id = $1 AND parent_id IS NOT DISTINCT FROM $2::uuid AND done_at IS NULL
       ON CONFLICT (user_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [userId, parentId, clean, clientId],
    )) as TaskRow[];
    if (rows[0]) {
      this.metrics?.tasksCreated.inc();
      return { task: toTask(rows[0]), created: true };
    }
    // A concurrent request with the same client id won the race: answer with its task.
    const winner = await this.byClientId(userId, clientId);
    if (!winner) throw assistantError(AssistantErrorCode.TASK_NOT_FOUND);
    return { task: winner, created: false };
  }

  private async byClientId(userId: string, clientId: string): Promise<Task | undefined> {
    const rows = (await this.ds.query(`SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND client_id = $2`, [
      userId,
      clientId,
    ])) as TaskRow[];
    return rows[0] ? toTask(rows[0]) : undefined;
  }

  /** Marks tasks done (their steps too); returns those that changed. */
  async complete(userId: string, ids: string[], db: Db = this.ds): Promise<Task[]> {
    return this.setDone(userId, ids, true, db);
  }

  /** Puts done tasks back on the list. */
  async reopen(userId: string, ids: string[], db: Db = this.ds): Promise<Task[]> {
    return this.setDone(userId, ids, false, db);
  }

  private async setDone(userId: string, ids: string[], done: boolean, db: Db): Promise<Task[]> {
    const valid = ids.filter((id) => isUuid(id));
    if (valid.length === 0) return [];
    const [rows] = (await db.query(
      `UPDATE tasks SET done_at = ${done ? 'clock_timestamp()' : 'NULL'}, updated_at = now()
        WHERE user_id = $1 AND (id = ANY($2::uuid[]) OR parent_id = ANY($2::uuid[]))
          AND done_at IS ${done ? 'NULL' : 'NOT NULL'}
        RETURNING ${COLUMNS}`,
      [userId, valid],
    )) as [TaskRow[], number];
    const changed = rows.map(toTask).filter((t) => valid.includes(t.id));
    if (done && changed.length > 0)
      afterCommit(db, () => {
        this.metrics?.tasksCompleted.inc(changed.length);
        for (const hook of this.completed) hook(userId, changed);
      });
    return changed;
  }

  /** Deletes tasks (and their steps); returns how many were the caller's. */
  async delete(userId: string, ids: string[], db: Db = this.ds): Promise<number> {
    const valid = ids.filter((id) => isUuid(id));
    if (valid.length === 0) return 0;
    const [, count] = (await db.query(`DELETE FROM tasks WHERE user_id = $1 AND id = ANY($2::uuid[])`, [
      userId,
      valid,
    ])) as [unknown[], number];
    return count;
  }

  /** Tells the person's open views that their tasks changed. */
  changed(userId: string): void {
    this.pubSub.publish('todayChanged', { userId, what: 'tasks' });
  }
}
