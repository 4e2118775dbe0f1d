import { useEffect, useRef } from 'react';
import { useConnectionStatus } from '../useConnectionStatus';

/**
 * Calls `onReconnected` when the live connection comes up after the view asked for its data: after a
 * drop, or for the first time when the view mounted before it was connected (the WebSocket starts
 * after the first paint). Events published meanwhile were missed, so what is shown is asked again.
 */
export function useReconnected(onReconnected: () => void): void {
  const status = useConnectionStatus();
  const wasDown = useRef(status !== 'connected');
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
