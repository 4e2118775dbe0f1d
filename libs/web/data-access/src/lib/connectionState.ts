/** What the user is told about the realtime link to the API. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ConnectionState {
  socket: SocketState;
  browserOnline: boolean;
  /** The last HTTP request to the API failed without an answer (and nothing answered since). */
  fetchFailed?: boolean;
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
  | { type: 'browser-offline' }
  | { type: 'fetch-failed' }
  | { type: 'fetch-succeeded' };

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
      // The API answers: whatever failed before can reach it again.
      return { ...state, socket: 'connected', restarting: undefined, fetchFailed: false };
    case 'socket-closed':
      if (state.socket === 'failed') return state;
      if (state.restarting === 'closing') return { ...state, restarting: 'reopening' };
      return { ...state, socket: 'reconnecting', restarting: undefined };
    case 'socket-failed':
      return { ...state, socket: 'failed', restarting: undefined };
    case 'browser-online':
      return { ...state, browserOnline: true, fetchFailed: false };
    case 'browser-offline':
      return { ...state, browserOnline: false };
    case 'fetch-failed':
      return { ...state, fetchFailed: true };
    case 'fetch-succeeded':
      return { ...state, fetchFailed: false };
  }
}

/** The single word shown to the user. */
export function connectionStatusOf(state: ConnectionState): ConnectionStatus {
  if (!state.browserOnline || state.socket === 'failed') return 'offline';
  return state.socket;
}

/**
 * Whether the person should be told they are offline: the browser says so, or a request to the API
 * just failed without an answer. What they do meanwhile waits in the outbox.
 */
export function isOfflineState(state: ConnectionState): boolean {
  return !state.browserOnline || !!state.fetchFailed;
}

/** Minimal external store, read by React through useSyncExternalStore. */
export interface ConnectionStore {
  getSnapshot(): ConnectionStatus;
  /** See `isOfflineState`. */
  isOffline(): boolean;
  subscribe(listener: () => void): () => void;
  dispatch(event: ConnectionEvent): void;
}

/** A store holding the connection state, notifying listeners only when what is shown changes. */
export function createConnectionStore(browserOnline: boolean): ConnectionStore {
  let state: ConnectionState = { socket: 'connecting', browserOnline };
  let status = connectionStatusOf(state);
  let offline = isOfflineState(state);
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => status,
    isOffline: () => offline,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(event) {
      state = nextConnectionState(state, event);
      const next = connectionStatusOf(state);
      const nextOffline = isOfflineState(state);
      if (next === status && nextOffline === offline) return;
      status = next;
      offline = nextOffline;
      for (const listener of [...listeners]) listener();
    },
  };
}
