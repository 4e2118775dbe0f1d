import 'fake-indexeddb/auto';
import { openOfflineDb, type OfflineDb } from './offlineDb';
import { createOutbox, TASK_NOT_ADDED, type Landed, type Outbox, type OutboxOptions } from './outbox';
import { idbOutboxStorage, memoryOutboxStorage, type OutboxStorage } from './outboxStorage';
import { pendingTaskId, type OutboxItem } from './outboxTypes';

// The outbox over IndexedDB (fake-indexeddb stands in for the browser's here; the end-to-end tests use
// Chromium's own). A fake API stores what it gets once per client id, as the real one does.

class Lost extends Error {
  constructor() {
    super('network');
  }
}
class Refused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The API: messages and tasks stored once per client id, task states set idempotently. */
class FakeApi {
  /** Every request received, in order (retries included). */
  received: string[] = [];
  messages: { clientId: string; body: string }[] = [];
  tasks = new Map<string, { title: string; done: boolean; clientId: string | null }>();
  /** The kinds of the task edits applied, in order. */
  edits: string[] = [];
  /** Makes the next requests fail: 'offline' (nothing reaches the API) or 'lost' (stored, answer lost). */
  failures: ('offline' | 'lost' | 'refuse')[] = [];
  online = true;
  private nextTask = 1;

  async send(item: OutboxItem): Promise<Landed> {
    await Promise.resolve();
    if (!this.online) throw new Lost();
    const failure = this.failures.shift();
    if (failure === 'offline') throw new Lost();
    if (failure === 'refuse') throw new Refused('INVALID_TASK');
    this.received.push(`${item.action.kind}:${item.clientId}`);
    const landed = this.apply(item);
    if (failure === 'lost') throw new Lost();
    return landed;
  }

  private apply(item: OutboxItem): Landed {
    const { action } = item;
    switch (action.kind) {
      case 'sendMessage': {
        let stored = this.messages.find((m) => m.clientId === item.clientId);
        if (!stored) {
          stored = { clientId: item.clientId, body: action.body };
          this.messages.push(stored);
        }
        return { result: stored };
      }
      case 'createTask': {
        for (const [id, task] of this.tasks)
          if (task.clientId === item.clientId) return { createdTaskId: id };
        const id = `task-${this.nextTask++}`;
        this.tasks.set(id, { title: action.title, done: false, clientId: item.clientId });
        return { createdTaskId: id };
      }
      case 'completeTask':
      case 'reopenTask': {
        const task = this.tasks.get(action.taskId);
        if (!task) throw new Refused('TASK_NOT_FOUND');
        task.done = action.kind === 'completeTask';
        return {};
      }
      case 'deleteTask':
        if (!this.tasks.delete(action.taskId)) throw new Refused('TASK_NOT_FOUND');
        return {};
      default: {
        // Edits: a rename changes the title; the others only need the task to exist here.
        const task = this.tasks.get(action.taskId);
        if (!task) throw new Refused('TASK_NOT_FOUND');
        if (action.kind === 'renameTask') task.title = action.title;
        this.edits.push(action.kind);
        return {};
      }
    }
  }
}

const judge: OutboxOptions['judge'] = (error, item) => {
  if (error instanceof Refused) {
    if (error.code === 'TASK_NOT_FOUND' && item.action.kind === 'deleteTask')
      return { verdict: 'landed', failure: { code: error.code, message: '' } };
    return { verdict: 'failed', failure: { code: error.code, message: 'refused' } };
  }
  return { verdict: 'retry', failure: { code: 'NETWORK_ERROR', message: 'network' } };
};

/** Web Locks as the browser gives them: one holder per name, the others wait in turn. */
function fakeLocks(): Pick<LockManager, 'request'> {
  const tails = new Map<string, Promise<unknown>>();
  const request = (name: string, callback: () => Promise<unknown>) => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(callback, callback);
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
  return { request } as unknown as Pick<LockManager, 'request'>;
}

let counter = 0;
let db: OfflineDb;
let storage: OutboxStorage;
const timers: (() => void)[] = [];

beforeEach(async () => {
  counter += 1;
  db = await openOfflineDb(`outbox-test-${counter}`);
  storage = idbOutboxStorage(db);
  timers.length = 0;
});
afterEach(() => db.close());

