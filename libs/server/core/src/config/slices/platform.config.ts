import { z } from 'zod';
import { bool, int, origins, slice, url } from '../schema';

/** The platform itself (libs/server/core and the apps' servers): processes, PostgreSQL, Redis, logs, tracing, GraphQL limits, development launcher. */
export const platformConfig = slice({
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']).default('development'),
    doc: 'Runtime mode. `production` turns off dev defaults (introspection, embedded database).',
  },
  HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    doc: 'Interface the HTTP servers bind to (`0.0.0.0` in containers).',
  },
  PORT: {
    schema: int(0, 65535).default(4000),
    doc: 'API port (HTTP, GraphQL, WebSocket, health, metrics).',
  },
  WEB_PORT: {
    schema: int(0, 65535).default(4200),
    doc: 'Port of the web app when `npm start` serves it.',
  },
  PUBLIC_WEB_URL: {
    schema: url(['http:', 'https:']).optional(),
    doc: 'Public URL of the web app, used in links sent by email. Default: the app served by this server (http://HOST:PORT).',
  },
  SECURITY_CONTACT: {
    schema: url(['mailto:', 'https:']).optional(),
    doc: 'Where security researchers report a vulnerability (the Contact of /.well-known/security.txt, RFC 9116): a `mailto:` or `https:` URI. Default: mailto:security@ the host of PUBLIC_WEB_URL.',
  },
  PUBLIC_API_URL: {
    schema: url(['http:', 'https:']).optional(),
    doc: 'Public URL of the API, as clients reach it (printed at start-up; defaults to http://HOST:PORT).',
  },
  DATABASE_URL: {
    schema: url(['postgres:', 'postgresql:']).optional(),
    doc: 'PostgreSQL connection string. Unset outside production: an embedded PostgreSQL is started under DATA_DIR.',
    secret: true,
  },
  DB_POOL_MAX: { schema: int(1, 200).default(10), doc: 'Maximum connections in the PostgreSQL pool.' },
  DB_CONNECT_TIMEOUT_MS: {
    schema: int(100, 120_000).default(5000),
    doc: 'Time allowed to open a PostgreSQL connection.',
  },
  DB_MIGRATE_ON_START: {
    schema: bool.optional(),
    doc: 'Apply pending migrations when a server starts. Default: on outside production; in production run `npm run db:migrate`.',
  },
  DB_STATEMENT_TIMEOUT_MS: {
    schema: int(100, 600_000).default(15_000),
    doc: 'PostgreSQL statement_timeout for every pooled connection.',
  },
  REDIS_URL: {
    schema: url(['redis:', 'rediss:']).optional(),
    doc: 'Redis URL. Unset: a `redis-server` from PATH is started on a free port, or, when there is none, single-process adapters are used (one process only).',
    secret: true,
  },
  REDIS_SERVER_BIN: {
    schema: z.string().min(1).optional(),
    doc: 'When REDIS_URL is unset: the redis-server binary to start (default: the one on PATH); `none` never starts one (single-process adapters).',
  },
  REDIS_KEY_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z0-9:_-]*$/i, 'letters, digits, : _ - only')
      .default('pa:'),
    doc: 'Prefix for every Redis key and pub/sub channel (lets environments share one Redis).',
  },
  REDIS_COMMAND_TIMEOUT_MS: {
    schema: int(50, 60_000).default(2000),
    doc: 'A Redis command that takes longer fails with SERVICE_UNAVAILABLE instead of hanging.',
  },
  REDIS_CONNECT_TIMEOUT_MS: {
    schema: int(100, 60_000).default(5000),
    doc: 'Time allowed to connect to Redis.',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'pino log level.',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    schema: url(['http:', 'https:']).optional(),
    doc: 'OpenTelemetry collector (OTLP over HTTP, JSON; spans go to `<endpoint>/v1/traces`). Set: every process traces HTTP, GraphQL operations, PostgreSQL, Redis and jobs. Unset: tracing is off and its SDK is never loaded.',
  },
  OTEL_TRACES_SAMPLE_RATIO: {
    schema: z.coerce.number().min(0).max(1).default(1),
    doc: 'Share of new traces kept when tracing is on (0 to 1); a trace started upstream keeps its own decision.',
  },
  LOG_FORMAT: {
    schema: z.enum(['json', 'pretty']).optional(),
    doc: 'Log lines as pino JSON (`json`) or readable text (`pretty`). Default: `pretty` under `npm start` outside production, `json` everywhere else.',
  },
  CORS_ORIGINS: {
    schema: origins.optional(),
    doc: 'Comma-separated browser origins allowed to call the API. Default: the web app on localhost in development, none in production.',
  },
  GRAPHQL_INTROSPECTION: {
    schema: bool.optional(),
    doc: 'Allow schema introspection. Default: on outside production, off in production.',
  },
  GRAPHQL_MAX_DEPTH: {
    schema: int(2, 50).default(10),
    doc: 'Maximum selection depth of an operation (HTTP and WebSocket).',
  },
  GRAPHQL_MAX_ALIASES: { schema: int(1, 200).default(15), doc: 'Maximum aliases in an operation.' },
  GRAPHQL_MAX_COST: {
    schema: int(10, 100_000).default(5000),
    doc: 'Maximum computed cost of an operation.',
  },
  GRAPHQL_MAX_TOKENS: {
    schema: int(50, 100_000).default(2000),
    doc: 'Maximum tokens in an operation document.',
  },
  GRAPHQL_MAX_DIRECTIVES: {
    schema: int(1, 200).default(20),
    doc: 'Maximum directives in an operation.',
  },
  BODY_LIMIT: {
    schema: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb')
      .default('100kb'),
    doc: 'Largest accepted HTTP request body.',
  },
  METRICS_TOKEN: {
    schema: z.string().min(16, 'use at least 16 characters').optional(),
    doc: 'Bearer token Prometheus sends to read `/metrics`. Unset: `/metrics` is open in development and test, and answers 404 in production.',
    secret: true,
  },
  TRUST_PROXY: {
    schema: bool.default(false),
    doc: 'Trust X-Forwarded-* headers (set behind Nginx or a load balancer).',
  },
  SHUTDOWN_TIMEOUT_MS: {
    schema: int(100, 120_000).default(10_000),
    doc: 'On SIGTERM/SIGINT: time allowed to drain requests before connections are cut.',
  },
  HEARTBEAT_INTERVAL_MS: {
    schema: int(50, 3_600_000).default(5000),
    doc: 'How often each API instance publishes its live status to subscribers.',
  },
  WS_SESSION_CHECK_MS: {
    schema: int(1000, 600_000).default(15_000),
    doc: 'How often each API instance re-checks that the session of every open WebSocket still exists (also at once when its pub/sub connection comes back): a socket whose session is gone is closed with 4401 within this bound, even when the revocation message was lost.',
  },
  DATA_DIR: {
    schema: z.string().min(1).default('.data'),
    doc: 'Where the embedded PostgreSQL and Redis keep their files (git-ignored).',
  },
  DEV_MAIL_SMTP_PORT: {
    schema: int(0, 65535).default(1025),
    doc: 'Development (`npm start` without SMTP_URL): SMTP port of the local mail catcher (a free one if taken).',
  },
  DEV_MAIL_HTTP_PORT: {
    schema: int(0, 65535).default(8025),
    doc: 'Development: the mail catcher page and API, where sent emails can be read.',
  },
  DEV_TWILIO_SANDBOX_PORT: {
    schema: int(0, 65535).default(8010),
    doc: 'Development (`npm start` without TWILIO_API_BASE_URL): port of the local Twilio sandbox that receives texts.',
  },
  WEB_DIST_DIR: {
    schema: z.string().min(1).default('dist/apps/web'),
    doc: 'Built web app served by `npm start`.',
  },
});
