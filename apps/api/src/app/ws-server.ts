import type { Server as HttpServer, IncomingMessage } from 'node:http';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  execute,
  parse,
  subscribe,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  correlationIdFrom,
  findInvalidText,
  invalidTextError,
  productMetrics,
  runWithContext,
  toClientError,
  type AuthContext,
  type GraphQLContext,
  type Runtime,
  type Services,
} from '@pa/server-core';
import { AuthErrorCode, authError } from '@pa/server-auth';
import { withoutSuggestions, type createArmor } from './armor';
import { isAllowedOrigin } from './origin';

type WsExtra = {
  request: IncomingMessage;
  socket: WebSocket;
  correlationId?: string;
  auth?: AuthContext;
};

/** Close codes: 4403 for a bad token at connection_init (graphql-ws' Forbidden), 4401 when the session ends. */
export const WS_CLOSE_SESSION_ENDED = 4401;

function asGraphQLError(formatted: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(withoutSuggestions(formatted.message), { extensions: formatted.extensions ?? {} });
}

/**
 * graphql-ws on the same port and path as HTTP. graphql-ws validates with plain graphql-js, so the
 * same armor limits, introspection switch and error formatting are applied here explicitly.
 */
export function attachWebSocketServer(
  httpServer: HttpServer,
  schema: GraphQLSchema,
  runtime: Runtime,
  services: Services,
  armor: ReturnType<typeof createArmor>,
  path = '/graphql',
) {
  const { config, logger } = runtime;
  const wss = new WebSocketServer({
    server: httpServer,
    path,
    maxPayload: 64 * 1024,
    // Cross-site WebSocket hijacking: only the allowed browser origins may open a socket.
    verifyClient: ({ req }: { req: IncomingMessage }) => isAllowedOrigin(req, config.CORS_ORIGINS),
  });
  const rules = config.GRAPHQL_INTROSPECTION
    ? armor.wsValidationRules
    : [...armor.wsValidationRules, NoSchemaIntrospectionCustomRule];
  const format = (e: unknown) => asGraphQLError(toClientError(e, logger));
  const sockets = new SessionSockets();

  // Sockets accepted and still open: their live subscriptions are counted at scrape time.
  const live = new Set<Context<Record<string, unknown>, WsExtra>>();
  const untrack = productMetrics(runtime.metrics).trackWebSockets(() => ({
    connections: live.size,
    subscriptions: [...live].reduce(
      (n, ctx) =>
        n +
        Object.values(ctx.subscriptions).filter((sub) => !!sub && Symbol.asyncIterator in Object(sub)).length,
      0,
    ),
  }));
  /** Authenticates a socket with `Bearer <token>` and binds it to the session (or token) it belongs to. */
  const bind = async (ctx: Context<Record<string, unknown>, WsExtra>, raw: unknown): Promise<boolean> => {
    const token = typeof raw === 'string' ? /^Bearer (.+)$/.exec(raw)?.[1] : undefined;
    if (!token) return false;
    try {
      const auth = await services.auth.authenticate(token, {
        ip: ctx.extra.request.socket.remoteAddress,
        userAgent: ctx.extra.request.headers['user-agent'],
      });
      ctx.extra.auth = auth;
      sockets.add(auth.sessionId, auth.userId, ctx.extra.socket);
      ctx.extra.socket.once('close', () => sockets.remove(auth.sessionId, ctx.extra.socket));
      return true;
    } catch {
      return false;
    }
  };
  const connect = async (ctx: Context<Record<string, unknown>, WsExtra>): Promise<boolean> => {
    ctx.extra.correlationId = correlationIdFrom(ctx.extra.request.headers['x-request-id']);
    const raw = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
    if (raw === undefined) return true;
    return bind(ctx, raw);
  };

  const disposable = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      // Authentication happens in connection_init: `{ authorization: 'Bearer <access token>' }`. No token is
      // an anonymous socket (public operations only); a bad, expired or revoked one closes it with 4403.
      onConnect: async (ctx) => {
        const accepted = await connect(ctx);
        if (accepted) live.add(ctx);
        return accepted;
      },
      onClose: (ctx) => {
        live.delete(ctx);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const correlationId = ctx.extra.correlationId ?? correlationIdFrom(undefined);
        // GraphiQL (the playground) sends its headers editor with each operation, not in connection_init:
        // the first operation of an anonymous socket that carries an authorization header signs it in.
        const opAuth = authorizationOf(payload.extensions);
        if (!ctx.extra.auth && opAuth !== undefined && !(await bind(ctx, opAuth)))
          return [format(authError(AuthErrorCode.UNAUTHENTICATED))];
        // A personal access token counts each operation on its socket against its rate limit.
        const tokenId = ctx.extra.auth?.token?.id;
        if (tokenId) {
          const refused = await services.tokens.consume(tokenId).then(
            () => undefined,
            (err: unknown) => err,
          );
          if (refused) return [format(refused)];
        }
        return runWithContext({ correlationId }, () => {
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: armor.maxTokens });
          } catch (err) {
            // The same code as over HTTP (Apollo's parser): the client's document does not parse.
            return [
              format(
                err instanceof GraphQLError
                  ? new GraphQLError(err.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })
                  : err,
              ),
            ];
          }
          const errors = validate(schema, document, rules);
          if (errors.length > 0) return errors.map(format);
          const invalidText = findInvalidText(document, payload.variables);
          if (invalidText) return [format(invalidTextError(invalidText))];
          const contextValue: GraphQLContext = {
            runtime,
            services,
            correlationId,
            client: {
              ip: ctx.extra.request.socket.remoteAddress,
              userAgent: ctx.extra.request.headers['user-agent'],
            },
            ...(ctx.extra.auth ? { auth: ctx.extra.auth } : {}),
          };
          return {
            schema,
            document,
            contextValue,
            variableValues: payload.variables ?? null,
            operationName: payload.operationName ?? null,
          };
        });
      },
      execute: (args) =>
        runWithContext({ correlationId: (args.contextValue as GraphQLContext).correlationId }, () =>
          execute(args),
        ),
      subscribe: (args) =>
        runWithContext({ correlationId: (args.contextValue as GraphQLContext).correlationId }, () =>
          subscribe(args),
        ),
      // Errors of a subscription's set-up (e.g. a bad resume cursor) carry their code like any other.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map(format) };
      },
    },
    wss,
  );
  // A session that ends (logout, revoke, eviction, refresh-token reuse) on any instance closes its sockets here.
  const revocations = runtime.pubSub.subscribe('sessionRevoked');
  void (async () => {
    for await (const { sessionId } of revocations) sockets.close(sessionId);
  })().catch((err: unknown) => logger.error({ err }, 'session revocation listener stopped'));
  const userEnds = runtime.pubSub.subscribe('userSessionsEnded');
  void (async () => {
    for await (const { userId, keep } of userEnds) sockets.closeUser(userId, keep);
  })().catch((err: unknown) => logger.error({ err }, 'session revocation listener stopped'));
  // A revocation message can be lost (Redis restarted, the subscriber was away): every socket's session
  // is checked again when the subscriber comes back and every WS_SESSION_CHECK_MS.
  const revalidate = () =>
    void sockets
      .revalidate(async (sessionId, userId) => {
        // A personal access token's socket lives while the token does (revoked: closed at once by pub/sub).
        if (sessionId.startsWith('pat:'))
          return services.tokens.isLive(sessionId.slice('pat:'.length), userId);
        const session = await services.auth.sessions.get(sessionId);
        return !!session && session.userId === userId;
      })
      .catch((err: unknown) => logger.warn({ err }, 'socket sessions not re-checked (next check retries)'));
  const offReconnect = runtime.pubSub.onReconnect?.(revalidate);
  const checkTimer = setInterval(revalidate, config.WS_SESSION_CHECK_MS);
  checkTimer.unref();

  return {
    wss,
    /** Closes every socket (1001 going away) and stops accepting new ones. */
    async dispose() {
      clearInterval(checkTimer);
      offReconnect?.();
      await revocations[Symbol.asyncIterator]().return?.();
      await userEnds[Symbol.asyncIterator]().return?.();
      await disposable.dispose();
      untrack();
    },
  };
}

