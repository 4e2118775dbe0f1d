import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { findRedisServer, startRedisServer } from './redis-server';

export type RedisMode = 'external' | 'spawned' | 'single-process';

/** Where PostgreSQL and Redis are, and how to stop whatever was started for this process. */
export interface Infrastructure {
  databaseUrl: string;
  databaseMode: 'external' | 'embedded';
  redisUrl: string | undefined;
  redisMode: RedisMode;
  stop(): Promise<void>;
}

/**
 * Uses DATABASE_URL / REDIS_URL when set. Otherwise (development only): an embedded PostgreSQL under
 * DATA_DIR, and a redis-server from PATH on a free port; with no redis-server, single-process adapters.
 */
export async function resolveInfrastructure(config: AppConfig, logger: Logger): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err: unknown) => logger.warn({ err }, 'stop failed'));
  };
  try {
    let databaseUrl = config.DATABASE_URL;
    let databaseMode: Infrastructure['databaseMode'] = 'external';
    if (!databaseUrl) {
      logger.info({ dataDir: config.DATA_DIR }, 'DATABASE_URL not set: starting embedded PostgreSQL');
      const pg = await startEmbeddedPostgres(config.DATA_DIR, 'assistant', (line) =>
        logger.debug({ postgres: line }),
      );
      stops.push(pg.stop);
      databaseUrl = pg.url;
      databaseMode = 'embedded';
    }

    let redisUrl = config.REDIS_URL;
    let redisMode: RedisMode = 'external';
    if (!redisUrl) {
      const binary =
        config.REDIS_SERVER_BIN === 'none' ? undefined : (config.REDIS_SERVER_BIN ?? findRedisServer());
      if (binary) {
        const redis = await startRedisServer(binary, config.DATA_DIR);
        stops.push(redis.stop);
        redisUrl = redis.url;
        redisMode = 'spawned';
        logger.info({ binary, url: redisUrl }, 'REDIS_URL not set: started redis-server');
      } else {
        redisMode = 'single-process';
        logger.warn(
          'REDIS_URL not set and no redis-server to start: using single-process adapters (pub/sub in memory). ' +
            'Fine for one process on a laptop; run Redis to scale out.',
        );
      }
    }
    return { databaseUrl, databaseMode, redisUrl, redisMode, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
