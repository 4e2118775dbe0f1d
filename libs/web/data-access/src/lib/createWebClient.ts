import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import type { ClientOptions } from 'graphql-ws';
import type { AuthPayloadFieldsFragment } from '../gql/graphql';
import { logoutMutation, refreshSessionMutation } from '../graphql/auth';
import { apiErrorsOf } from './apiError';
import { createAuthLink, type AuthLinkContext } from './authLink';
import { createAuthStore, type AuthStore, type RefreshOutcome } from './authStore';
import { deviceStorage } from './chat/webStorage';
import { createConnectionStore, type ConnectionStore } from './connectionState';
import { deferredLink } from './deferredLink';
import { createNetworkLink } from './networkLink';
import type { OfflineData } from './offline/offlineData';
import type { OfflineHandle } from './offlineHandle';
import { sessionStoragePendingMfa } from './pendingMfaMemory';
import { pendingSignOut } from './pendingSignOut';
import { isRefusedCloseCode, RESTART_CLOSE_CODE, retryDelayMs, shouldRetrySocket } from './retryPolicy';
import { sessionAwareWebSocket } from './sessionAwareWebSocket';
import { graphqlWsUrl } from './wsUrl';

const GRAPHQL_PATH = '/graphql';
const PING_INTERVAL_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;
// Renew the 15-minute access token a minute before it expires, so requests rarely meet a 401.
const REFRESH_AHEAD_MS = 60_000;
// How long the session restore waits for the kept data before opening without it.
const OFFLINE_START_TIMEOUT_MS = 3_000;
// Codes meaning "this session is over" (anything else, e.g. a 503, means "we could not tell").
const SESSION_OVER_CODES = new Set(['REFRESH_TOKEN_INVALID', 'UNAUTHENTICATED']);

/** The Apollo client, the live state of its WebSocket and the in-memory session. */
export interface WebClient {
  apollo: ApolloClient;
  connection: ConnectionStore;
  auth: AuthStore;
  /** The kept data and the outbox (loading in a chunk of its own). */
  offline: OfflineHandle;
  dispose(): void;
}

/**
 * Apollo Client over same-origin /graphql: HTTP for queries and mutations, graphql-ws for
 * subscriptions; both carry the access token, which lives in memory only. On start the session is
 * restored silently from the httpOnly refresh cookie.
 */
export function createWebClient(win: Window = window): WebClient {
  const connection = createConnectionStore(win.navigator.onLine);
  const signOutLater = pendingSignOut(deviceStorage());

  // Late-bound: the refresh goes through the Apollo client that the auth link is part of.
  const late: { apollo?: ApolloClient; offline?: Promise<OfflineData | null> } = {};
  const auth = createAuthStore({
    refreshAheadMs: REFRESH_AHEAD_MS,
    pendingMemory: sessionStoragePendingMfa(safeSessionStorage(win)),
    // Each answer goes by the offline side first: it restores the person's kept data before the
    // session shows (or opens offline with it when the server cannot be reached).
    refresh: async (): Promise<RefreshOutcome> => {
      let outcome = await refreshOverNetwork();
      if (signOutLater.isPending()) outcome = await finishSignOut(outcome);
      // A stuck IndexedDB (another tab upgrading it) must not keep the app from opening.
      const offline = await Promise.race([
        late.offline?.catch(() => null) ?? null,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFLINE_START_TIMEOUT_MS)),
      ]);
      return offline ? offline.settle(outcome) : outcome;
    },
  });

  // A sign-out made offline: the cookie's session is ended now, and nobody is signed in with it.
  async function finishSignOut(outcome: RefreshOutcome): Promise<RefreshOutcome> {
    if (outcome.kind === 'refreshed' && late.apollo) {
      const context: AuthLinkContext = { accessToken: outcome.payload.accessToken };
      try {
        await late.apollo.mutate({ mutation: logoutMutation, context });
        signOutLater.clear();
      } catch {
        // Still unreachable: tried again at the next start.
      }
    } else if (outcome.kind === 'rejected') {
      signOutLater.clear();
    }
    return { kind: 'rejected' };
  }

  async function refreshOverNetwork(): Promise<RefreshOutcome> {
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
  }

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

  const wsOptions: ClientOptions = {
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
  };
  // graphql-ws loads in a chunk of its own right after start, not in the first download; a
  // subscription made before it arrives waits for it.
  let disposed = false;
  const transport = import('./subscriptionTransport').then(({ createClient, GraphQLWsLink }) => {
    const wsClient = createClient(wsOptions);
    if (disposed) void wsClient.dispose();
    return { wsClient, link: new GraphQLWsLink(wsClient) };
  });
  // A chunk that cannot load (offline on a first visit) counts as a socket that failed to open.
  transport.catch(() => connection.dispatch({ type: 'socket-failed' }));

  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    deferredLink(transport.then((t) => t.link)),
    ApolloLink.from([createAuthLink(auth), createNetworkLink(connection), httpLink]),
  );
  const apollo = new ApolloClient({ link, cache: createCache() });
  late.apollo = apollo;
  // IndexedDB and the outbox load beside the session restore, which waits for them (see `refresh`).
  const offline: OfflineHandle = {
    ready: import('./offline/offlineData')
      .then(({ startOfflineData }) => startOfflineData({ apollo, auth, connection, win }))
      .catch(() => null),
  };
  late.offline = offline.ready;
  void auth.restore();

  const onOnline = () => connection.dispatch({ type: 'browser-online' });
  const onOffline = () => connection.dispatch({ type: 'browser-offline' });
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);

  return {
    apollo,
    connection,
    auth,
    offline,
    dispose() {
      void offline.ready.then((data) => data?.dispose());
      unsubscribeAuth();
      auth.dispose();
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      clearTimeout(pongTimer);
      disposed = true;
      void transport.then(
        (t) => t.wsClient.dispose(),
        () => undefined,
      );
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
      // A conversation already in the cache (from the list) opens from it, also offline.
      Query: {
        fields: {
          conversation: {
            read: (existing, { args, toReference }) =>
              existing ??
              (typeof args?.['id'] === 'string'
                ? toReference({ __typename: 'Conversation', id: args['id'] })
                : undefined),
          },
        },
      },
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
