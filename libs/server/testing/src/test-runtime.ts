import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  createLogger,
  createRuntime,
  loadConfig,
  type AppConfig,
  type DataSourceParts,
  type Logger,
  type Runtime,
} from '@pa/server-core';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testServiceUrls } from './services';

export interface TestRuntime {
  runtime: Runtime;
  config: AppConfig;
  database: TestDatabase;
  /** Closes the runtime, drops the database and deletes this test's Redis keys. */
  cleanup(): Promise<void>;
}

/** Test config: the test services, silent logs, and a Redis prefix of its own. Overrides win. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    REDIS_URL: testServiceUrls().redisUrl,
    REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    ...overrides,
  });
}

/** A runtime on a fresh, migrated database and the test Redis, isolated from every other test. */
export async function createTestRuntime(
  parts: DataSourceParts,
  overrides: Record<string, string> = {},
  logger?: Logger,
): Promise<TestRuntime> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, ...overrides });
  const log = logger ?? createLogger({ level: config.LOG_LEVEL, name: 'test' });
  try {
    const runtime = await createRuntime({
      config,
      logger: log,
      infrastructure: {
        databaseUrl: database.url,
        databaseMode: 'external',
        redisUrl: config.REDIS_URL,
        redisMode: 'external',
      },
      parts,
      migrate: true,
      applicationName: 'pa-test',
    });
    return {
      runtime,
      config,
      database,
      async cleanup() {
        await runtime.close();
        await database.drop();
        await deleteKeys(testServiceUrls().redisUrl, config.REDIS_KEY_PREFIX);
      },
    };
  } catch (err) {
    await database.drop();
    throw err;
  }
}

/** Deletes every key under a prefix (bounded SCAN; test prefixes hold a handful of keys). */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    let cursor = '0';
    for (let i = 0; i < 1000; i += 1) {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    await client.quit();
  }
}
