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
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  correlationIdFrom,
  runWithContext,
  toClientError,
  type GraphQLContext,
  type Runtime,
} from '@pa/server-core';
import { withoutSuggestions, type createArmor } from './armor';
import { isAllowedOrigin } from './origin';

type WsExtra = {
  request: IncomingMessage;
  correlationId?: string;
};

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

  const disposable = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      onConnect: (ctx) => {
        ctx.extra.correlationId = correlationIdFrom(ctx.extra.request.headers['x-request-id']);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const correlationId = ctx.extra.correlationId ?? correlationIdFrom(undefined);
        return runWithContext({ correlationId }, () => {
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: armor.maxTokens });
          } catch (err) {
            return [format(err)];
          }
          const errors = validate(schema, document, rules);
          if (errors.length > 0) return errors.map(format);
          const contextValue: GraphQLContext = { runtime, correlationId };
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
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map(format) };
      },
    },
    wss,
  );
  return {
    wss,
    /** Closes every socket (1001 going away) and stops accepting new ones. */
    async dispose() {
      await disposable.dispose();
    },
  };
}
