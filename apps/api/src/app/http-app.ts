import path from 'node:path';
import { existsSync } from 'node:fs';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import {
  CoreErrorCode,
  coreError,
  correlation,
  ErrorCategory,
  httpErrorHandler,
  metricsAccess,
  sendError,
  type Runtime,
} from '@pa/server-core';
import { playgroundRouter } from './playground';
import { securityTxt } from './security-txt';

// Powerful browser features the app never uses are off for it and anything it might embed; the
// clipboard is used (copying backup codes, numbers) by the app itself only.
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
].join(', ');

const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/.well-known/security.txt']);

export interface HttpAppOptions {
  runtime: Runtime;
  graphql: RequestHandler;
  /** A built web app to serve at / (the embedded default serves web and API on one port). */
  staticDir?: string;
  /** Checks the bearer token before GraphQL runs. */
  authenticate: RequestHandler;
  /** `GET /exports/:id`: a person's data export, for them only (Bearer token). */
  exportDownload?: RequestHandler;
}

/** The express app: security headers, CORS allowlist, body limit, health, metrics, playground, GraphQL. */
export function createHttpApp({
  runtime,
  graphql,
  staticDir,
  authenticate,
  exportDownload,
}: HttpAppOptions): Express {
  const { config, metrics } = runtime;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);

  app.use(correlation);
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = KNOWN_ROUTES.has(req.path)
        ? req.path
        : req.path.startsWith('/graphql/')
          ? '/graphql/*'
          : 'other';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'worker-src': ["'self'", 'blob:'],
          'frame-ancestors': ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.NODE_ENV === 'production',
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, redis] = await Promise.all([runtime.checkDatabase(), runtime.checkRedis()]);
    const ok = database.ok && redis.ok;
    res
      .status(ok ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({
        status: ok ? 'ready' : 'unavailable',
        checks: { database, redis: { ...redis, mode: runtime.redisMode } },
      });
  });
  // RFC 9116; served here (not from the web build) so every deployment answers it, with its own URL.
  const security = securityTxt(config);
  app.get('/.well-known/security.txt', (_req, res) => {
    res.type('text/plain; charset=utf-8').setHeader('Cache-Control', 'public, max-age=86400').send(security);
  });
  app.get('/metrics', async (req, res) => {
    const access = metricsAccess(config, req.headers.authorization);
    if (access === 'hidden') return sendError(res, coreError(CoreErrorCode.NOT_FOUND));
    if (access === 'unauthorized') return sendError(res, coreError(CoreErrorCode.FORBIDDEN));
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // CORS first: it must answer preflights before any router claims OPTIONS for /graphql.
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 }),
  );
  app.use(playgroundRouter('/graphql'));
  app.use('/graphql', cookieParser(), express.json({ limit: config.BODY_LIMIT }), authenticate, graphql);
  if (exportDownload) {
    app.use(
      '/exports',
      cors<cors.CorsRequest>({ origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 }),
    );
    app.get('/exports/:id', authenticate, exportDownload);
  }

  // eslint-disable-next-line security/detect-non-literal-fs-filename -- staticDir is the operator's configured web build, never a request path
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    const index = path.resolve(staticDir, 'index.html');
    // The web app's files go out compressed (brotli or gzip): its first download is ~150 kB, not ~500.
    app.use(compression());
    // Source maps are built (for reading a stack trace reported by a user) but never served in
    // production: they would publish the source. The build writes no sourceMappingURL either.
    if (config.NODE_ENV === 'production')
      app.use((req, res, next) =>
        req.path.endsWith('.map') ? sendError(res, coreError(CoreErrorCode.NOT_FOUND)) : next(),
      );
    // Hashed assets never change; index.html, the manifest and the service worker must always be
    // revalidated (a browser checks /sw.js for a new version at every start).
    app.use(
      express.static(staticDir, {
        index: false,
        setHeaders: (res, file) => {
          const immutable = /[/\\]assets[/\\]/.test(file);
          res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
    app.get(/^\/(?!graphql|healthz|readyz|metrics).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }

  app.use((_req, res) => {
    res.status(404).json({
      errors: [
        {
          message: 'Not found.',
          extensions: { code: CoreErrorCode.NOT_FOUND, category: ErrorCategory.NOT_FOUND },
        },
      ],
    });
  });
  app.use(httpErrorHandler(runtime.logger));
  return app;
}
