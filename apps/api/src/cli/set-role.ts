import type { DataSource } from 'typeorm';
import {
  closeRedis,
  connectRedis,
  createMemoryPubSub,
  createRedisPubSub,
  type AppConfig,
  type Logger,
  type Redis,
} from '@pa/server-core';
import { AccessService } from '@pa/server-rbac';
import { isRole } from '@pa/shared-domain';

/** What `db-cli set-role` did: the account's id, or why nothing changed. */
export type SetRoleOutcome = { ok: true; userId: string } | { ok: false; reason: 'usage' | 'no-account' };

/**
 * Gives an account a role from the command line (e.g. the first administrator), through the same
 * AccessService the API uses: the change is stamped in Redis and announced on the pub/sub, so every
 * running instance applies it to the next request and to open subscriptions at once.
 */
export async function setRoleFromCli(
  ds: DataSource,
  rawEmail: string | undefined,
  role: string | undefined,
  config: AppConfig,
  logger: Logger,
): Promise<SetRoleOutcome> {
  if (!rawEmail || !isRole(role)) return { ok: false, reason: 'usage' };
  const email = rawEmail.trim().toLowerCase();
  const clients: Redis[] = [];
  try {
    let access: AccessService;
    if (config.REDIS_URL) {
      const redis = await connectRedis(config.REDIS_URL, config, 'command', 'pa-db-cli');
      clients.push(redis);
      const publisher = await connectRedis(config.REDIS_URL, config, 'publisher', 'pa-db-cli');
      clients.push(publisher);
      // This process only publishes: the publisher stands in as the (never used) subscriber.
      const pubSub = createRedisPubSub(publisher, publisher, config.REDIS_KEY_PREFIX, (err) =>
        logger.error({ err }, 'access change not announced'),
      );
      access = new AccessService(ds, pubSub, logger, redis);
    } else {
      // The embedded default: no Redis, no cache; the running server re-reads within its recheck bound.
      access = new AccessService(ds, createMemoryPubSub(), logger);
    }
    const userId = await access.assignRoleByEmail(email, role, 'db-cli');
    return userId ? { ok: true, userId } : { ok: false, reason: 'no-account' };
  } finally {
    // QUIT is sent after the PUBLISH on the same connection: the announcement is out before we exit.
    for (const client of clients) await closeRedis(client);
  }
}
