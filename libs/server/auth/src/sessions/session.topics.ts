/** Published when a session ends early (logout, revoke, eviction, reuse): sockets of that session close. */
export interface SessionRevokedPayload {
  sessionId: string;
  userId: string;
}

declare module '@pa/server-core' {
  interface Topics {
    sessionRevoked: SessionRevokedPayload;
  }
}
