/** A person's session as the API returned it: keep `refreshToken` to resume later. */
export interface Session {
  sessionId: string;
  accessToken: string;
  /** ISO instant. */
  accessTokenExpiresAt: string;
  /** Rotated on every refresh: the previous one stops working. */
  refreshToken: string;
  /** ISO instant. */
  refreshTokenExpiresAt?: string;
}

/** How the client signs its requests. */
export type AuthOptions =
  /** A personal access token, `pat_…` (never expires silently: revoked or expired is UNAUTHENTICATED). */
  | { token: string }
  /**
   * A person's session: the SDK refreshes the access token before it expires (and once after an
   * UNAUTHENTICATED answer), and hands every rotated session to the client's `onSession`.
   */
  | { session: Session }
  /** Only a refresh token (a stored session): the first request refreshes it. */
  | { refreshToken: string };

/** Refresh this long before the access token expires, so a request never carries a dying token. */
export const REFRESH_AHEAD_MS = 30_000;

/** Holds the credentials and refreshes a session once at a time. */
export class Credentials {
  private token: string | undefined;
  private session: Session | undefined;
  private refreshToken: string | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    auth: AuthOptions | undefined,
    private readonly refresher: (refreshToken: string) => Promise<Session>,
    private readonly now: () => number,
    private readonly onSession?: (session: Session) => void,
  ) {
    this.set(auth);
  }

  /** Replaces the credentials (sign-in, a new token, sign-out with undefined). */
  set(auth: AuthOptions | undefined): void {
    this.token = undefined;
    this.session = undefined;
    this.refreshToken = undefined;
    this.refreshing = undefined;
    if (!auth) return;
    if ('token' in auth) {
      this.token = auth.token;
      return;
    }
    if ('session' in auth) {
      this.session = auth.session;
      this.refreshToken = auth.session.refreshToken;
    } else this.refreshToken = auth.refreshToken;
  }

  /** The current session (undefined with a token or nothing). */
  current(): Session | undefined {
    return this.session;
  }

  /** Whether an UNAUTHENTICATED answer is worth one refresh and retry. */
  canRefresh(): boolean {
    return this.token === undefined && this.refreshToken !== undefined;
  }

  /** The `Authorization` value for the next request, refreshing a session that is about to expire. */
  async authorization(): Promise<string | undefined> {
    if (this.token) return `Bearer ${this.token}`;
    if (!this.refreshToken) return undefined;
    const expiresAt = this.session ? Date.parse(this.session.accessTokenExpiresAt) : 0;
    if (!this.session || expiresAt - this.now() < REFRESH_AHEAD_MS) await this.refresh();
    return this.session ? `Bearer ${this.session.accessToken}` : undefined;
  }

  /** Rotates the session once, however many requests ask at the same time. */
  refresh(): Promise<void> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) return Promise.resolve();
    this.refreshing ??= this.refresher(refreshToken)
      .then((session) => {
        // A sign-in or a token set meanwhile wins over this refresh's answer.
        if (this.refreshToken === refreshToken) this.useSession(session);
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Uses a session just returned by the API (sign-in, refresh, second factor). */
  useSession(session: Session): void {
    this.token = undefined;
    this.session = session;
    this.refreshToken = session.refreshToken;
    this.onSession?.(session);
  }
}
