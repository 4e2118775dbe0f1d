import type { AuthPayloadFieldsFragment } from '../gql/graphql';
import { createAuthStore, type RefreshOutcome } from './authStore';

const NOW = Date.parse('2026-11-02T10:00:00Z');

function payload(token: string, expiresInMs = 15 * 60_000): AuthPayloadFieldsFragment {
  return {
    sessionId: `session-${token}`,
    accessToken: token,
    accessTokenExpiresAt: new Date(NOW + expiresInMs).toISOString(),
    refreshTokenExpiresAt: new Date(NOW + 86_400_000).toISOString(),
    user: {
      id: 'u1',
      email: 'sam@example.test',
      displayName: 'Sam',
      timeZone: 'Europe/Paris',
      emailVerifiedAt: null,
      createdAt: new Date(NOW).toISOString(),
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createAuthStore', () => {
  it('starts loading and restores a session from the refresh cookie once', async () => {
    const refresh = jest.fn(async (): Promise<RefreshOutcome> => ({
      kind: 'refreshed',
      payload: payload('t1'),
    }));
    const store = createAuthStore({ refresh, now: () => NOW });
    expect(store.getSnapshot().status).toBe('loading');
    await Promise.all([store.restore(), store.restore()]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toMatchObject({ status: 'signedIn', sessionId: 'session-t1' });
    expect(store.accessToken()).toBe('t1');
  });

  it('is signed out after start-up when there is no valid cookie, or the server cannot be reached', async () => {
    const rejected = createAuthStore({ refresh: async () => ({ kind: 'rejected' }) });
    await rejected.restore();
    expect(rejected.getSnapshot().status).toBe('signedOut');

    const offline = createAuthStore({
      refresh: async () => {
        throw new Error('network');
      },
    });
    await offline.restore();
    expect(offline.getSnapshot().status).toBe('signedOut');
  });

  it('shares one refresh between concurrent callers (single flight)', async () => {
    const answer = deferred<RefreshOutcome>();
    const refresh = jest.fn(() => answer.promise);
    const store = createAuthStore({ refresh, now: () => NOW });
    store.signedIn(payload('old'));
    const calls = [store.refresh(), store.tokenAfterRejection('old'), store.refresh()];
    answer.resolve({ kind: 'refreshed', payload: payload('new') });
    expect(await Promise.all(calls)).toEqual(['new', 'new', 'new']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh again for a request that failed with a token already replaced', async () => {
    const refresh = jest.fn(async (): Promise<RefreshOutcome> => ({ kind: 'rejected' }));
    const store = createAuthStore({ refresh, now: () => NOW });
    store.signedIn(payload('new'));
    expect(await store.tokenAfterRejection('old')).toBe('new');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('signs out when the refresh is refused, but keeps the session when the server is unreachable', async () => {
    let outcome: RefreshOutcome = { kind: 'unreachable' };
    const store = createAuthStore({ refresh: async () => outcome, now: () => NOW });
    store.signedIn(payload('t1'));
    expect(await store.refresh()).toBe('t1');
    expect(store.getSnapshot().status).toBe('signedIn');
    outcome = { kind: 'rejected' };
    expect(await store.refresh()).toBeNull();
    expect(store.getSnapshot().status).toBe('signedOut');
  });

  it('lets a sign-in made during a refresh win over the older refresh answer', async () => {
    const answer = deferred<RefreshOutcome>();
    const store = createAuthStore({ refresh: () => answer.promise, now: () => NOW });
    const pending = store.restore();
    store.signedIn(payload('fresh'));
    answer.resolve({ kind: 'rejected' });
    await pending;
    expect(store.getSnapshot().status).toBe('signedIn');
    expect(store.accessToken()).toBe('fresh');
  });

  it('refreshes a token about to expire before handing it out', async () => {
    const refresh = jest.fn(async (): Promise<RefreshOutcome> => ({
      kind: 'refreshed',
      payload: payload('t2'),
    }));
    const store = createAuthStore({ refresh, now: () => NOW });
    store.signedIn(payload('t1', 2_000));
    expect(await store.freshToken()).toBe('t2');
    store.signedIn(payload('t3'));
    expect(await store.freshToken()).toBe('t3');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('schedules a refresh ahead of expiry and cancels it on sign-out', () => {
    const timers: Array<{ ms: number; cleared: boolean }> = [];
    const store = createAuthStore({
      refresh: async () => ({ kind: 'rejected' }),
      now: () => NOW,
      refreshAheadMs: 60_000,
      setTimer: (_cb, ms) => {
        const timer = { ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => {
        (timer as { cleared: boolean }).cleared = true;
      },
    });
    store.signedIn(payload('t1', 15 * 60_000));
    expect(timers[0]?.ms).toBe(14 * 60_000);
    store.signedOut();
    expect(timers[0]?.cleared).toBe(true);
  });

  it('notifies listeners on every change and never exposes the token in the snapshot', () => {
    const store = createAuthStore({ refresh: async () => ({ kind: 'rejected' }), now: () => NOW });
    const listener = jest.fn();
    store.subscribe(listener);
    store.signedIn(payload('secret-token'));
    store.signedOut();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(store.getSnapshot())).not.toContain('secret-token');
  });
});
