import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CoreErrorCode, coreError } from '../errors/app-error';
import { metricsAccess } from '../metrics/metrics-access';
import type { Runtime } from '../runtime';
import { correlation, httpErrorHandler, sendError } from './http-errors';

export interface OpsServerOptions {
  runtime: Runtime;
  port: number;
  host?: string;
  /** Extra readiness beyond PostgreSQL and Redis (e.g. the worker's job store). */
  ready?: () => Promise<{ ok: boolean; detail?: unknown }>;
}

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

const OPS_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The operations port of a process without its own HTTP app (the worker): `/healthz` (alive),
 * `/readyz` (PostgreSQL + Redis reachable), `/metrics` (same METRICS_TOKEN rule as the API's).
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { runtime } = options;
  const { config, metrics, logger } = runtime;
  const app = express();
  app.disable('x-powered-by');
  app.use(correlation);
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () =>
      end({
        method: req.method,
        route: OPS_ROUTES.has(req.path) ? req.path : 'unmatched',
        status: String(res.statusCode),
      }),
    );
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, redis, extra] = await Promise.all([
      runtime.checkDatabase(),
      runtime.checkRedis(),
      options.ready?.().catch((err: unknown) => ({ ok: false, detail: (err as Error).message })),
    ]);
    const ok = database.ok && redis.ok && (extra?.ok ?? true);
    res
      .status(ok ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({
        status: ok ? 'ready' : 'unavailable',
        checks: {
          database,
          redis: { ...redis, mode: runtime.redisMode },
          ...(extra ? { jobs: extra } : {}),
        },
      });
  });
  app.get('/metrics', async (req, res) => {
    const access = metricsAccess(config, req.headers.authorization);
    if (access === 'hidden') return sendError(res, coreError(CoreErrorCode.NOT_FOUND));
    if (access === 'unauthorized') return sendError(res, coreError(CoreErrorCode.FORBIDDEN));
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use((_req, res) => sendError(res, coreError(CoreErrorCode.NOT_FOUND)));
  app.use(httpErrorHandler(logger));

  const server = http.createServer(app);
  const host = options.host ?? config.HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
