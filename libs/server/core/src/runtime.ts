import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config';
import { createDataSource, poolStats, type DataSourceParts } from './db/data-source';
import { closeRedis, connectRedis } from './redis/redis';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from './pubsub/pubsub';
import { createMetrics, type Metrics } from './metrics/metrics';
import { checkDatabase, checkRedis, type CheckResult } from './health/health';
import type { Infrastructure, RedisMode } from './embedded/infrastructure';

/** Everything a server process shares: config, logger, database, Redis, pub/sub, metrics. */
export interface Runtime {
  config: AppConfig;
  logger: Logger;
  instanceId: string;
  startedAt: Date;
  dataSource: DataSource;
  /** Command client (keys prefixed); undefined in single-process mode. */
  redis: Redis | undefined;
  redisMode: RedisMode;
  databaseMode: Infrastructure['databaseMode'];
  pubSub: PubSub;
  metrics: Metrics;
  checkDatabase(timeoutMs?: number): Promise<CheckResult>;
  checkRedis(timeoutMs?: number): Promise<CheckResult>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: AppConfig;
  logger: Logger;
  infrastructure: Pick<Infrastructure, 'databaseUrl' | 'redisUrl' | 'redisMode' | 'databaseMode'>;
  parts: DataSourceParts;
  /** Apply pending migrations at start (the embedded default and tests do; production runs db:migrate). */
  migrate?: boolean;
  applicationName?: string;
}

/** Connects everything; on any failure closes what was opened and rethrows. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger, infrastructure } = options;
  const dataSource = createDataSource(
    infrastructure.databaseUrl,
    config,
    options.parts,
    options.applicationName,
  );
  const redisClients: Redis[] = [];
  try {
    await dataSource.initialize();
    if (options.migrate) {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }

    let redis: Redis | undefined;
    let pubSub: PubSub;
    if (infrastructure.redisUrl) {
      const url = infrastructure.redisUrl;
      redis = await connectRedis(url, config, 'command', options.applicationName);
      redisClients.push(redis);
      const publisher = await connectRedis(url, config, 'publisher', options.applicationName);
      redisClients.push(publisher);
      const subscriber = await connectRedis(url, config, 'subscriber', options.applicationName);
      redisClients.push(subscriber);
      let lastWarning = 0;
      pubSub = createRedisPubSub(publisher, subscriber, config.REDIS_KEY_PREFIX, (err) => {
        // At most one warning a minute while Redis is away.
        if (Date.now() - lastWarning < 60_000) return;
        lastWarning = Date.now();
        logger.warn({ err }, 'pub/sub message dropped: Redis unavailable');
      });
    } else {
      pubSub = createMemoryPubSub();
    }

    const metrics = createMetrics();
    metrics.gauge('db_pool_connections', 'PostgreSQL pool connections by state', ['state'], (set) => {
      const stats = poolStats(dataSource);
      if (!stats) return;
      set({ state: 'total' }, stats.total);
      set({ state: 'idle' }, stats.idle);
      set({ state: 'waiting' }, stats.waiting);
      set({ state: 'max' }, stats.max);
    });

    // Health probes answer within a second: a dependency slower than that counts as down for readiness.
    const timeout = Math.min(config.DB_CONNECT_TIMEOUT_MS, 1000);
    // What /readyz checks, as a metric: the alerts on an unready API or an unreachable Redis read it
    // (docker/observability/rules). A process without Redis (single-process mode) reports PostgreSQL only.
    const dependencyRedis = redis;
    metrics.gauge(
      'dependency_up',
      'PostgreSQL and Redis answering this process within a second (1) or not (0), checked at scrape time',
      ['dependency'],
      async (set) => {
        const [database, cache] = await Promise.all([
          checkDatabase(dataSource, timeout),
          dependencyRedis ? checkRedis(dependencyRedis, timeout) : undefined,
        ]);
        set({ dependency: 'postgres' }, database.ok ? 1 : 0);
        if (cache) set({ dependency: 'redis' }, cache.ok ? 1 : 0);
      },
    );
    return {
      config,
      logger,
      instanceId: randomUUID(),
      startedAt: new Date(),
      dataSource,
      redis,
      redisMode: infrastructure.redisMode,
      databaseMode: infrastructure.databaseMode,
      pubSub,
      metrics,
      checkDatabase: (ms = timeout) => checkDatabase(dataSource, ms),
      checkRedis: (ms = timeout) =>
        redis ? checkRedis(redis, ms) : Promise.resolve({ ok: true, latencyMs: 0 } satisfies CheckResult),
      async close() {
        for (const client of redisClients) await closeRedis(client);
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  } catch (err) {
    for (const client of redisClients) await closeRedis(client);
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw err;
  }
}