/** `extensions.headers.authorization` (any case) of a subscribe message, as GraphiQL sends it. */
function authorizationOf(extensions: unknown): unknown {
  const headers = (extensions as { headers?: unknown } | undefined)?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization');
  return key ? (headers as Record<string, unknown>)[key] : undefined;
}

/** Open sockets per session, so ending a session closes them within a second. */
class SessionSockets {
  private readonly bySession = new Map<string, { userId: string; sockets: Set<WebSocket> }>();

  add(sessionId: string, userId: string, socket: WebSocket) {
    const entry = this.bySession.get(sessionId) ?? { userId, sockets: new Set<WebSocket>() };
    entry.sockets.add(socket);
    this.bySession.set(sessionId, entry);
  }

  remove(sessionId: string, socket: WebSocket) {
    const entry = this.bySession.get(sessionId);
    entry?.sockets.delete(socket);
    if (entry?.sockets.size === 0) this.bySession.delete(sessionId);
  }

  close(sessionId: string) {
    for (const socket of this.bySession.get(sessionId)?.sockets ?? [])
      socket.close(WS_CLOSE_SESSION_ENDED, 'Session ended');
    this.bySession.delete(sessionId);
  }

  closeUser(userId: string, keep: string | null) {
    for (const [sessionId, entry] of [...this.bySession])
      if (entry.userId === userId && sessionId !== keep) this.close(sessionId);
  }

  /** Closes the sockets of every session `alive` says is gone (a failed check keeps the socket). */
  async revalidate(alive: (sessionId: string, userId: string) => Promise<boolean>): Promise<void> {
    const entries = [...this.bySession];
    let failed: unknown;
    // Bounded fan-out: 50 look-ups at a time.
    for (let i = 0; i < entries.length; i += 50) {
      await Promise.all(
        entries.slice(i, i + 50).map(async ([sessionId, { userId }]) => {
          const ok = await alive(sessionId, userId).catch((err: unknown) => {
            failed = err;
            return true;
          });
          if (!ok) this.close(sessionId);
        }),
      );
    }
    if (failed) throw failed;
  }
}
