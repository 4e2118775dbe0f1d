import {
  Queue,
  Worker,
  createPostgresBackend,
  withBackend,
  type Job,
  type JobsOptions,
  type JobType,
  type PostgresPoolConfig,
  type Processor,
  type RedisOptions,
} from 'bullmq';
import type { Runtime } from '@pa/server-core';

/** PostgreSQL schema of the job tables (BullMQ's and ours), apart from the app's TypeORM tables. */
export const JOBS_SCHEMA = 'pa_jobs';

// What we use of a BullMQ Queue / Worker, whichever store backs it.
export interface QueueHandle {
  add(name: string, data: unknown, opts: JobsOptions): Promise<Pick<Job, 'id'>>;
  getJobCounts(...types: JobType[]): Promise<Record<string, number>>;
  getFailed(start?: number, end?: number): Promise<Job[]>;
  getJobs(types: JobType[], start?: number, end?: number, asc?: boolean): Promise<Job[]>;
  remove(jobId: string): Promise<number>;
  /** Redis only: cuts the queue's event stream (which names job ids) to this length. */
  trimEvents?(maxLength: number): Promise<number>;
  close(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface WorkerHandle {
  pause(doNotWaitActive?: boolean): Promise<void>;
  close(force?: boolean): Promise<void>;
  waitUntilReady(): Promise<unknown>;
  on(event: 'completed', listener: (job: Job) => void): unknown;
  on(event: 'failed', listener: (job: Job | undefined, err: Error) => void): unknown;
  on(event: 'stalled', listener: (jobId: string) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** Per-worker settings: concurrency and the lock / stalled-job recovery (see workerLockOptions). */
export interface WorkerTuning {
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
}

/** Where jobs live: Redis (BullMQ's native store) or PostgreSQL (BullMQ 6's backend). */
export interface JobBackend {
  kind: 'redis' | 'postgres';
  queue(name: string, defaultJobOptions: JobsOptions): QueueHandle;
  worker(name: string, processor: Processor, options: WorkerTuning): WorkerHandle;
}

/**
 * Redis connection options for BullMQ from the runtime's command client (same server and credentials,
 * no ioredis keyPrefix: BullMQ namespaces with its own `prefix`). Workers block on Redis, so their
 * connections retry forever (`maxRetriesPerRequest: null`); producers fail fast so an enqueue during an
 * outage errors instead of hanging.
 */
export function redisConnectionOptions(runtime: Runtime, role: 'producer' | 'worker'): RedisOptions {
  if (!runtime.redis) throw new Error('redis backend without a Redis client');
  const base = runtime.redis.options;
  const { config } = runtime;
  return {
    host: base.host,
    port: base.port,
    ...(base.path ? { path: base.path } : {}),
    ...(base.username ? { username: base.username } : {}),
    ...(base.password ? { password: base.password } : {}),
    ...(base.db ? { db: base.db } : {}),
    ...(base.tls ? { tls: base.tls } : {}),
    connectionName: `pa-jobs-${role}`,
    connectTimeout: config.REDIS_CONNECT_TIMEOUT_MS,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
    ...(role === 'producer'
      ? {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
        }
      : { maxRetriesPerRequest: null }),
  };
}

/** BullMQ's PostgreSQL connection: the runtime's database, our schema, migrated by BullMQ itself. */
export function postgresConnectionOptions(runtime: Runtime): PostgresPoolConfig {
  const url = (runtime.dataSource.options as { url?: string }).url;
  if (!url) throw new Error('postgres job backend: the runtime DataSource has no url');
  const { config } = runtime;
  return {
    connectionString: url,
    schema: JOBS_SCHEMA,
    migrate: true,
    // Each Queue/Worker owns a small pool plus one LISTEN connection.
    max: 2,
    connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
    application_name: 'pa-jobs',
  };
}

/** Redis when the runtime has Redis; PostgreSQL in the single-process embedded default. */
export function createJobBackend(runtime: Runtime): JobBackend {
  if (runtime.redis) {
    const prefix = `${runtime.config.REDIS_KEY_PREFIX}bull`;
    return {
      kind: 'redis',
      queue: (name, defaultJobOptions) =>
        new Queue(name, {
          connection: redisConnectionOptions(runtime, 'producer'),
          prefix,
          defaultJobOptions,
        }),
      worker: (name, processor, tuning) =>
        new Worker(name, processor, {
          connection: redisConnectionOptions(runtime, 'worker'),
          prefix,
          ...tuning,
        }),
    };
  }
  const pg = withBackend(createPostgresBackend);
  return {
    kind: 'postgres',
    queue: (name, defaultJobOptions) =>
      new pg.Queue(name, { connection: postgresConnectionOptions(runtime), defaultJobOptions }),
    worker: (name, processor, tuning) =>
      new pg.Worker(name, processor, { connection: postgresConnectionOptions(runtime), ...tuning }),
  };
}
