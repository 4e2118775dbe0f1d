/** Published when a session ends early (logout, revoke, eviction, reuse): sockets of that session close. */
export interface SessionRevokedPayload {
  sessionId: string;
  userId: string;
}

/** Published when every session of a user ends (logout everywhere, deletion): all their sockets close. */
export interface UserSessionsEndedPayload {
  userId: string;
  /** The session kept open (logout everywhere else), if any. */
  keep: string | null;
}

declare module '@pa/server-core' {
  interface Topics {
    sessionRevoked: SessionRevokedPayload;
    userSessionsEnded: UserSessionsEndedPayload;
  }
}
