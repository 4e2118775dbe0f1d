import { useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import type { HeartbeatSubscription, ServerStatusQuery } from '../gql/graphql';
import { heartbeatSubscription, serverStatusQuery } from '../graphql/serverStatus';
import type { ConnectionStatus } from '../lib/connectionState';
import { useConnectionStatus } from './useConnectionStatus';

const REFRESH_INTERVAL_MS = 30_000;

export type ServerStatus = ServerStatusQuery['serverStatus'];
export type Heartbeat = HeartbeatSubscription['heartbeat'];

export interface ServerStatusView {
  connection: ConnectionStatus;
  status: ServerStatus | undefined;
  heartbeat: Heartbeat | undefined;
  loading: boolean;
  error: Error | undefined;
  retry(): void;
}

/** Live server status: the ServerStatus query (refreshed on reconnect) and the Heartbeat subscription. */
export function useServerStatus(): ServerStatusView {
  const socket = useConnectionStatus();
  const query = useQuery(serverStatusQuery, { pollInterval: REFRESH_INTERVAL_MS });
  const beat = useSubscription(heartbeatSubscription);
  const { refetch } = query;
  const { restart } = beat;

  // After a reconnection the dependencies may have changed: check them again.
  const previous = useRef(socket);
  useEffect(() => {
    if (socket === 'connected' && previous.current === 'reconnecting') void refetch();
    previous.current = socket;
  }, [socket, refetch]);

  const retry = useCallback(() => {
    void refetch();
    restart();
  }, [refetch, restart]);

  return {
    connection: beat.error ? 'offline' : socket,
    status: query.data?.serverStatus,
    heartbeat: beat.data?.heartbeat,
    loading: query.loading,
    error: query.error ?? beat.error,
    retry,
  };
}
