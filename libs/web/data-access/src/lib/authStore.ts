import type { AuthPayloadFieldsFragment, MfaMethod, UserFieldsFragment } from '../gql/graphql';

/** `mfaPending`: the password was right, the second factor is still to give (verifyMfa). */
export type AuthStatus = 'loading' | 'signedIn' | 'mfaPending' | 'signedOut';
export type AuthUser = UserFieldsFragment;

/** A sign-in waiting for its second factor: which methods the account has, and until when. */
export interface PendingMfa {
  methods: MfaMethod[];
  expiresAt: string;
}

/** What the UI may read. The access token is deliberately not part of it. */
export interface AuthSnapshot {
  status: AuthStatus;
  user: AuthUser | null;
  sessionId: string | null;
  mfa: PendingMfa | null;
  /**
   * Signed in from what this device remembers, while the server cannot be reached (started offline):
   * there is no token yet, so nothing is sent until the session is renewed.
   */
  offline: boolean;
}

/**
 * Where a pending challenge is remembered over a reload (sessionStorage in the browser). It holds no
 * token: only the session id, the methods and the deadline, because a refresh does not report them.
 */
export interface PendingMfaMemory {
  load(): (PendingMfa & { sessionId: string }) | null;
  save(value: (PendingMfa & { sessionId: string }) | null): void;
}

/** The result of asking the API for new tokens with the refresh cookie. */
export type RefreshOutcome =
  | { kind: 'refreshed'; payload: AuthPayloadFieldsFragment }
  // The cookie is missing, used or revoked: the session is over.
  | { kind: 'rejected' }
  // Network down or server error: we do not know, so nothing changes.
  | { kind: 'unreachable' }
  // Unreachable, and this device remembers who was signed in last: at start-up the app opens for
  // them with what it kept (offline), and renews the session once the server answers.
  | { kind: 'offline'; user: AuthUser };

export interface AuthStoreOptions {
  refresh(): Promise<RefreshOutcome>;
  now?(): number;
  /** Refresh this long before the access token expires (0 = only on demand). */
  refreshAheadMs?: number;
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
  pendingMemory?: PendingMfaMemory;
}

/** Holds the session in memory only (never in Web Storage), shared by the links and the hooks. */
export interface AuthStore {
  getSnapshot(): AuthSnapshot;
  /** Called on any change, including a silent token refresh. */
  subscribe(listener: () => void): () => void;
  /** The current access token, or null when signed out. */
  accessToken(): string | null;
  /** Tries the refresh cookie once; later calls return the same promise. */
  restore(): Promise<void>;
  /** Waits for a pending restore or refresh. */
  settled(): Promise<void>;
  /** Single-flight refresh: concurrent callers share one request. Resolves to the new token or null. */
  refresh(): Promise<string | null>;
  /** A token that is not about to expire (refreshing first if needed), or null. */
  freshToken(): Promise<string | null>;
  /** After the API refused `rejected`: a newer token if another call already refreshed, else refresh. */
  tokenAfterRejection(rejected: string): Promise<string | null>;
  /** After login, register or verifyMfa: the payload says whether a second factor is pending. */
  signedIn(payload: AuthPayloadFieldsFragment): void;
  signedOut(): void;
  /** The user changed on the server (e.g. the email was confirmed). */
  userUpdated(user: AuthUser): void;
  dispose(): void;
}

// A token this close to its expiry is treated as expired: the request would race the clock.
const EXPIRY_SKEW_MS = 5_000;

interface Session {
  accessToken: string;
  expiresAt: number;
  sessionId: string;
  user: AuthUser;
  mfa: PendingMfa | null;
}

