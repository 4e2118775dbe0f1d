import type { AuthPayloadFieldsFragment } from '../gql/graphql';
import { createAuthStore, type PendingMfaMemory, type RefreshOutcome } from './authStore';

const NOW = Date.parse('2026-11-02T10:00:00Z');

function payload(token: string, expiresInMs = 15 * 60_000): AuthPayloadFieldsFragment {
  return {
    sessionId: `session-${token}`,
    accessToken: token,
    accessTokenExpiresAt: new Date(NOW + expiresInMs).toISOString(),
    refreshTokenExpiresAt: new Date(NOW + 86_400_000).toISOString(),
    mfaRequired: false,
    mfaMethods: [],
    mfaExpiresAt: null,
    user: {
      id: 'u1',
      email: 'sam@example.test',
      displayName: 'Sam',
      timeZone: 'Europe/Paris',
      emailVerifiedAt: null,
      createdAt: new Date(NOW).toISOString(),
      role: 'USER',
      status: 'ACTIVE',
      phone: null,
      avatar: { initials: 'S', color: '#1d4ed8', imageUrl: null },
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

  describe('a sign-in waiting for its second factor', () => {
    const pending = (token: string): AuthPayloadFieldsFragment => ({
      ...payload(token),
      mfaRequired: true,
      mfaMethods: ['TOTP', 'BACKUP_CODE'],
      mfaExpiresAt: new Date(NOW + 5 * 60_000).toISOString(),
    });
    const memoryStub = () => {
      let value: ReturnType<PendingMfaMemory['load']> = null;
      return {
        load: () => value,
        save: jest.fn((next: ReturnType<PendingMfaMemory['load']>) => {
          value = next;
        }),
      };
    };

    it('is mfaPending (not signed in) until verifyMfa signs the same session in', () => {
      const store = createAuthStore({ refresh: async () => ({ kind: 'rejected' }), now: () => NOW });
      store.signedIn(pending('t1'));
      expect(store.getSnapshot()).toMatchObject({
        status: 'mfaPending',
        mfa: { methods: ['TOTP', 'BACKUP_CODE'] },
      });
      store.signedIn(payload('t2'));
      expect(store.getSnapshot()).toMatchObject({ status: 'signedIn', mfa: null, sessionId: 'session-t2' });
    });

    it('stays pending over a token refresh, which does not report the challenge', async () => {
      const refreshed = { ...payload('t2'), sessionId: 'session-t1' };
      const store = createAuthStore({
        refresh: async () => ({ kind: 'refreshed', payload: refreshed }),
        now: () => NOW,
      });
      store.signedIn(pending('t1'));
      await store.refresh();
      expect(store.getSnapshot().status).toBe('mfaPending');
      expect(store.accessToken()).toBe('t2');
    });

    it('remembers the challenge (never the token) over a reload, until it expires', async () => {
      const memory = memoryStub();
      const first = createAuthStore({
        refresh: async () => ({ kind: 'rejected' }),
        now: () => NOW,
        pendingMemory: memory,
      });
      first.signedIn({ ...pending('t1'), accessToken: 'secret-access-token' });
      expect(JSON.stringify(memory.load())).not.toContain('secret-access-token');
      expect(memory.load()).toMatchObject({ sessionId: 'session-t1', methods: ['TOTP', 'BACKUP_CODE'] });

      const restored = { ...payload('t2'), sessionId: 'session-t1' };
      const reloaded = createAuthStore({
        refresh: async () => ({ kind: 'refreshed', payload: restored }),
        now: () => NOW + 60_000,
        pendingMemory: memory,
      });
      await reloaded.restore();
      expect(reloaded.getSnapshot().status).toBe('mfaPending');

      const late = createAuthStore({
        refresh: async () => ({ kind: 'refreshed', payload: restored }),
        now: () => NOW + 6 * 60_000,
        pendingMemory: memory,
      });
      await late.restore();
      // Past the deadline the server refuses the session: signed out, and the memory is cleared.
      expect(late.getSnapshot().status).toBe('signedOut');
      expect(memory.load()).toBeNull();
    });

    it('forgets the challenge when signed out', () => {
      const memory = memoryStub();
      const store = createAuthStore({
        refresh: async () => ({ kind: 'rejected' }),
        now: () => NOW,
        pendingMemory: memory,
      });
      store.signedIn(pending('t1'));
      store.signedOut();
      expect(memory.load()).toBeNull();
      expect(store.getSnapshot()).toMatchObject({ status: 'signedOut', mfa: null });
    });
  });

  describe('opened offline for the person this device remembers', () => {
    it('is signed in without a token, and renews the session when a token is asked for', async () => {
      let outcome: RefreshOutcome = { kind: 'offline', user: payload('x').user };
      const refresh = jest.fn(async () => outcome);
      const store = createAuthStore({ refresh, now: () => NOW });
      await store.restore();
      expect(store.getSnapshot()).toMatchObject({ status: 'signedIn', offline: true, sessionId: null });
      expect(store.getSnapshot().user?.displayName).toBe('Sam');
      expect(store.accessToken()).toBeNull();

      // Still offline: no token, nothing changes.
      outcome = { kind: 'unreachable' };
      expect(await store.freshToken()).toBeNull();
      expect(store.getSnapshot()).toMatchObject({ status: 'signedIn', offline: true });

      // Back online: the cookie renews the session.
      outcome = { kind: 'refreshed', payload: payload('t9') };
      expect(await store.freshToken()).toBe('t9');
      expect(store.getSnapshot()).toMatchObject({
        status: 'signedIn',
        offline: false,
        sessionId: 'session-t9',
      });
      expect(refresh).toHaveBeenCalledTimes(3);
    });

    it('is signed out when the server refuses the session once reachable', async () => {
      let outcome: RefreshOutcome = { kind: 'offline', user: payload('x').user };
      const store = createAuthStore({ refresh: async () => outcome, now: () => NOW });
      await store.restore();
      outcome = { kind: 'rejected' };
      expect(await store.freshToken()).toBeNull();
      expect(store.getSnapshot()).toMatchObject({ status: 'signedOut', offline: false, user: null });
    });

    it('only opens offline at start-up: a later unreachable refresh keeps a real session as it is', async () => {
      const store = createAuthStore({
        refresh: async () => ({ kind: 'offline', user: { ...payload('x').user, id: 'other' } }),
        now: () => NOW,
      });
      store.signedIn(payload('t1'));
      expect(await store.refresh()).toBe('t1');
      expect(store.getSnapshot()).toMatchObject({ offline: false, sessionId: 'session-t1' });
      expect(store.getSnapshot().user?.id).toBe('u1');
    });

    it('forgets the remembered person on sign-out', async () => {
      const store = createAuthStore({
        refresh: async () => ({ kind: 'offline', user: payload('x').user }),
        now: () => NOW,
      });
      await store.restore();
      store.signedOut();
      expect(store.getSnapshot()).toMatchObject({ status: 'signedOut', offline: false, user: null });
    });
  });

  it('updates the user (a confirmed email) without touching the session', () => {
    const store = createAuthStore({ refresh: async () => ({ kind: 'rejected' }), now: () => NOW });
    store.signedIn(payload('t1'));
    const user = { ...payload('t1').user, emailVerifiedAt: new Date(NOW).toISOString() };
    store.userUpdated(user);
    expect(store.getSnapshot().user?.emailVerifiedAt).toBe(user.emailVerifiedAt);
    expect(store.accessToken()).toBe('t1');
    store.userUpdated({ ...user, id: 'someone-else', displayName: 'X' });
    expect(store.getSnapshot().user?.displayName).toBe('Sam');
  });
});
