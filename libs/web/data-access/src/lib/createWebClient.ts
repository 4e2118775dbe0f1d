import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { createConnectionStore, type ConnectionStore } from './connectionState';
import { retryDelayMs, shouldRetrySocket } from './retryPolicy';
import { graphqlWsUrl } from './wsUrl';

const GRAPHQL_PATH = '/graphql';
const PING_INTERVAL_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;

/** The Apollo client plus the live state of its WebSocket. */
export interface WebClient {
  apollo: ApolloClient;
  connection: ConnectionStore;
  dispose(): void;
}

/** Apollo Client over same-origin /graphql: HTTP for queries and mutations, graphql-ws for subscriptions. */
export function createWebClient(win: Window = window): WebClient {
  const connection = createConnectionStore(win.navigator.onLine);

  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    credentials: 'same-origin',
    // The API runs Apollo's CSRF prevention: this header marks requests as not "simple".
    headers: { 'apollo-require-preflight': 'true' },
  });

  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const wsClient = createClient({
    url: graphqlWsUrl(win.location, GRAPHQL_PATH),
    // Not lazy: the socket stays up so the page can show the connection state at all times.
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: shouldRetrySocket,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    keepAlive: PING_INTERVAL_MS,
    onNonLazyError: () => connection.dispatch({ type: 'socket-failed' }),
    on: {
      connecting: () => connection.dispatch({ type: 'socket-connecting' }),
      connected: (s) => {
        socket = s as WebSocket;
        connection.dispatch({ type: 'socket-connected' });
      },
      closed: () => {
        socket = null;
        clearTimeout(pongTimer);
        connection.dispatch({ type: 'socket-closed' });
      },
      // A sleeping laptop or a dropped Wi-Fi leaves a half-open socket: close it when a ping goes unanswered.
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Pong timeout');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(wsClient),
    httpLink,
  );
  const apollo = new ApolloClient({ link, cache: new InMemoryCache() });

  const onOnline = () => connection.dispatch({ type: 'browser-online' });
  const onOffline = () => connection.dispatch({ type: 'browser-offline' });
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);

  return {
    apollo,
    connection,
    dispose() {
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      clearTimeout(pongTimer);
      void wsClient.dispose();
      apollo.stop();
    },
  };
}