/** Creates the in-memory auth store. */
export function createAuthStore(options: AuthStoreOptions): AuthStore {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const refreshAheadMs = options.refreshAheadMs ?? 0;

  let session: Session | null = null;
  // Who the app opened for without a session (started offline); cleared by any real answer.
  let offlineUser: AuthUser | null = null;
  let snapshot: AuthSnapshot = { status: 'loading', user: null, sessionId: null, mfa: null, offline: false };
  const memory = options.pendingMemory;
  // Bumped on every sign-in or sign-out, so a refresh started before one cannot undo it.
  let epoch = 0;
  let inFlight: Promise<string | null> | null = null;
  let restoring: Promise<void> | null = null;
  let timer: unknown;
  let disposed = false;
  const listeners = new Set<() => void>();

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  const schedule = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (!session || refreshAheadMs <= 0 || disposed) return;
    const delay = Math.max(0, session.expiresAt - now() - refreshAheadMs);
    timer = setTimer(() => {
      timer = undefined;
      void store.refresh();
    }, delay);
  };

  // A refresh answers mfaRequired: false even for a pending session, so a known challenge of the
  // same session is kept (from memory, or remembered over a reload). Past its deadline the server
  // refuses the session, so it counts as ended ('expired').
  const pendingFor = (
    payload: AuthPayloadFieldsFragment,
    fromRefresh: boolean,
  ): PendingMfa | null | 'expired' => {
    if (payload.mfaRequired && payload.mfaExpiresAt)
      return { methods: payload.mfaMethods, expiresAt: payload.mfaExpiresAt };
    if (!fromRefresh) return null;
    const known =
      session?.sessionId === payload.sessionId && session.mfa
        ? { ...session.mfa, sessionId: session.sessionId }
        : memory?.load();
    if (!known || known.sessionId !== payload.sessionId) return null;
    if (Date.parse(known.expiresAt) <= now()) return 'expired';
    return { methods: known.methods, expiresAt: known.expiresAt };
  };

  const publish = () => {
    snapshot = session
      ? {
          status: session.mfa ? 'mfaPending' : 'signedIn',
          user: session.user,
          sessionId: session.sessionId,
          mfa: session.mfa,
          offline: false,
        }
      : offlineUser
        ? { status: 'signedIn', user: offlineUser, sessionId: null, mfa: null, offline: true }
        : { status: 'signedOut', user: null, sessionId: null, mfa: null, offline: false };
    memory?.save(session?.mfa ? { ...session.mfa, sessionId: session.sessionId } : null);
    emit();
  };

  const apply = (payload: AuthPayloadFieldsFragment | null, fromRefresh = false) => {
    offlineUser = null;
    const mfa = payload ? pendingFor(payload, fromRefresh) : null;
    session =
      payload && mfa !== 'expired'
        ? {
            accessToken: payload.accessToken,
            expiresAt: Date.parse(payload.accessTokenExpiresAt),
            sessionId: payload.sessionId,
            user: payload.user,
            mfa,
          }
        : null;
    schedule();
    publish();
  };

  const store: AuthStore = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => session?.accessToken ?? null,

    restore() {
      restoring ??= store.refresh().then(() => undefined);
      return restoring;
    },

    async settled() {
      await (inFlight ?? restoring);
    },

    refresh() {
      if (inFlight) return inFlight;
      const startedIn = epoch;
      const run = async (): Promise<string | null> => {
        let outcome: RefreshOutcome;
        try {
          outcome = await options.refresh();
        } catch {
          outcome = { kind: 'unreachable' };
        }
        // A sign-in or sign-out happened meanwhile: it wins over this older answer.
        if (epoch !== startedIn || disposed) return store.accessToken();
        if (outcome.kind === 'refreshed') {
          apply(outcome.payload, true);
        } else if (outcome.kind === 'offline' && snapshot.status === 'loading') {
          offlineUser = outcome.user;
          publish();
        } else if (outcome.kind === 'rejected' || snapshot.status === 'loading') {
          // Unreachable at start-up: show the sign-in page rather than wait forever.
          apply(null);
        }
        return store.accessToken();
      };
      const flight = run().finally(() => {
        if (inFlight === flight) inFlight = null;
      });
      inFlight = flight;
      return flight;
    },

    async freshToken() {
      await store.settled();
      // Opened offline: try to renew the session first (it fails fast while still offline).
      if (!session && offlineUser) return store.refresh();
      if (!session) return null;
      if (session.expiresAt - now() > EXPIRY_SKEW_MS) return session.accessToken;
      return store.refresh();
    },

    async tokenAfterRejection(rejected) {
      if (inFlight) return inFlight;
      const current = store.accessToken();
      if (current && current !== rejected) return current;
      return store.refresh();
    },

    signedIn(payload) {
      epoch++;
      apply(payload);
    },

    signedOut() {
      epoch++;
      apply(null);
    },

    userUpdated(user) {
      if (!session || session.user.id !== user.id) return;
      session = { ...session, user };
      publish();
    },

    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimer(timer);
      listeners.clear();
    },
  };
  return store;
}
