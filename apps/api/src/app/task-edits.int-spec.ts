import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp } from '../testing/people';

// Issue #19 over real GraphQL: a task is renamed, given a priority and moved in its list from the web,
// each only by its owner, and a move numbers the list again so it reads 1, 2, 3.

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const CREATE = `mutation C($title: String!, $parentId: ID) { createTask(title: $title, parentId: $parentId) { id } }`;
const RENAME = `mutation R($id: ID!, $title: String!) { renameTask(id: $id, title: $title) { id title } }`;
const PRIORITY = `mutation P($id: ID!, $priority: TaskPriority!) { setTaskPriority(id: $id, priority: $priority) { id priority } }`;
const MOVE = `mutation M($id: ID!, $place: Int!) { moveTask(id: $id, place: $place) { id position } }`;
const LIST = `{ tasks { title position priority steps { title position } } }`;
type Person = Awaited<ReturnType<typeof signUp>>;
type Listed = { tasks: { title: string; position: number; priority: string; steps: { title: string }[] }[] };

async function create(p: Person, title: string, parentId?: string): Promise<string> {
  const res = await as<{ createTask: { id: string } }>(t, p, CREATE, { title, parentId });
  return res.body.data?.createTask.id ?? '';
}

const titles = async (p: Person) =>
  (await as<Listed>(t, p, LIST)).body.data?.tasks.map((x) => [x.title, x.position]) ?? [];

describe('editing a task from the web', () => {
  it('renames a task (trimmed, one line) and refuses an empty title', async () => {
    const p = await signUp(t);
    const id = await create(p, 'buy milk');
    const res = await as(t, p, RENAME, { id, title: '  buy oat\n milk ' });
    expect(res.body.data?.['renameTask']).toEqual({ id, title: 'buy oat milk' });
    expect(codeOf(await as(t, p, RENAME, { id, title: '   ' }))).toBe('INVALID_TASK');
    expect((await as<Listed>(t, p, LIST)).body.data?.tasks[0]?.title).toBe('buy oat milk');
  });

  it('starts at NORMAL priority and keeps the one set', async () => {
    const p = await signUp(t);
    const id = await create(p, 'call the bank');
    expect((await as<Listed>(t, p, LIST)).body.data?.tasks[0]?.priority).toBe('NORMAL');
    const res = await as(t, p, PRIORITY, { id, priority: 'HIGH' });
    expect(res.body.data?.['setTaskPriority']).toEqual({ id, priority: 'HIGH' });
    expect((await as<Listed>(t, p, LIST)).body.data?.tasks[0]?.priority).toBe('HIGH');
  });

  it('moves a task up, down and past the end, numbering the list 1, 2, 3 again', async () => {
    const p = await signUp(t);
    const a = await create(p, 'a');
    await create(p, 'b');
    const c = await create(p, 'c');
    const moved = await as(t, p, MOVE, { id: c, place: 1 });
    expect(moved.body.data?.['moveTask']).toEqual({ id: c, position: 1 });
    expect(await titles(p)).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
    await as(t, p, MOVE, { id: a, place: 99 });
    expect(await titles(p)).toEqual([
      ['c', 1],
      ['b', 2],
      ['a', 3],
    ]);
    await as(t, p, MOVE, { id: a, place: 0 });
    expect((await titles(p)).map(([title]) => title)).toEqual(['a', 'c', 'b']);
  });

  it('moves a step among its own task’s steps only', async () => {
    const p = await signUp(t);
    const parent = await create(p, 'tidy the kitchen');
    await create(p, 'other task');
    await create(p, 'dishes', parent);
    const counter = await create(p, 'counter', parent);
    await as(t, p, MOVE, { id: counter, place: 1 });
    const list = (await as<Listed>(t, p, LIST)).body.data?.tasks ?? [];
    expect(list.map((x) => x.title)).toEqual(['tidy the kitchen', 'other task']);
    expect(list[0]?.steps.map((s) => s.title)).toEqual(['counter', 'dishes']);
  });

  it('never edits another person’s task, nor a malformed or done one (TASK_NOT_FOUND)', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const id = await create(b, 'B’s task');
    expect(codeOf(await as(t, a, RENAME, { id, title: 'mine now' }))).toBe('TASK_NOT_FOUND');
    expect(codeOf(await as(t, a, PRIORITY, { id, priority: 'LOW' }))).toBe('TASK_NOT_FOUND');
    expect(codeOf(await as(t, a, MOVE, { id, place: 1 }))).toBe('TASK_NOT_FOUND');
    expect(codeOf(await as(t, a, MOVE, { id: 'not-a-uuid', place: 1 }))).toBe('TASK_NOT_FOUND');
    await as(t, b, `mutation D($id: ID!) { completeTask(id: $id) { id } }`, { id });
    expect(codeOf(await as(t, b, MOVE, { id, place: 1 }))).toBe('TASK_NOT_FOUND');
    const [row] = (await t.runtime.dataSource.query(`SELECT title, priority FROM tasks WHERE id = $1`, [
      id,
    ])) as { title: string; priority: string }[];
    expect(row).toEqual({ title: 'B’s task', priority: 'normal' });
  });

  it('is refused to a caller who is not signed in', async () => {
    const res = await as(t, { headers: {} }, RENAME, {
      id: '00000000-0000-4000-8000-000000000000',
      title: 'x',
    });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
});
