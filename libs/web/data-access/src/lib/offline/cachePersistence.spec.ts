import 'fake-indexeddb/auto';
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import type { AuthUser } from '../authStore';
import {
  createCachePersistor,
  idbSnapshotStore,
  keptPart,
  restoreUnder,
  type SnapshotStore,
} from './cachePersistence';
import { openOfflineDb, type CacheSnapshot } from './offlineDb';

const user = (id: string, displayName = 'Sam'): AuthUser => ({
  id,
  email: `${id}@example.test`,
  displayName,
  timeZone: 'Europe/Paris',
  emailVerifiedAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  role: 'USER',
  status: 'ACTIVE',
  phone: null,
  avatar: { initials: 'S', color: '#1d4ed8', imageUrl: null },
});

const TASKS = gql`
  query Tasks {
    tasks {
      id
      title
    }
  }
`;
const LOGIN = gql`
  mutation Login {
    login {
      accessToken
      sessionId
    }
  }
`;

/** An Apollo client whose "server" answers the two documents above. */
function client() {
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        observer.next(
          operation.operationName === 'Login'
            ? { data: { login: { __typename: 'AuthPayload', accessToken: 'secret-token', sessionId: 's1' } } }
            : { data: { tasks: [{ __typename: 'Task', id: 't1', title: 'buy milk' }] } },
        );
        observer.complete();
      }),
  );
  const cache = new InMemoryCache();
  return Object.assign(new ApolloClient({ link, cache }), { memory: cache });
}

function memoryStore(): SnapshotStore & { saved: CacheSnapshot[]; cleared: number } {
  const store = {
    saved: [] as CacheSnapshot[],
    cleared: 0,
    load: async () => store.saved[store.saved.length - 1],
    save: async (s: CacheSnapshot) => void store.saved.push(s),
    clear: async () => {
      store.cleared += 1;
      store.saved.length = 0;
    },
  };
  return store;
}

describe('cache persistence', () => {
  it('keeps query results and never a mutation result (the access token stays in memory)', async () => {
    const apollo = client();
    await apollo.query({ query: TASKS });
    await apollo.mutate({ mutation: LOGIN });
    const kept = keptPart(apollo.memory.extract());
    expect(JSON.stringify(kept)).not.toContain('secret-token');
    expect(kept['Task:t1']).toEqual({ __typename: 'Task', id: 't1', title: 'buy milk' });

    // Apollo 4 keeps no mutation fields today; should a version keep them, they still stay out.
    const withMutation = { ...kept, ROOT_MUTATION: { __typename: 'Mutation', login: { accessToken: 'x1' } } };
    expect(JSON.stringify(keptPart(withMutation as never))).not.toContain('x1');
  });

  it('restores a kept snapshot under what the cache already holds (newer data wins)', async () => {
    const before = client();
    await before.query({ query: TASKS });
    const kept = keptPart(before.memory.extract());

    const cache = new InMemoryCache();
    cache.writeQuery({
      query: gql`
        query Status {
          status
        }
      `,
      data: { status: 'fresh' },
    });
    cache.writeFragment({
      id: 'Task:t1',
      fragment: gql`
        fragment T on Task {
          id
          title
        }
      `,
      data: { __typename: 'Task', id: 't1', title: 'buy oat milk' },
    });
    restoreUnder(cache, kept);
    expect(cache.readQuery({ query: TASKS })).toEqual({
      tasks: [{ __typename: 'Task', id: 't1', title: 'buy oat milk' }],
    });
    expect(cache.extract()['ROOT_QUERY']).toMatchObject({ status: 'fresh' });
  });

  it('saves for the signed-in person at most once per delay, and nothing once they are gone', async () => {
    const apollo = client();
    const store = memoryStore();
    const timers: (() => void)[] = [];
    const persistor = createCachePersistor({
      cache: apollo.memory,
      store,
      delayMs: 1000,
      setTimer: (callback) => timers.push(callback),
      clearTimer: () => undefined,
    });
    persistor.changed();
    expect(timers).toHaveLength(0); // Nobody signed in: nothing to save.

    persistor.setPerson(user('u1'));
    await apollo.query({ query: TASKS });
    persistor.changed();
    persistor.changed();
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await persistor.flush();
    expect(store.saved.map((s) => [s.userId, s.user.displayName])).toEqual([['u1', 'Sam']]);
    expect(store.saved[0]?.data['Task:t1']).toBeDefined();

    // A change, then sign-out before the save: the pending save is dropped and the snapshot deleted.
    persistor.changed();
    await persistor.forget();
    timers[1]?.();
    await persistor.flush();
    expect(store.saved).toEqual([]);
    expect(store.cleared).toBe(1);
  });

  it('deletes the snapshot only after a write under way (nothing of theirs lands after sign-out)', async () => {
    const db = await openOfflineDb('persist-order');
    const store = idbSnapshotStore(db);
    const apollo = client();
    await apollo.query({ query: TASKS });
    const persistor = createCachePersistor({ cache: apollo.memory, store, delayMs: 1000 });
    persistor.setPerson(user('u1'));
    const writing = persistor.flush();
    const forgetting = persistor.forget();
    await Promise.all([writing, forgetting]);
    expect(await store.load()).toBeUndefined();

    persistor.setPerson(user('u2', 'Alex'));
    await persistor.flush();
    expect((await store.load())?.user.displayName).toBe('Alex');
    persistor.dispose();
    db.close();
  });

  it('saves what was kept from an earlier visit under the live cache: what the server said in this visit wins', async () => {
    const apollo = client();
    await apollo.query({ query: TASKS });
    const store = memoryStore();
    const keptAside = {
      ROOT_QUERY: { __typename: 'Query', tasks: [{ __ref: 'Task:t1' }], status: 'from before' },
      'Task:t1': { __typename: 'Task', id: 't1', title: 'an older title' },
      'Task:t2': { __typename: 'Task', id: 't2', title: 'seen on another page' },
    };
    const persistor = createCachePersistor({
      cache: apollo.memory,
      store,
      delayMs: 1000,
      kept: () => keptAside as never,
    });
    persistor.setPerson(user('u1'));
    await persistor.flush();
    const data = store.saved[0]?.data ?? {};
    expect(data['Task:t1']).toEqual({ __typename: 'Task', id: 't1', title: 'buy milk' });
    expect(data['Task:t2']).toEqual({ __typename: 'Task', id: 't2', title: 'seen on another page' });
    expect(data['ROOT_QUERY']).toMatchObject({ status: 'from before', tasks: [{ __ref: 'Task:t1' }] });
  });

  it('saves a change the server confirmed in the next task, not after the delay (a reload may follow it)', async () => {
    const apollo = client();
    const store = memoryStore();
    const timers: { callback: () => void; ms: number }[] = [];
    const persistor = createCachePersistor({
      cache: apollo.memory,
      store,
      delayMs: 1000,
      setTimer: (callback, ms) => timers.push({ callback, ms }),
      clearTimer: () => undefined,
    });
    persistor.confirmed();
    expect(timers).toEqual([]); // Nobody signed in.
    persistor.setPerson(user('u1'));
    persistor.changed();
    persistor.confirmed();
    expect(timers.map((t) => t.ms)).toEqual([1000, 0]);
    timers[1]?.callback();
    await persistor.flush();
    expect(store.saved).toHaveLength(1);
  });
});
