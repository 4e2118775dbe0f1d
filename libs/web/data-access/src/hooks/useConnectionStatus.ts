import { useContext, useSyncExternalStore } from 'react';
import { ConnectionContext } from '../lib/connectionContext';
import type { ConnectionStatus } from '../lib/connectionState';

/** The live state of the WebSocket to the API: connecting, connected, reconnecting or offline. */
export function useConnectionStatus(): ConnectionStatus {
  const store = useContext(ConnectionContext);
  if (!store) throw new Error('useConnectionStatus must be used inside <WebDataProvider>.');
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * Whether the person is offline: the browser says so, or a request to the API just got no answer.
 * What they do meanwhile waits in the outbox.
 */
export function useOffline(): boolean {
  const store = useContext(ConnectionContext);
  if (!store) throw new Error('useOffline must be used inside <WebDataProvider>.');
  return useSyncExternalStore(store.subscribe, store.isOffline);
}
