import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config';
import { AfterCommitSubscriber } from './after-commit';

export interface DataSourceParts {
  // TypeORM's own list type: entity classes, schemas or globs.
  entities: MixedList<string | EntitySchema | (new () => unknown)>;
  migrations: MixedList<string | (new () => unknown)>;
}

type DbConfig = Pick<AppConfig, 'DB_POOL_MAX' | 'DB_CONNECT_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>;

/** The PostgreSQL DataSource: migrations only (never synchronize), bounded pool and timeouts. */
export function createDataSource(
  url: string,
  config: DbConfig,
  parts: DataSourceParts,
  applicationName = 'pa-api',
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: parts.entities,
    migrations: parts.migrations,
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    poolSize: config.DB_POOL_MAX,
    connectTimeoutMS: config.DB_CONNECT_TIMEOUT_MS,
    applicationName,
    extra: {
      max: config.DB_POOL_MAX,
      connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
      statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: config.DB_STATEMENT_TIMEOUT_MS * 2,
      idleTimeoutMillis: 30_000,
    },
  });
}

/** Live numbers of the pg pool behind a DataSource (for /metrics). */
export function poolStats(
  ds: DataSource,
): { total: number; idle: number; waiting: number; max: number } | undefined {
  const pool = (ds.driver as unknown as { master?: Pool }).master;
  if (!pool) return undefined;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 0,
  };
}
