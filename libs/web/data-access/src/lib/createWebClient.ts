import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { AuthPayloadFieldsFragment } from '../gql/graphql';
import { refreshSessionMutation } from '../graphql/auth';
import { apiErrorsOf } from './apiError';
import { createAuthLink, type AuthLinkContext } from './authLink';
import { createAuthStore, type AuthStore, type RefreshOutcome } from './authStore';
import { createConnectionStore, type ConnectionStore } from './connectionState';
import { sessionStoragePendingMfa } from './pendingMfaMemory';
import { isRefusedCloseCode, RESTART_CLOSE_CODE, retryDelayMs, shouldRetrySocket } from './retryPolicy';
import { sessionAwareWebSocket } from './sessionAwareWebSocket';
import { graphqlWsUrl } from './wsUrl';

const GRAPHQL_PATH = '/graphql';
const PING_INTERVAL_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;
// Renew the 15-minute access token a minute before it expires, so requests rarely meet a 401.
const REFRESH_AHEAD_MS = 60_000;
// Codes meaning "this session is over" (anything else, e.g. a 503, means "we could not tell").
const SESSION_OVER_CODES = new Set(['REFRESH_TOKEN_INVALID', 'UNAUTHENTICATED']);

/** The Apollo client, the live state of its WebSocket and the in-memory session. */
export interface WebClient {
  apollo: ApolloClient;
  connection: ConnectionStore;
  auth: AuthStore;
  dispose(): void;
}

/**
 * Apollo Client over same-origin /graphql: HTTP for queries and mutations, graphql-ws for
 * subscriptions; both carry the access token, which lives in memory only. On start the session is
 * restored silently from the httpOnly refresh cookie.
 */
export function createWebClient(win: Window = window): WebClient {
  const connection = createConnectionStore(win.navigator.onLine);

  // Late-bound: the refresh goes through the Apollo client that the auth link is part of.
  const late: { apollo?: ApolloClient } = {};
  const auth = createAuthStore({
    refreshAheadMs: REFRESH_AHEAD_MS,
    pendingMemory: sessionStoragePendingMfa(safeSessionStorage(win)),
    refresh: async (): Promise<RefreshOutcome> => {
      if (!late.apollo) return { kind: 'unreachable' };
      try {
        const context: AuthLinkContext = { skipAuth: true };
        const result = await late.apollo.mutate({ mutation: refreshSessionMutation, context });
        const payload: AuthPayloadFieldsFragment | undefined = result.data?.refreshSession;
        return payload ? { kind: 'refreshed', payload } : { kind: 'unreachable' };
      } catch (error) {
        const over = apiErrorsOf(error).some((e) => SESSION_OVER_CODES.has(e.code));
        return over ? { kind: 'rejected' } : { kind: 'unreachable' };
      }
    },
  });

  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    credentials: 'same-origin',
    // The API runs Apollo's CSRF prevention: this header marks requests as not "simple".
    headers: { 'apollo-require-preflight': 'true' },
  });

  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  // The token the current (or last) socket authenticated with: null = anonymous.
  let socketToken: string | null = null;

  // New credentials need a new socket: close the live one; graphql-ws reconnects at once with the
  // current token. The connection state treats this as a quiet restart, not a drop.
  const restartSocketIfStale = () => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (auth.accessToken() === socketToken) return;
    connection.dispatch({ type: 'socket-restarting' });
    socket.close(RESTART_CLOSE_CODE, 'Client Restart');
  };
  const unsubscribeAuth = auth.subscribe(restartSocketIfStale);

  const wsClient = createClient({
    url: graphqlWsUrl(win.location, GRAPHQL_PATH),
    webSocketImpl: sessionAwareWebSocket(WebSocket),
    // Read at every (re)connection, after any pending restore or refresh.
    connectionParams: async () => {
      const token = await auth.freshToken();
      socketToken = token;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    // Not lazy: the socket stays up so the page can show the connection state at all times.
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: (errOrCloseEvent) => shouldRetrySocket(errOrCloseEvent, socketToken !== null),
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    keepAlive: PING_INTERVAL_MS,
    onNonLazyError: () => connection.dispatch({ type: 'socket-failed' }),
    on: {
      connecting: () => connection.dispatch({ type: 'socket-connecting' }),
      connected: (s) => {
        socket = s as WebSocket;
        connection.dispatch({ type: 'socket-connected' });
        // The token changed while this socket was authenticating.
        restartSocketIfStale();
      },
      closed: (event) => {
        socket = null;
        clearTimeout(pongTimer);
        connection.dispatch({ type: 'socket-closed' });
        // The API refused the socket's token (expired while asleep, or the session ended): renew or
        // drop the session once; the retry then connects with the outcome.
        const code = (event as { code?: unknown } | undefined)?.code;
        if (typeof code === 'number' && isRefusedCloseCode(code) && socketToken) {
          if (auth.accessToken() === socketToken) void auth.refresh();
        }
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
    ApolloLink.from([createAuthLink(auth), httpLink]),
  );
  const apollo = new ApolloClient({ link, cache: createCache() });
  late.apollo = apollo;
  void auth.restore();

  const onOnline = () => connection.dispatch({ type: 'browser-online' });
  const onOffline = () => connection.dispatch({ type: 'browser-offline' });
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);

  return {
    apollo,
    connection,
    auth,
    dispose() {
      unsubscribeAuth();
      auth.dispose();
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      clearTimeout(pongTimer);
      void wsClient.dispose();
      apollo.stop();
    },
  };
}

/** The normalized cache and how it merges what has no id of its own. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // One set of preferences per signed-in person (the cache is reset when the person changes).
      Preferences: { keyFields: [] },
      // An avatar is always read whole: the newer one replaces the older.
      Avatar: { merge: true },
      // "Load more" appends pages of a person's activity.
      User: { fields: { auditEntries: relayStylePagination() } },
    },
  });
}

// Reading `window.sessionStorage` itself throws when storage is blocked.
function safeSessionStorage(win: Window): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    return win.sessionStorage;
  } catch {
    return { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  }
}
