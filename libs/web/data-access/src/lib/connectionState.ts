/** What the user is told about the realtime link to the API. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ConnectionState {
  socket: SocketState;
  browserOnline: boolean;
  /**
   * A deliberate restart (new credentials) in progress: 'closing' until the old socket closes,
   * 'reopening' until the new one connects. The user keeps seeing "Connected" meanwhile.
   */
  restarting?: 'closing' | 'reopening';
}

export type ConnectionEvent =
  | { type: 'socket-restarting' }
  | { type: 'socket-connecting' }
  | { type: 'socket-connected' }
  | { type: 'socket-closed' }
  | { type: 'socket-failed' }
  | { type: 'browser-online' }
  | { type: 'browser-offline' };

/** The state after one socket or browser event (pure, so it is unit-tested). */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'socket-restarting':
      // Only a live socket is restarted quietly; otherwise the usual states tell the truth.
      return state.socket === 'connected' ? { ...state, restarting: 'closing' } : state;
    case 'socket-connecting':
      if (state.restarting === 'reopening') return state;
      // A first attempt is "connecting"; any later attempt (even after a failure) is a reconnection.
      return { ...state, socket: state.socket === 'connecting' ? 'connecting' : 'reconnecting' };
    case 'socket-connected':
      return { ...state, socket: 'connected', restarting: undefined };
    case 'socket-closed':
      if (state.socket === 'failed') return state;
      if (state.restarting === 'closing') return { ...state, restarting: 'reopening' };
      return { ...state, socket: 'reconnecting', restarting: undefined };
    case 'socket-failed':
      return { ...state, socket: 'failed', restarting: undefined };
    case 'browser-online':
      return { ...state, browserOnline: true };
    case 'browser-offline':
      return { ...state, browserOnline: false };
  }
}

/** The single word shown to the user. */
export function connectionStatusOf(state: ConnectionState): ConnectionStatus {
  if (!state.browserOnline || state.socket === 'failed') return 'offline';
  return state.socket;
}

/** Minimal external store, read by React through useSyncExternalStore. */
export interface ConnectionStore {
  getSnapshot(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
  dispatch(event: ConnectionEvent): void;
}

/** A store holding the connection state, notifying listeners only when the shown status changes. */
export function createConnectionStore(browserOnline: boolean): ConnectionStore {
  let state: ConnectionState = { socket: 'connecting', browserOnline };
  let status = connectionStatusOf(state);
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(event) {
      state = nextConnectionState(state, event);
      const next = connectionStatusOf(state);
      if (next === status) return;
      status = next;
      for (const listener of listeners) listener();
    },
  };
}
