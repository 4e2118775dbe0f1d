import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/config';

type RedisConfig = Pick<
  AppConfig,
  'REDIS_COMMAND_TIMEOUT_MS' | 'REDIS_CONNECT_TIMEOUT_MS' | 'REDIS_KEY_PREFIX'
>;

export type { Redis } from 'ioredis';

/**
 * A Redis client that fails fast: commands time out, nothing queues while disconnected, and it keeps
 * reconnecting in the background. A subscriber keeps its offline queue so subscriptions resume.
 */
export async function connectRedis(
  url: string,
  config: RedisConfig,
  role: 'command' | 'publisher' | 'subscriber' = 'command',
  name = 'pa',
): Promise<Redis> {
  const options: RedisOptions = {
    lazyConnect: true,
    connectionName: `${name}-${role}`,
    connectTimeout: config.REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: role === 'subscriber' ? null : 1,
    enableOfflineQueue: role === 'subscriber',
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...(role === 'subscriber' ? {} : { commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS }),
    // Commands issued in the same tick leave in one write (a burst of reminders publishes thousands of
    // events: one socket write each took 16 % of the worker's CPU, see docs/benchmarks.md). A subscriber
    // only subscribes.
    ...(role === 'subscriber' ? {} : { enableAutoPipelining: true }),
    // Keys are prefixed by ioredis; pub/sub channels are prefixed by the pub/sub itself.
    ...(role === 'command' ? { keyPrefix: config.REDIS_KEY_PREFIX } : {}),
  };
  const client = new Redis(url, options);
  // Errors are surfaced per command and through health checks; without a listener ioredis would log noise.
  let lastError: Error | undefined;
  client.on('error', (err: Error) => {
    lastError = err;
  });
  const { host, port } = new URL(url);
  let timer: NodeJS.Timeout | undefined;
  try {
    // One deadline for TCP connect, ready check and first PING: a server that accepts but never answers
    // must not hang start-up.
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${config.REDIS_CONNECT_TIMEOUT_MS} ms`)),
          config.REDIS_CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (err) {
    client.disconnect();
    const reason = lastError?.message ?? (err instanceof Error ? err.message : String(err));
    // Host and port only: the URL may carry a password.
    throw new Error(`Redis at ${host || 'localhost'}:${port || '6379'} is unreachable (${reason})`, {
      cause: err,
    });
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/** Closes a client whatever its state (quit when connected, disconnect otherwise). */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