function outboxFor(api: FakeApi, extra: Partial<OutboxOptions> = {}): Outbox {
  let ids = 0;
  return createOutbox({
    storage,
    send: (item) => api.send(item),
    judge,
    online: () => api.online,
    newClientId: () => `client-${counter}-${++ids}-${Math.random().toString(36).slice(2, 8)}`,
    retryDelayMs: () => 1000,
    // Retries run when the test says so.
    setTimer: (callback) => timers.push(callback),
    clearTimer: () => undefined,
    ...extra,
  });
}

const bodies = (api: FakeApi) => api.messages.map((m) => m.body);
const message = (body: string) => ({
  kind: 'sendMessage' as const,
  conversationId: 'c1',
  parentId: null,
  body,
});

describe('outbox', () => {
  it('sends what is queued in order, each once, and empties', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    await outbox.add(message('one'));
    await outbox.add(message('two'));
    await outbox.add(message('three'));
    await outbox.drain();
    expect(bodies(api)).toEqual(['one', 'two', 'three']);
    expect(api.received).toHaveLength(3);
    expect(outbox.items()).toEqual([]);
    expect(await storage.list('u1')).toEqual([]);
  });

  it('keeps what is made offline as waiting, and sends it in order once back online', async () => {
    const api = new FakeApi();
    api.online = false;
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    await outbox.add(message('first'));
    await outbox.add(message('second'));
    await outbox.drain();
    expect(api.received).toEqual([]);
    expect(outbox.items().map((i) => [i.action.kind === 'sendMessage' && i.action.body, i.state])).toEqual([
      ['first', 'waiting'],
      ['second', 'waiting'],
    ]);

    api.online = true;
    await outbox.drain();
    expect(bodies(api)).toEqual(['first', 'second']);
    expect(outbox.items()).toEqual([]);
  });

  it('sends nothing without a session that can send (opened offline, or signed out)', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', false);
    await outbox.add(message('later'));
    await outbox.drain();
    expect(api.received).toEqual([]);
    outbox.setUser('u1', true);
    await outbox.drain();
    expect(bodies(api)).toEqual(['later']);
  });

  it('after a lost answer, tries again later with the same client id: stored once, nothing overtakes it', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    api.failures = ['lost'];
    await outbox.add(message('answer lost'));
    await outbox.add(message('after it'));
    await outbox.drain();
    // Stored by the API, but the page does not know: it waits to try again, and the next one waits too.
    expect(bodies(api)).toEqual(['answer lost']);
    expect(outbox.items().map((i) => [i.state, i.attempts])).toEqual([
      ['waiting', 1],
      ['waiting', 0],
    ]);
    expect(timers).toHaveLength(1);

    timers[0]?.();
    await outbox.drain();
    expect(bodies(api)).toEqual(['answer lost', 'after it']);
    const [first, again] = api.received;
    expect(again).toBe(first);
    expect(outbox.items()).toEqual([]);
  });

  it('survives a reload: a new page sends what the closed one queued, once, in order', async () => {
    const api = new FakeApi();
    api.online = false;
    const closed = outboxFor(api);
    closed.setUser('u1', true);
    await closed.add(message('typed on the train'));
    await closed.add({ kind: 'createTask', title: 'buy milk', parentId: null });
    closed.dispose();

    api.online = true;
    const reopened = outboxFor(api);
    reopened.setUser('u1', true);
    await reopened.drain();
    expect(bodies(api)).toEqual(['typed on the train']);
    expect([...api.tasks.values()].map((t) => t.title)).toEqual(['buy milk']);
    expect(await storage.list('u1')).toEqual([]);
  });

  it('sends again an item that was on its way when the page closed (the API keeps it once)', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', false);
    const item = await outbox.add(message('in flight'));
    // The page closed between sending and hearing back: the item is still marked as being sent.
    await storage.update(item.seq, { state: 'sending' });
    api.messages.push({ clientId: item.clientId, body: 'in flight' });

    const next = outboxFor(api);
    next.setUser('u1', true);
    await next.drain();
    expect(api.received).toEqual([`sendMessage:${item.clientId}`]);
    expect(bodies(api)).toEqual(['in flight']);
    expect(await storage.list('u1')).toEqual([]);
  });

  it('keeps a refused item with its reason (never dropped), goes on with the others, and retries or discards it', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    api.failures = ['refuse'];
    await outbox.add({ kind: 'createTask', title: 'x', parentId: null });
    await outbox.add(message('not held back'));
    await outbox.drain();
    expect(bodies(api)).toEqual(['not held back']);
    const [refused] = outbox.items();
    expect(refused).toMatchObject({ state: 'failed', failure: { code: 'INVALID_TASK' } });

    await outbox.retry(refused?.clientId ?? '');
    expect([...api.tasks.values()].map((t) => t.title)).toEqual(['x']);
    expect(outbox.items()).toEqual([]);

    api.failures = ['refuse'];
    await outbox.add({ kind: 'createTask', title: 'y', parentId: null });
    await outbox.drain();
    const discarded = await outbox.discard(outbox.items()[0]?.clientId ?? '');
    expect(discarded?.action).toMatchObject({ title: 'y' });
    expect(outbox.items()).toEqual([]);
  });

  it('completes a task added offline by its real id once the task exists, also across a reload', async () => {
    const api = new FakeApi();
    api.online = false;
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    const created = await outbox.add({ kind: 'createTask', title: 'water plants', parentId: null });
    await outbox.add({
      kind: 'completeTask',
      taskId: pendingTaskId(created.clientId),
      title: 'water plants',
    });

    // The creation lands, then the network drops before the completion goes.
    api.online = true;
    api.failures = [];
    const send = api.send.bind(api);
    let calls = 0;
    const flaky = outboxFor(api, {
      send: async (item) => {
        calls += 1;
        if (calls === 2) throw new Lost();
        return send(item);
      },
    });
    outbox.dispose();
    flaky.setUser('u1', true);
    await flaky.drain();
    const [waiting] = await storage.list('u1');
    expect(waiting?.action).toEqual({ kind: 'completeTask', taskId: 'task-1', title: 'water plants' });
    flaky.dispose();

    const reopened = outboxFor(api);
    reopened.setUser('u1', true);
    await reopened.drain();
    expect(api.tasks.get('task-1')).toMatchObject({ title: 'water plants', done: true });
    expect(await storage.list('u1')).toEqual([]);
  });

  it('applies edits made offline to a task added offline, in order, once back online', async () => {
    const api = new FakeApi();
    api.online = false;
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    const created = await outbox.add({ kind: 'createTask', title: 'water plants', parentId: null });
    const taskId = pendingTaskId(created.clientId);
    await outbox.add({ kind: 'renameTask', taskId, title: 'water the plants' });
    await outbox.add({
      kind: 'setTaskDueAt',
      taskId,
      title: 'water the plants',
      dueAt: '2026-12-06T18:00:00Z',
    });
    await outbox.add({ kind: 'setTaskPriority', taskId, title: 'water the plants', priority: 'HIGH' });
    await outbox.add({ kind: 'moveTask', taskId, title: 'water the plants', place: 1 });
    await outbox.drain();
    expect(api.tasks.size).toBe(0);

    api.online = true;
    await outbox.drain();
    expect(api.tasks.get('task-1')).toMatchObject({ title: 'water the plants' });
    expect(api.edits).toEqual(['renameTask', 'setTaskDueAt', 'setTaskPriority', 'moveTask']);
    expect(outbox.items()).toEqual([]);
  });

  it('undoes on a task by the id it was shown with before its creation landed', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    const created = await outbox.add({ kind: 'createTask', title: 'stretch', parentId: null });
    await outbox.drain();
    // The page still shows the task under its pending id when the person taps Done.
    await outbox.add({ kind: 'completeTask', taskId: pendingTaskId(created.clientId), title: 'stretch' });
    await outbox.drain();
    expect(api.tasks.get('task-1')).toMatchObject({ title: 'stretch', done: true });
    expect(outbox.items()).toEqual([]);
  });

  it('fails what was queued on a task that could not be added, and brings it back with a retry', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    api.online = false;
    const created = await outbox.add({ kind: 'createTask', title: 'bad', parentId: null });
    await outbox.add({ kind: 'completeTask', taskId: pendingTaskId(created.clientId), title: 'bad' });
    api.online = true;
    api.failures = ['refuse'];
    await outbox.drain();
    expect(outbox.items().map((i) => [i.action.kind, i.state, i.failure?.code])).toEqual([
      ['createTask', 'failed', 'INVALID_TASK'],
      ['completeTask', 'failed', TASK_NOT_ADDED.code],
    ]);

    await outbox.retry(created.clientId);
    expect(outbox.items()).toEqual([]);
    expect([...api.tasks.values()]).toEqual([{ title: 'bad', done: true, clientId: created.clientId }]);
  });

  it('discarding a queued task discards what was queued on it', async () => {
    const api = new FakeApi();
    api.online = false;
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    const created = await outbox.add({ kind: 'createTask', title: 'never mind', parentId: null });
    await outbox.add({ kind: 'completeTask', taskId: pendingTaskId(created.clientId), title: 'never mind' });
    await outbox.add(message('kept'));
    await outbox.discard(created.clientId);
    expect(outbox.items().map((i) => i.action.kind)).toEqual(['sendMessage']);
  });

  it('counts deleting a task that is already gone as done', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    await outbox.add({ kind: 'deleteTask', taskId: 'task-404', title: 'gone' });
    await outbox.drain();
    expect(outbox.items()).toEqual([]);
  });

  it('two tabs sending the same outbox at once send each item once, in order (Web Locks)', async () => {
    const api = new FakeApi();
    api.online = false;
    const locks = fakeLocks();
    const tabA = outboxFor(api, { locks });
    const tabB = outboxFor(api, { locks });
    tabA.setUser('u1', true);
    tabB.setUser('u1', true);
    for (const body of ['a', 'b', 'c', 'd']) await (body < 'c' ? tabA : tabB).add(message(body));
    api.online = true;
    await Promise.all([tabA.drain(), tabB.drain(), tabA.drain()]);
    expect(bodies(api)).toEqual(['a', 'b', 'c', 'd']);
    expect(api.received).toHaveLength(4);
  });

  it('without Web Locks, tabs may both send an item, and the API still stores it once', async () => {
    const api = new FakeApi();
    api.online = false;
    const tabA = outboxFor(api);
    const tabB = outboxFor(api);
    tabA.setUser('u1', true);
    tabB.setUser('u1', true);
    await tabA.add(message('a'));
    await tabA.add(message('b'));
    api.online = true;
    await Promise.all([tabA.drain(), tabB.drain()]);
    expect(bodies(api)).toEqual(['a', 'b']);
    expect(await storage.list('u1')).toEqual([]);
  });

  it('tells listeners what landed, before it leaves the outbox', async () => {
    const api = new FakeApi();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    const seen: [string, unknown, number][] = [];
    outbox.onLanded((item, landed) => seen.push([item.clientId, landed.result, outbox.items().length]));
    const item = await outbox.add(message('hello'));
    await outbox.drain();
    expect(seen).toEqual([[item.clientId, { clientId: item.clientId, body: 'hello' }, 1]]);
  });

  it("shows and sends one person's items only, and forgets a person's items on sign-out", async () => {
    const api = new FakeApi();
    api.online = false;
    const outbox = outboxFor(api);
    outbox.setUser('alex', true);
    await outbox.add(message('from alex'));
    outbox.setUser('sam', true);
    await outbox.add(message('from sam'));
    await outbox.drain();
    expect(outbox.items().map((i) => i.userId)).toEqual(['sam']);

    await outbox.clearUser('sam');
    expect(outbox.items()).toEqual([]);
    expect(await storage.list('alex')).toHaveLength(1);
    await storage.clearOthers('sam');
    expect(await storage.list('alex')).toEqual([]);
  });

  it('works the same in memory where IndexedDB is unavailable', async () => {
    const api = new FakeApi();
    storage = memoryOutboxStorage();
    const outbox = outboxFor(api);
    outbox.setUser('u1', true);
    api.failures = ['lost'];
    await outbox.add(message('m1'));
    await outbox.add(message('m2'));
    await outbox.drain();
    timers[0]?.();
    await outbox.drain();
    expect(bodies(api)).toEqual(['m1', 'm2']);
    expect(outbox.items()).toEqual([]);
  });
});
