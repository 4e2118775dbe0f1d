import type { Request, Response } from 'express';
import type { Runtime } from '../runtime';

/** Who is calling, once their access token and session have been checked. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  /** Authenticator assurance level: aal2 once a second factor was verified in this session. */
  aal: 'aal1' | 'aal2';
  /** When the person last proved who they are (password or second factor), epoch ms. */
  authenticatedAt: number;
  /** Signed in with a password but the account has a second factor not yet verified in this session. */
  mfaPending?: boolean;
  /**
   * Set when the caller is a personal access token (`sessionId` is then `pat:<id>`): the shield
   * allows only what its scopes cover, and never the session-only operations.
   */
  token?: { id: string; scopes: readonly string[] };
}

/** Where the request came from (for audit and rate limits). */
export interface ClientInfo {
  ip: string | undefined;
  userAgent: string | undefined;
}

/**
 * Feature services reachable from resolvers, filled by declaration merging, e.g.
 * `declare module '@pa/server-core' { interface Services { auth: AuthService } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Services {}

/** What every resolver receives. */
export interface GraphQLContext {
  runtime: Runtime;
  correlationId: string;
  client: ClientInfo;
  services: Services;
  /** Set when a valid access token of a live session came with the request. */
  auth?: AuthContext;
  /** The HTTP exchange (absent over WebSocket), e.g. to set the refresh cookie. */
  http?: { req: Request; res: Response };
}

/** The signed-in caller of a resolver the shield guards (it never lets an anonymous one through). */
export function callerOf(ctx: GraphQLContext): AuthContext {
  if (!ctx.auth) throw new Error('shield let an anonymous caller through');
  return ctx.auth;
}
