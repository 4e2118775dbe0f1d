import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp } from '../testing/people';

// The web app's outbox sends queued task actions again after a lost answer or a reload: each must land
// once. `createTask` dedupes by client id; completing, reopening and deleting are safe to repeat.

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const CREATE = `mutation C($title: String!, $clientId: String, $parentId: ID) {
  createTask(title: $title, clientId: $clientId, parentId: $parentId) { id title clientId position parentId }
}`;
type Created = {
  createTask: {
    id: string;
    title: string;
    clientId: string | null;
    position: number;
    parentId: string | null;
  };
};

async function storedTitles(userId: string): Promise<string[]> {
  const rows = (await t.runtime.dataSource.query(
    `SELECT title FROM tasks WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  )) as { title: string }[];
  return rows.map((r) => r.title);
}

describe('createTask with a client id', () => {
  it('stores the task once when the same client id is sent again, and answers with the stored task', async () => {
    const p = await signUp(t);
    const first = await as<Created>(t, p, CREATE, {
      title: 'water the plants',
      clientId: 'outbox-task-0001',
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.createTask).toMatchObject({
      title: 'water the plants',
      clientId: 'outbox-task-0001',
    });
    const again = await as<Created>(t, p, CREATE, {
      title: 'water the plants',
      clientId: 'outbox-task-0001',
    });
    expect(again.body.data?.createTask.id).toBe(first.body.data?.createTask.id);
    expect(await storedTitles(p.id)).toEqual(['water the plants']);

    // Without a client id every call adds a task, as before.
    await as<Created>(t, p, CREATE, { title: 'buy stamps' });
    await as<Created>(t, p, CREATE, { title: 'buy stamps' });
    expect(await storedTitles(p.id)).toEqual(['water the plants', 'buy stamps', 'buy stamps']);
  });

  it('stores one task when the same client id arrives twice at once', async () => {
    const p = await signUp(t);
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        as<Created>(t, p, CREATE, { title: 'call the bank', clientId: 'outbox-race-0001' }),
      ),
    );
    const ids = new Set(answers.map((a) => a.body.data?.createTask.id));
    expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined]);
    expect(ids.size).toBe(1);
    expect(await storedTitles(p.id)).toEqual(['call the bank']);
  });

  it('keeps client ids per person, puts the task at the end of the list and refuses a malformed id', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    await as<Created>(t, a, CREATE, { title: 'first', clientId: 'outbox-shared-01' });
    const second = await as<Created>(t, a, CREATE, { title: 'second', clientId: 'outbox-shared-02' });
    const other = await as<Created>(t, b, CREATE, { title: 'not yours', clientId: 'outbox-shared-01' });
    expect(other.body.data?.createTask.title).toBe('not yours');
    expect(await storedTitles(b.id)).toEqual(['not yours']);
    expect(second.body.data?.createTask.position).toBe(2);

    const step = await as<Created>(t, a, CREATE, {
      title: 'a step',
      clientId: 'outbox-step-0001',
      parentId: second.body.data?.createTask.id,
    });
    expect(step.body.data?.createTask).toMatchObject({
      parentId: second.body.data?.createTask.id,
      position: 1,
    });

    expect(codeOf(await as(t, a, CREATE, { title: 'bad id', clientId: 'no spaces allowed' }))).toBe(
      'INVALID_CLIENT_ID',
    );
    expect(codeOf(await as(t, a, CREATE, { title: '   ', clientId: 'outbox-empty-01' }))).toBe(
      'INVALID_TASK',
    );
    expect(await storedTitles(a.id)).toEqual(['first', 'second', 'a step']);
  });

  it('completing or reopening twice changes nothing more, and deleting again answers TASK_NOT_FOUND', async () => {
    const p = await signUp(t);
    const created = await as<Created>(t, p, CREATE, { title: 'fold laundry', clientId: 'outbox-repeat-01' });
    const id = created.body.data?.createTask.id;
    const complete = 'mutation D($id: ID!) { completeTask(id: $id) { id doneAt } }';
    const done1 = await as<{ completeTask: { doneAt: string } }>(t, p, complete, { id });
    const done2 = await as<{ completeTask: { doneAt: string } }>(t, p, complete, { id });
    expect(done2.body.data?.completeTask.doneAt).toBe(done1.body.data?.completeTask.doneAt);
    const reopen = 'mutation R($id: ID!) { reopenTask(id: $id) { id doneAt } }';
    await as(t, p, reopen, { id });
    const reopened = await as<{ reopenTask: { doneAt: string | null } }>(t, p, reopen, { id });
    expect(reopened.body.data?.reopenTask.doneAt).toBeNull();
    const remove = 'mutation X($id: ID!) { deleteTask(id: $id) }';
    expect((await as(t, p, remove, { id })).body.data).toEqual({ deleteTask: true });
    expect(codeOf(await as(t, p, remove, { id }))).toBe('TASK_NOT_FOUND');
    expect(await storedTitles(p.id)).toEqual([]);
  });
});
