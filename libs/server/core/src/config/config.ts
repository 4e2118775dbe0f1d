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
  WEB_DIST_DIR: spec({
    schema: z.string().min(1).default('dist/apps/web'),
    doc: 'Built web app served by `npm start`.',
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
