import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRedisServer, isListening, startEmbeddedPostgres, startRedisServer } from '@pa/server-core';

/** Env names through which the global setup hands the services to test workers. */
export const ENV_PG_ADMIN = 'PA_TEST_PG_ADMIN_URL';
export const ENV_REDIS = 'PA_TEST_REDIS_URL';

interface Started {
  stop(): Promise<void>;
}

const started: Started[] = [];

/**
 * Finds PostgreSQL and Redis for the integration tests: the URLs in TEST_DATABASE_ADMIN_URL /
 * TEST_REDIS_URL, else the servers on 127.0.0.1:5432 / :6379, else an embedded PostgreSQL and a
 * redis-server from PATH started for this run (and stopped by stopTestServices).
 */
export async function ensureTestServices(log: (m: string) => void = () => undefined): Promise<void> {
  if (!process.env[ENV_PG_ADMIN]) {
    const configured = process.env['TEST_DATABASE_ADMIN_URL'];
    if (configured) process.env[ENV_PG_ADMIN] = configured;
    else if (await isListening('127.0.0.1', 5432))
      process.env[ENV_PG_ADMIN] = 'postgres://postgres@127.0.0.1:5432/postgres';
    else {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-test-pg-'));
      log(`no PostgreSQL on 127.0.0.1:5432: starting an embedded one in ${dir}`);
      const pg = await startEmbeddedPostgres(dir, 'postgres');
      started.push({
        stop: async () => {
          await pg.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      });
      process.env[ENV_PG_ADMIN] = pg.urlFor('postgres');
    }
  }
  if (!process.env[ENV_REDIS]) {
    const configured = process.env['TEST_REDIS_URL'];
    if (configured) process.env[ENV_REDIS] = configured;
    else if (await isListening('127.0.0.1', 6379)) process.env[ENV_REDIS] = 'redis://127.0.0.1:6379';
    else {
      const binary = findRedisServer();
      if (!binary) {
        throw new Error(
          'Integration tests need Redis: run one on 127.0.0.1:6379, set TEST_REDIS_URL, or install redis-server.',
        );
      }
      log('no Redis on 127.0.0.1:6379: starting redis-server');
      const redis = await startRedisServer(binary);
      started.push(redis);
      process.env[ENV_REDIS] = redis.url;
    }
  }
}

export async function stopTestServices(): Promise<void> {
  while (started.length > 0) await started.pop()?.stop();
}

export function testServiceUrls(): { pgAdminUrl: string; redisUrl: string } {
  const pgAdminUrl = process.env[ENV_PG_ADMIN];
  const redisUrl = process.env[ENV_REDIS];
  if (!pgAdminUrl || !redisUrl)
    throw new Error('Test services are not set up: is globalSetup configured for this project?');
  return { pgAdminUrl, redisUrl };
}
