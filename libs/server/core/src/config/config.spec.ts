import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, configSlices, configSpec, configTable, loadConfig, redactConfig } from './config';
import { composeSlices } from './schema';

describe('loadConfig', () => {
  it('applies documented defaults in development', () => {
    const config = loadConfig({});
    expect(config.NODE_ENV).toBe('development');
    expect(config.PORT).toBe(4000);
    expect(config.GRAPHQL_INTROSPECTION).toBe(true);
    expect(config.DB_MIGRATE_ON_START).toBe(true);
    expect(config.CORS_ORIGINS).toEqual(['http://localhost:4200', 'http://127.0.0.1:4200']);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('parses numbers, booleans and lists', () => {
    const config = loadConfig({
      PORT: '8080',
      GRAPHQL_INTROSPECTION: 'false',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.PORT).toBe(8080);
    expect(config.GRAPHQL_INTROSPECTION).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'loud', CORS_ORIGINS: 'not a url', BODY_LIMIT: 'huge' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['BODY_LIMIT', 'CORS_ORIGINS', 'LOG_LEVEL', 'PORT']);
    expect((error as ConfigError).message).toContain('PORT');
  });

  it('never echoes a secret value in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/app' })).toThrow(/DATABASE_URL/);
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/app', REDIS_URL: 'http://:pw-secret@r' });
    } catch (err) {
      expect((err as Error).message).not.toMatch(/hunter2|pw-secret/);
    }
  });

  it('requires DATABASE_URL and REDIS_URL in production and turns dev defaults off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL[\s\S]*REDIS_URL/);
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/d', REDIS_URL: 'redis://h:6379' };
    // Secrets that have a development default must be set explicitly in production.
    expect(() => loadConfig(base)).toThrow(/JWT_SECRET: required in production/);
    const secrets = Object.fromEntries(
      Object.entries(configSpec)
        .filter(([, s]) => 'secret' in s && s.secret && s.schema.safeParse(undefined).data !== undefined)
        .map(([key]) => [
          key,
          key === 'MFA_ENCRYPTION_KEY'
            ? Buffer.alloc(32, 7).toString('base64')
            : `prod-${key}-`.padEnd(40, 'x'),
        ]),
    );
    const config = loadConfig({ ...base, ...secrets });
    expect(config.GRAPHQL_INTROSPECTION).toBe(false);
    expect(config.DB_MIGRATE_ON_START).toBe(false);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('refuses, outside development and test, any secret set to its public development value', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/d', REDIS_URL: 'redis://h:6379' };
    const devDefaults = Object.entries(configSpec)
      .filter(([, s]) => 'secret' in s && s.secret && s.schema.safeParse(undefined).data !== undefined)
      .map(([key, s]) => [key, String(s.schema.safeParse(undefined).data)] as const);
    expect(devDefaults.map(([key]) => key)).toContain('JWT_SECRET');
    for (const [key, value] of devDefaults) {
      // Set explicitly (e.g. copied from the README): still the public value, still refused.
      expect(() => loadConfig({ ...base, [key]: value })).toThrow(
        new RegExp(`${key}: is the public development value`),
      );
    }
    // Development and test keep working with it.
    for (const NODE_ENV of ['development', 'test'])
      expect(
        loadConfig({ NODE_ENV, JWT_SECRET: devDefaults.find(([k]) => k === 'JWT_SECRET')?.[1] }),
      ).toBeTruthy();
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '  ' }).PORT).toBe(4000);
  });
});

describe('redactConfig and configTable', () => {
  it('masks secrets', () => {
    const redacted = redactConfig(loadConfig({ DATABASE_URL: 'postgres://u:secret@h/d' }));
    expect(redacted['DATABASE_URL']).toBe('[redacted]');
    expect(redacted['PORT']).toBe(4000);
  });

  it('documents every variable with its default and secrecy', () => {
    const table = configTable();
    expect(table).toMatch(/\| `PORT` \| `4000` \|/);
    expect(table).toMatch(/\| `DATABASE_URL` \| — \| yes \|/);
  });
});

describe('README configuration table', () => {
  // Compared cell by cell, so Prettier's column alignment does not matter.
  const cells = (table: string) =>
    table
      .trim()
      .split('\n')
      .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));

  it('is the one generated from the config spec (run `npm run docs:config`)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../../README.md'), 'utf8');
    const section =
      /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)?.[1] ?? '';
    expect(cells(section)).toEqual(cells(configTable()));
  });
});

describe('feature slices', () => {
  it('compose into one spec holding every slice, each variable declared once', () => {
    const declared = Object.values(configSlices).flatMap((s) => Object.keys(s));
    expect(new Set(declared).size).toBe(declared.length);
    expect(Object.keys(configSpec)).toEqual(declared);
  });

  it('refuses at start a variable two features declare, naming it and both features', () => {
    const variable = { schema: z.string().optional(), doc: 'x' };
    expect(() =>
      composeSlices({ mail: { SHARED_VAR: variable }, jobs: { OTHER: variable, SHARED_VAR: variable } }),
    ).toThrow('SHARED_VAR is declared by both the mail and the jobs configuration');
  });
});
