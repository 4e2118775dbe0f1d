import type { z } from 'zod';
import { platformConfig } from './slices/platform.config';
import { assistantConfig } from './slices/assistant.config';
import { mailConfig } from './slices/mail.config';
import { jobsConfig } from './slices/jobs.config';
import { authConfig } from './slices/auth.config';
import { smsConfig } from './slices/sms.config';
import { smsRoutingConfig } from './slices/sms-routing.config';
import { pushConfig } from './slices/push.config';
import { webhooksConfig } from './slices/webhooks.config';
import { composeSlices, type VarSpec } from './schema';

/** Each feature's slice of the configuration, in the order the README's table lists them. */
export const configSlices = {
  platform: platformConfig,
  assistant: assistantConfig,
  mail: mailConfig,
  jobs: jobsConfig,
  auth: authConfig,
  sms: smsConfig,
  smsRouting: smsRoutingConfig,
  push: pushConfig,
  webhooks: webhooksConfig,
} as const;

type Slices = typeof configSlices;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type Spec = UnionToIntersection<Slices[keyof Slices]>;

/** Every variable the server reads, composed once from the features' slices. Nothing outside this lib reads process.env. */
export const configSpec: Spec = composeSlices<Spec>(configSlices);

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
