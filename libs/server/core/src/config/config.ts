import { z } from 'zod';

/** One documented environment variable: its schema, what it is for, and whether it is a secret. */
interface VarSpec<T extends z.ZodType> {
  schema: T;
  doc: string;
  secret?: boolean;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
const origins = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(url(['http:', 'https:'])));

function spec<T extends z.ZodType>(s: VarSpec<T>): VarSpec<T> {
  return s;
}

/** Every variable the server reads. Nothing outside this lib reads process.env. */
export const configSpec = {
  NODE_ENV: spec({
    schema: z.enum(['development', 'test', 'production']).default('development'),
    doc: 'Runtime mode. `production` turns off dev defaults (introspection, embedded database).',
  }),
  HOST: spec({
    schema: z.string().min(1).default('127.0.0.1'),
    doc: 'Interface the HTTP servers bind to (`0.0.0.0` in containers).',
  }),
  PORT: spec({
    schema: int(0, 65535).default(4000),
    doc: 'API port (HTTP, GraphQL, WebSocket, health, metrics).',
  }),
  WEB_PORT: spec({
    schema: int(0, 65535).default(4200),
    doc: 'Port of the web app when `npm start` serves it.',
  }),
  PUBLIC_WEB_URL: spec({
    schema: url(['http:', 'https:']).optional(),
    doc: 'Public URL of the web app, used in links sent by email. Default: the app served by this server (http://HOST:PORT).',
  }),
  SECURITY_CONTACT: spec({
    schema: url(['mailto:', 'https:']).optional(),
    doc: 'Where security researchers report a vulnerability (the Contact of /.well-known/security.txt, RFC 9116): a `mailto:` or `https:` URI. Default: mailto:security@ the host of PUBLIC_WEB_URL.',
  }),
  PUBLIC_API_URL: spec({
    schema: url(['http:', 'https:']).optional(),
    doc: 'Public URL of the API, as clients reach it (printed at start-up; defaults to http://HOST:PORT).',
  }),
  DATABASE_URL: spec({
    schema: url(['postgres:', 'postgresql:']).optional(),
    doc: 'PostgreSQL connection string. Unset outside production: an embedded PostgreSQL is started under DATA_DIR.',
    secret: true,
  }),
  DB_POOL_MAX: spec({ schema: int(1, 200).default(10), doc: 'Maximum connections in the PostgreSQL pool.' }),
  DB_CONNECT_TIMEOUT_MS: spec({
    schema: int(100, 120_000).default(5000),
    doc: 'Time allowed to open a PostgreSQL connection.',
  }),
  DB_MIGRATE_ON_START: spec({
    schema: bool.optional(),
    doc: 'Apply pending migrations when a server starts. Default: on outside production; in production run `npm run db:migrate`.',
  }),
  DB_STATEMENT_TIMEOUT_MS: spec({
    schema: int(100, 600_000).default(15_000),
    doc: 'PostgreSQL statement_timeout for every pooled connection.',
  }),
  REDIS_URL: spec({
    schema: url(['redis:', 'rediss:']).optional(),
    doc: 'Redis URL. Unset: a `redis-server` from PATH is started on a free port, or, when there is none, single-process adapters are used (one process only).',
    secret: true,
  }),
  REDIS_SERVER_BIN: spec({
    schema: z.string().min(1).optional(),
    doc: 'When REDIS_URL is unset: the redis-server binary to start (default: the one on PATH); `none` never starts one (single-process adapters).',
  }),
  REDIS_KEY_PREFIX: spec({
    schema: z
      .string()
      .regex(/^[a-z0-9:_-]*$/i, 'letters, digits, : _ - only')
      .default('pa:'),
    doc: 'Prefix for every Redis key and pub/sub channel (lets environments share one Redis).',
  }),
  REDIS_COMMAND_TIMEOUT_MS: spec({
    schema: int(50, 60_000).default(2000),
    doc: 'A Redis command that takes longer fails with SERVICE_UNAVAILABLE instead of hanging.',
  }),
  REDIS_CONNECT_TIMEOUT_MS: spec({
    schema: int(100, 60_000).default(5000),
    doc: 'Time allowed to connect to Redis.',
  }),
  LOG_LEVEL: spec({
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'pino log level.',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: spec({
    schema: url(['http:', 'https:']).optional(),
    doc: 'OpenTelemetry collector (OTLP over HTTP, JSON; spans go to `<endpoint>/v1/traces`). Set: every process traces HTTP, GraphQL operations, PostgreSQL, Redis and jobs. Unset: tracing is off and its SDK is never loaded.',
  }),
  OTEL_TRACES_SAMPLE_RATIO: spec({
    schema: z.coerce.number().min(0).max(1).default(1),
    doc: 'Share of new traces kept when tracing is on (0 to 1); a trace started upstream keeps its own decision.',
  }),
  LOG_FORMAT: spec({
    schema: z.enum(['json', 'pretty']).optional(),
    doc: 'Log lines as pino JSON (`json`) or readable text (`pretty`). Default: `pretty` under `npm start` outside production, `json` everywhere else.',
  }),
  CORS_ORIGINS: spec({
    schema: origins.optional(),
    doc: 'Comma-separated browser origins allowed to call the API. Default: the web app on localhost in development, none in production.',
  }),
  GRAPHQL_INTROSPECTION: spec({
    schema: bool.optional(),
    doc: 'Allow schema introspection. Default: on outside production, off in production.',
  }),
  GRAPHQL_MAX_DEPTH: spec({
    schema: int(2, 50).default(10),
    doc: 'Maximum selection depth of an operation (HTTP and WebSocket).',
  }),
  GRAPHQL_MAX_ALIASES: spec({ schema: int(1, 200).default(15), doc: 'Maximum aliases in an operation.' }),
  GRAPHQL_MAX_COST: spec({
    schema: int(10, 100_000).default(5000),
    doc: 'Maximum computed cost of an operation.',
  }),
  GRAPHQL_MAX_TOKENS: spec({
    schema: int(50, 100_000).default(2000),
    doc: 'Maximum tokens in an operation document.',
  }),
  GRAPHQL_MAX_DIRECTIVES: spec({
    schema: int(1, 200).default(20),
    doc: 'Maximum directives in an operation.',
  }),
  BODY_LIMIT: spec({
    schema: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb')
      .default('100kb'),
    doc: 'Largest accepted HTTP request body.',
  }),
  METRICS_TOKEN: spec({
    schema: z.string().min(16, 'use at least 16 characters').optional(),
    doc: 'Bearer token Prometheus sends to read `/metrics`. Unset: `/metrics` is open in development and test, and answers 404 in production.',
    secret: true,
  }),
  TRUST_PROXY: spec({
    schema: bool.default(false),
    doc: 'Trust X-Forwarded-* headers (set behind Nginx or a load balancer).',
  }),
  SHUTDOWN_TIMEOUT_MS: spec({
    schema: int(100, 120_000).default(10_000),
    doc: 'On SIGTERM/SIGINT: time allowed to drain requests before connections are cut.',
  }),
  HEARTBEAT_INTERVAL_MS: spec({
    schema: int(50, 3_600_000).default(5000),
    doc: 'How often each API instance publishes its live status to subscribers.',
  }),
  DATA_DIR: spec({
    schema: z.string().min(1).default('.data'),
    doc: 'Where the embedded PostgreSQL and Redis keep their files (git-ignored).',
  }),
  DEV_MAIL_SMTP_PORT: spec({
    schema: int(0, 65535).default(1025),
    doc: 'Development (`npm start` without SMTP_URL): SMTP port of the local mail catcher (a free one if taken).',
  }),
  DEV_MAIL_HTTP_PORT: spec({
    schema: int(0, 65535).default(8025),
    doc: 'Development: the mail catcher page and API, where sent emails can be read.',
  }),
  DEV_TWILIO_SANDBOX_PORT: spec({
    schema: int(0, 65535).default(8010),
    doc: 'Development (`npm start` without TWILIO_API_BASE_URL): port of the local Twilio sandbox that receives texts.',
  }),
  WEB_DIST_DIR: spec({
    schema: z.string().min(1).default('dist/apps/web'),
    doc: 'Built web app served by `npm start`.',
  }),
  // --- Assistant (libs/server/assistant) ---
  ASSISTANT_LLM_URL: spec({
    schema: url(['http:', 'https:']).optional(),
    doc: 'Base URL of an OpenAI-compatible chat endpoint (e.g. `https://api.example.com/v1`) for the optional second brain. Unset: only the built-in brain answers (offline, deterministic).',
  }),
  ASSISTANT_LLM_API_KEY: spec({
    schema: z.string().min(1).optional(),
    doc: 'Bearer key for ASSISTANT_LLM_URL.',
    secret: true,
  }),
  ASSISTANT_LLM_MODEL: spec({
    schema: z.string().min(1).max(200).default('gpt-4o-mini'),
    doc: 'Model name sent to ASSISTANT_LLM_URL.',
  }),
  ASSISTANT_LLM_TIMEOUT_MS: spec({
    schema: int(200, 60_000).default(4000),
    doc: 'After this long the built-in brain answers instead of the external one.',
  }),

  // --- Mail and background jobs (libs/server/mail, libs/server/jobs, apps/worker) ---
  SMTP_URL: spec({
    schema: url(['smtp:', 'smtps:']).optional(),
    doc: 'SMTP server for outgoing mail, e.g. `smtp://user:pass@host:587` (`smtps://` = implicit TLS). Unset in development: the launcher starts the local SMTP catcher and sets it.',
    secret: true,
  }),
  MAIL_FROM: spec({
    schema: z.string().min(3).max(320).default('"Personal Assistant TDAH" <no-reply@localhost>'),
    doc: 'Sender of outgoing mail (`"Name" <address>`).',
  }),
  SMTP_TIMEOUT_MS: spec({
    schema: int(500, 120_000).default(10_000),
    doc: 'SMTP connection, greeting and socket timeout: a mail server that stalls fails the send (it is retried).',
  }),
  SMTP_POOL_MAX: spec({
    schema: int(1, 50).default(3),
    doc: 'Maximum pooled SMTP connections per process.',
  }),
  JOBS_ATTEMPTS: spec({
    schema: int(1, 50).default(5),
    doc: 'Attempts per background job before it is kept in the failed set.',
  }),
  JOBS_BACKOFF_MS: spec({
    schema: int(10, 3_600_000).default(2000),
    doc: 'Delay before the first retry of a failed job; doubles at each attempt (exponential backoff).',
  }),
  JOBS_CONCURRENCY: spec({
    schema: int(1, 100).default(5),
    doc: 'Jobs of one queue a worker process runs at the same time.',
  }),
  JOBS_KEEP_COMPLETED: spec({
    schema: int(0, 100_000).default(1000),
    doc: 'Completed jobs kept per queue (older ones are trimmed).',
  }),
  JOBS_KEEP_FAILED: spec({
    schema: int(1, 10_000_000).default(100_000),
    doc: 'Failed jobs kept per queue for inspection and replay.',
  }),
  JOBS_LOCK_MS: spec({
    schema: int(1000, 600_000).default(5000),
    doc: 'Lock of a running job, renewed every half of it: a worker that dies mid-job loses it after this long (a live one renews it, so nothing runs twice).',
  }),
  JOBS_STALLED_CHECK_MS: spec({
    schema: int(1000, 600_000).default(4000),
    doc: 'How often workers look for jobs whose lock lapsed (a crashed worker): such a job is retried within JOBS_LOCK_MS + JOBS_STALLED_CHECK_MS (9 s by default).',
  }),
  JOBS_MAX_STALLED: spec({
    schema: int(0, 20).default(2),
    doc: 'Times a job may be recovered from a crashed worker before it is failed for good.',
  }),
  JOBS_STORE_CHECK_MS: spec({
    schema: int(500, 600_000).default(5000),
    doc: 'How often the worker checks that Redis still holds the queues (a sentinel key; also at every reconnect). When Redis lost its data, the worker re-queues everything from PostgreSQL at once.',
  }),
  JOBS_SWEEP_INTERVAL_S: spec({
    schema: int(5, 86_400).default(60),
    doc: 'How often the worker re-queues, from PostgreSQL, work that is due and not queued (reminders, check-ins, unanswered messages, unsent texts).',
  }),
  JOBS_SWEEP_LOOKBACK_MINUTES: spec({
    schema: int(1, 7 * 1440).default(1440),
    doc: 'How far back the periodic sweep looks for due work (older missed work is left alone).',
  }),
  JOBS_IDEMPOTENCY_TTL_S: spec({
    schema: int(60, 90 * 86_400).default(7 * 86_400),
    doc: 'How long a processed idempotency key (e.g. a sent email) is remembered, so a retried or re-queued job does not act twice.',
  }),
  WS_SESSION_CHECK_MS: spec({
    schema: int(1000, 600_000).default(15_000),
    doc: 'How often each API instance re-checks that the session of every open WebSocket still exists (also at once when its pub/sub connection comes back): a socket whose session is gone is closed with 4401 within this bound, even when the revocation message was lost.',
  }),
  // --- auth (tokens and sessions) ---
  JWT_SECRET: spec({
    schema: z
      .string()
      .min(32, 'use at least 32 characters')
      .default('dev-only-jwt-secret-do-not-use-in-production-0123456789'),
    doc: 'HMAC key (HS256) that signs access tokens. Development default; must be set in production.',
    secret: true,
  }),
  JWT_ISSUER: spec({
    schema: z.string().min(1).default('personal-assistant-tdah'),
    doc: 'Access tokens `iss`.',
  }),
  JWT_AUDIENCE: spec({ schema: z.string().min(1).default('pa-clients'), doc: 'Access tokens `aud`.' }),
  ACCESS_TOKEN_TTL_SECONDS: spec({
    schema: int(60, 3600).default(900),
    doc: 'Access token lifetime (15 min).',
  }),
  REFRESH_REUSE_GRACE_SECONDS: spec({
    schema: int(0, 120).default(10),
    doc: 'A rotated refresh token presented again within this time gets the same successor (a client that lost the answer); later, it revokes the whole family and its session.',
  }),
  SESSION_ABSOLUTE_TTL_SECONDS: spec({
    schema: int(300, 30 * 86400).default(86_400),
    doc: 'A session (and its refresh tokens) ends this long after sign-in, whatever happens (24 h).',
  }),
  SESSION_IDLE_TIMEOUT_SECONDS: spec({
    schema: int(60, 30 * 86400).default(7200),
    doc: 'A session unused for this long ends (2 h).',
  }),
  SESSION_MAX_PER_USER: spec({
    schema: int(1, 100).default(5),
    doc: 'Concurrent sessions per user; signing in once more ends the oldest.',
  }),
  SESSION_PENDING_MAX_PER_USER: spec({
    schema: int(1, 100).default(3),
    doc: 'Sign-ins waiting for their second factor, per user, counted apart from full sessions (which they never end); one more ends the oldest pending one.',
  }),
  INITIAL_ADMIN_EMAIL: spec({
    schema: z.string().trim().toLowerCase().email().max(254).optional(),
    doc: 'The account with this email becomes an administrator once its address is verified (the first administrator of a new installation; later ones are appointed in the admin area or with `npm run db -- set-role`).',
  }),
  REAUTH_WINDOW_SECONDS: spec({
    schema: int(30, 86_400).default(300),
    doc: 'Sensitive changes (password, email, phone, MFA) need a sign-in or second factor this recent.',
  }),
  COOKIE_SECURE: spec({
    schema: bool.default(true),
    doc: 'Mark the refresh-token cookie Secure (browsers accept it on http://localhost too).',
  }),
  // --- MFA (libs/server/auth/src/mfa) ---
  MFA_ENCRYPTION_KEY: spec({
    schema: z
      .string()
      .refine((v) => /^[A-Za-z0-9+/]{43}=?$/.test(v) && Buffer.from(v, 'base64').length === 32, {
        message: 'expected 32 random bytes in base64 (`openssl rand -base64 32`)',
      })
      // Public development key ("pa-development-mfa-key-NOT-PROD!"): production must set its own.
      .default('cGEtZGV2ZWxvcG1lbnQtbWZhLWtleS1OT1QtUFJPRCE='),
    doc: 'AES-256-GCM key (32 bytes, base64) that encrypts TOTP secrets at rest and keys the backup-code hashes. Development default; must be set in production.',
    secret: true,
  }),
  // --- Rate limits and brute-force lock-out (libs/server/auth/src/rate-limit) ---
  RATE_LIMIT_REGISTER_PER_HOUR: spec({
    schema: int(1, 10_000).default(5),
    doc: 'Sign-ups allowed per IP address per hour (raise it for a shared network or an end-to-end test run).',
  }),
  RATE_LIMIT_TOKEN_PER_MINUTE: spec({
    schema: int(1, 100_000).default(600),
    doc: 'Requests (HTTP requests, WebSocket connections and operations) one personal access token may make per minute; past it, RATE_LIMITED with a retry delay.',
  }),
  RATE_LIMIT_REDIS_TIMEOUT_MS: spec({
    schema: int(20, 10_000).default(250),
    doc: 'A rate-limit check that Redis does not answer within this time falls back to per-process in-memory limits (never fails open, never hangs a sign-in).',
  }),
  // --- SMS through Twilio (libs/server/sms, tools/twilio-sandbox) ---
  TWILIO_ACCOUNT_SID: spec({
    schema: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits')
      .default(`AC${'0'.repeat(32)}`),
    doc: 'Twilio account SID. Development default: the local Twilio sandbox account; must be set in production.',
  }),
  TWILIO_AUTH_TOKEN: spec({
    schema: z.string().min(1).default('sandbox-token'),
    doc: 'Twilio auth token (HTTP Basic password of the REST API). Development default: the sandbox token; must be set in production.',
    secret: true,
  }),
  TWILIO_API_BASE_URL: spec({
    schema: url(['http:', 'https:']).optional(),
    doc: 'Send Twilio REST calls here instead of https://api.twilio.com (the local Twilio sandbox; the launcher sets it in development). Unset: real Twilio.',
  }),
  // --- Web Push (libs/server/push; checked further by pushSettingsFromConfig) ---
  VAPID_PUBLIC_KEY: spec({
    schema: z.string().optional(),
    doc: 'Web Push VAPID public key (base64url, uncompressed P-256 point). Required in production; `npm start` generates a pair once and keeps it in DATA_DIR/vapid.json. Unset: push is off.',
  }),
  VAPID_PRIVATE_KEY: spec({
    schema: z.string().optional(),
    doc: 'Web Push VAPID private key (base64url, 32 bytes), the pair of VAPID_PUBLIC_KEY.',
    secret: true,
  }),
  VAPID_SUBJECT: spec({
    schema: url(['mailto:', 'https:']).optional(),
    doc: 'Who push services may contact about our pushes (mailto: or https: URL). Required with the keys in production.',
  }),
  DEV_PUSH_SANDBOX_PORT: spec({
    schema: int(0, 65535).default(8011),
    doc: 'Development (`npm start`): port of the local push service stand-in (tools/push-sandbox).',
  }),
  TWILIO_REQUEST_TIMEOUT_MS: spec({
    schema: int(100, 120_000).default(10_000),
    doc: 'A Twilio REST call that takes longer fails with SMS_UNAVAILABLE instead of hanging.',
  }),
  SMS_FROM_NUMBER: spec({
    schema: z
      .string()
      // The shape only: libs/server/sms checks the number itself (libphonenumber) when it starts.
      .regex(/^\+[1-9]\d{6,14}$/, 'expected a phone number in E.164 form, e.g. +15005550006')
      .default('+15005550006'),
    doc: 'Sender (E.164) of system messages such as sign-in codes. Development default: a Twilio test number; must be set in production.',
  }),
  WORKER_PORT: spec({
    schema: int(0, 65535).default(8004),
    doc: "Port of the worker's `/healthz`, `/readyz` and `/metrics` (0: any free port). `npm start` uses a free one when taken.",
  }),
  // --- SMS router and numbers (apps/sms-router, libs/server/sms) ---
  SMS_ROUTER_PORT: spec({
    schema: int(0, 65535).default(8003),
    doc: 'Port of the SMS router (Twilio webhooks `POST /twilio/sms` and `/twilio/status`).',
  }),
  SMS_WEBHOOK_BASE_URL: spec({
    schema: url(['http:', 'https:']).optional(),
    doc: "Public base URL Twilio calls the SMS router at (e.g. https://sms.example.com): numbers' webhooks are set to it, and signatures are checked against it, so it must be exact behind a proxy. Default: http://127.0.0.1:SMS_ROUTER_PORT; required in production.",
  }),
  SMS_NUMBER_COUNTRY: spec({
    schema: z
      .string()
      .regex(/^[A-Z]{2}$/, 'expected a two-letter country code, e.g. US')
      .default('US'),
    doc: 'Country searched for numbers when a person asks for one without saying.',
  }),
  SMS_NUMBER_MONTHLY_COST: spec({
    schema: z
      .string()
      .regex(/^\d{1,6}(\.\d{1,4})?$/, 'expected a decimal amount, e.g. 1.15')
      .default('1.15'),
    doc: "A number's monthly rental, in SMS_COST_CURRENCY (Twilio's price list; the REST API does not report it).",
  }),
  SMS_COST_CURRENCY: spec({
    schema: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code, e.g. USD')
      .default('USD'),
    doc: 'Currency of SMS_NUMBER_MONTHLY_COST (Twilio bills in the account currency).',
  }),
  SMS_REPLIES_PER_HOUR: spec({
    schema: int(1, 10_000).default(30),
    doc: "Answers texted to one phone per hour at most; beyond, answers stay in the app (stops a loop with a phone's auto-reply from costing money).",
  }),
  SMS_WEBHOOK_CHECK_MINUTES: spec({
    schema: int(1, 10_080).default(60),
    doc: "How often the worker checks every number's webhooks at Twilio and repairs drift.",
  }),
  // --- Outgoing webhooks (libs/server/webhooks) ---
  WEBHOOK_MAX_ATTEMPTS: spec({
    schema: int(1, 20).default(8),
    doc: 'Attempts per webhook delivery (network errors, 5xx and 429 are retried; other 4xx are not).',
  }),
  WEBHOOK_BACKOFF_MS: spec({
    schema: int(10, 3_600_000).default(30_000),
    doc: 'Wait before the first retry of a webhook delivery; doubles at each attempt (8 attempts: about 1 h in all).',
  }),
  WEBHOOK_TIMEOUT_MS: spec({
    schema: int(100, 60_000).default(10_000),
    doc: 'A webhook receiver that has not answered within this long counts as a failed attempt (retried).',
  }),
  WEBHOOK_DISABLE_AFTER_FAILURES: spec({
    schema: int(1, 1000).default(10),
    doc: 'Consecutive failed deliveries (each after its retries) after which an endpoint is disabled and its owner is told by email.',
  }),
} as const;

type Spec = typeof configSpec;
export type ConfigKey = keyof Spec;
type RawConfig = { [K in ConfigKey]: z.output<Spec[K]['schema']> };

/** The validated configuration every server process runs on. */
export type AppConfig = Omit<RawConfig, 'GRAPHQL_INTROSPECTION' | 'CORS_ORIGINS' | 'DB_MIGRATE_ON_START'> & {
  GRAPHQL_INTROSPECTION: boolean;
  DB_MIGRATE_ON_START: boolean;
  CORS_ORIGINS: string[];
};

/** Raised at boot when the environment is wrong; lists every bad variable by name, never a secret's value. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment synchronously. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const out: Record<string, unknown> = {};
  const problems: { variable: string; message: string }[] = [];
  for (const [key, { schema }] of Object.entries(configSpec) as [ConfigKey, VarSpec<z.ZodType>][]) {
    const rawValue = env[key];
    const value = rawValue === undefined || rawValue.trim() === '' ? undefined : rawValue.trim();
    const parsed = schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else problems.push({ variable: key, message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const raw = out as RawConfig;
  const production = raw.NODE_ENV === 'production';
  if (production && !raw.DATABASE_URL) {
    problems.push({
      variable: 'DATABASE_URL',
      message: 'required in production (the embedded database is for development only)',
    });
  }
  if (production && !raw.REDIS_URL) {
    problems.push({
      variable: 'REDIS_URL',
      message: 'required in production (single-process adapters cannot scale out)',
    });
  }
  // A secret with a default has a development value: production must set its own.
  if (production) {
    for (const [key, s] of Object.entries(configSpec) as [ConfigKey, VarSpec<z.ZodType>][]) {
      const unset = env[key] === undefined || env[key]?.trim() === '';
      const devValue: unknown = s.secret ? s.schema.safeParse(undefined).data : undefined;
      if (devValue === undefined) continue;
      if (unset) {
        problems.push({
          variable: key,
          message: 'required in production (the default is for development only)',
        });
      } else if (env[key]?.trim() === String(devValue)) {
        // The development value is printed in the README: anyone could sign or decrypt with it.
        problems.push({
          variable: key,
          message: 'is the public development value (printed in the README): set a secret of your own',
        });
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    ...raw,
    GRAPHQL_INTROSPECTION: raw.GRAPHQL_INTROSPECTION ?? !production,
    DB_MIGRATE_ON_START: raw.DB_MIGRATE_ON_START ?? !production,
    CORS_ORIGINS:
      raw.CORS_ORIGINS ??
      (production ? [] : [`http://localhost:${raw.WEB_PORT}`, `http://127.0.0.1:${raw.WEB_PORT}`]),
  };
}

/** The config with secrets masked, fit for a log line. */
export function redactConfig(config: AppConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const secret = (configSpec as Record<string, VarSpec<z.ZodType>>)[key]?.secret;
    out[key] = secret && value !== undefined ? '[redacted]' : value;
  }
  return out;
}

/** Markdown table of every variable (the README's config table is generated from this). */
export function configTable(): string {
  const rows = Object.entries(configSpec).map(([key, s]) => {
    const d = (s.schema as z.ZodType).safeParse(undefined);
    const def =
      d.success && d.data !== undefined
        ? `\`${Array.isArray(d.data) ? d.data.join(',') : String(d.data)}\``
        : '—';
    return `| \`${key}\` | ${def} | ${'secret' in s && s.secret ? 'yes' : ''} | ${s.doc} |`;
  });
  return ['| variable | default | secret | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
