import { useEffect, useRef } from 'react';
import { useConnectionStatus } from '../useConnectionStatus';

/**
 * Calls `onReconnected` when the live connection comes back after a drop (not on the first connect):
 * events published meanwhile were missed, so what is shown should be asked again.
 */
export function useReconnected(onReconnected: () => void): void {
  const status = useConnectionStatus();
  const wasDown = useRef(false);
  const callback = useRef(onReconnected);
  callback.current = onReconnected;
  useEffect(() => {
    if (status === 'reconnecting' || status === 'offline') {
      wasDown.current = true;
      return;
    }
    if (status === 'connected' && wasDown.current) {
      wasDown.current = false;
      callback.current();
    }
  }, [status]);
}
