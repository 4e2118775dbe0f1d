import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  currentCorrelationId,
  correlationIdFrom,
  startHeartbeat,
  toClientError,
  HttpDrain,
  type GraphQLContext,
  type Runtime,
  type Services,
} from '@pa/server-core';
import { createArmor, withoutSuggestions } from './armor';
import { httpStatusPlugin, inputTextPlugin, metricsPlugin } from './apollo-plugins';
import { operationSpanPlugin } from './operation-span-plugin';
import { createHttpApp } from './http-app';
import { bearerAuth } from './auth-middleware';
import { exportDownload } from './export-download';
import { closeServices, createServices } from './services';
import { buildApiSchema } from './schema';
import { attachWebSocketServer } from './ws-server';

export interface StartApiOptions {
  runtime: Runtime;
  port?: number;
  host?: string;
  staticDir?: string;
}

export interface ApiHandle {
  url: string;
  port: number;
  server: http.Server;
  /** The feature services of this instance (for the launcher and tests). */
  services: Services;
  /** Stops accepting, drains in-flight requests (bounded by SHUTDOWN_TIMEOUT_MS), closes sockets. Does not close the runtime. */
  stop(): Promise<void>;
}

/** Starts the API (HTTP + WebSocket on one port) over an already connected runtime. */
export async function startApi({ runtime, port, host, staticDir }: StartApiOptions): Promise<ApiHandle> {
  const { config, logger } = runtime;
  const { schema } = await buildApiSchema(runtime.pubSub);
  const services = createServices(runtime);
  const armor = createArmor(config);
  const server = http.createServer();
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  const ws = attachWebSocketServer(server, schema, runtime, services, armor);
  const drain = new HttpDrain(server);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    ...armor.apollo,
    plugins: [
      ...armor.apollo.plugins,
      inputTextPlugin(),
      metricsPlugin(runtime.metrics),
      httpStatusPlugin(),
      operationSpanPlugin(),
    ],
    csrfPrevention: true,
    // Shutdown is ours (runService): Apollo would re-raise the signal and kill the process mid-drain.
    stopOnTerminationSignals: false,
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      const out = toClientError(error, logger, formatted);
      return { ...out, message: withoutSuggestions(out.message) };
    },
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
  });
  await apollo.start();

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) => ({
      runtime,
      services,
      correlationId: currentCorrelationId() ?? correlationIdFrom(undefined),
      client: { ip: req.ip, userAgent: req.headers['user-agent'] },
      ...(req.auth ? { auth: req.auth } : {}),
      http: { req, res },
    }),
  });
  server.on(
    'request',
    drain.guard(
      createHttpApp({
        runtime,
        graphql,
        staticDir,
        authenticate: bearerAuth(services),
        exportDownload: exportDownload(services),
      }),
    ),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? config.PORT, host ?? config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopHeartbeat = startHeartbeat(runtime);
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    server,
    services,
    stop() {
      stopping ??= (async () => {
        stopHeartbeat();
        // Sockets close (1001) while HTTP drains; requests arriving meanwhile get a clean 503.
        const [, graceful] = await Promise.all([ws.dispose(), drain.drain(config.SHUTDOWN_TIMEOUT_MS)]);
        if (!graceful) logger.warn('requests still running at the shutdown bound were cut');
        await apollo.stop();
        await closeServices(services);
      })();
      return stopping;
    },
  };
}
