import {
  connectionStatusOf,
  createConnectionStore,
  isOfflineState,
  nextConnectionState,
  type ConnectionState,
} from './connectionState';

const online = (socket: ConnectionState['socket']): ConnectionState => ({ socket, browserOnline: true });

describe('nextConnectionState', () => {
  it('says "connecting" on the first attempt and "reconnecting" after a drop', () => {
    expect(nextConnectionState(online('connecting'), { type: 'socket-connecting' }).socket).toBe(
      'connecting',
    );
    const dropped = nextConnectionState(online('connected'), { type: 'socket-closed' });
    expect(dropped.socket).toBe('reconnecting');
    expect(nextConnectionState(dropped, { type: 'socket-connecting' }).socket).toBe('reconnecting');
  });

  it('keeps a failure once the socket gave up, until a new attempt starts', () => {
    const failed = nextConnectionState(online('connected'), { type: 'socket-failed' });
    expect(nextConnectionState(failed, { type: 'socket-closed' }).socket).toBe('failed');
    expect(nextConnectionState(failed, { type: 'socket-connecting' }).socket).toBe('reconnecting');
  });
});

describe('connectionStatusOf', () => {
  it('reports offline when the browser is offline, whatever the socket says', () => {
    expect(connectionStatusOf({ socket: 'connected', browserOnline: false })).toBe('offline');
  });

  it('reports offline when the socket gave up', () => {
    expect(connectionStatusOf(online('failed'))).toBe('offline');
  });

  it('reports the socket state otherwise', () => {
    expect(connectionStatusOf(online('reconnecting'))).toBe('reconnecting');
  });
});

describe('createConnectionStore', () => {
  it('notifies listeners only when the shown status changes', () => {
    const store = createConnectionStore(true);
    const listener = jest.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'socket-connecting' });
    expect(listener).not.toHaveBeenCalled();
    store.dispatch({ type: 'socket-connected' });
    store.dispatch({ type: 'browser-offline' });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot()).toBe('offline');
  });
});

describe('quiet restart (new credentials)', () => {
  it('keeps showing "connected" while the socket is replaced', () => {
    let state = online('connected');
    const shown: string[] = [];
    for (const type of [
      'socket-restarting',
      'socket-closed',
      'socket-connecting',
      'socket-connected',
    ] as const) {
      state = nextConnectionState(state, { type });
      shown.push(connectionStatusOf(state));
    }
    expect(shown).toEqual(['connected', 'connected', 'connected', 'connected']);
    expect(state.restarting).toBeUndefined();
  });

  it('reports a reconnection when the new socket fails to open', () => {
    let state = online('connected');
    for (const type of [
      'socket-restarting',
      'socket-closed',
      'socket-connecting',
      'socket-closed',
    ] as const) {
      state = nextConnectionState(state, { type });
    }
    expect(connectionStatusOf(state)).toBe('reconnecting');
  });

  it('ignores a restart request while not connected', () => {
    const state = nextConnectionState(online('reconnecting'), { type: 'socket-restarting' });
    expect(nextConnectionState(state, { type: 'socket-closed' }).socket).toBe('reconnecting');
  });
});

describe('isOfflineState (the offline banner)', () => {
  it('is offline when the browser says so, or a request failed without an answer, until something answers', () => {
    const store = createConnectionStore(true);
    const seen: boolean[] = [];
    store.subscribe(() => seen.push(store.isOffline()));
    expect(store.isOffline()).toBe(false);
    store.dispatch({ type: 'fetch-failed' });
    store.dispatch({ type: 'fetch-failed' });
    expect(store.isOffline()).toBe(true);
    store.dispatch({ type: 'fetch-succeeded' });
    store.dispatch({ type: 'browser-offline' });
    store.dispatch({ type: 'fetch-failed' });
    store.dispatch({ type: 'browser-online' });
    store.dispatch({ type: 'fetch-failed' });
    store.dispatch({ type: 'socket-connected' });
    expect(seen).toEqual([true, false, true, false, true, false]);
    expect(isOfflineState({ socket: 'connected', browserOnline: false })).toBe(true);
  });
});
