import { waitFor } from '@pa/server-testing';
import type { TestRuntime } from '@pa/server-testing';

/**
 * The server's acknowledgement of a GraphQL subscription: resolves once an API instance of this
 * runtime listens on the pub/sub topic (`messageAdded` of one conversation, say), i.e. once Redis
 * counts its SUBSCRIBE. A test publishing right after it cannot be missed by the subscriber.
 */
export async function subscribed(
  t: Pick<TestRuntime, 'runtime' | 'config'>,
  topic: string,
  id?: string,
  timeoutMs = 5000,
): Promise<void> {
  const redis = t.runtime.redis;
  if (!redis) throw new Error('subscribed() needs the Redis pub/sub (REDIS_URL)');
  const channel = `${t.config.REDIS_KEY_PREFIX}${topic}${id === undefined ? '' : `:${id}`}`;
  await waitFor(
    async () => {
      const reply = (await redis.call('PUBSUB', 'NUMSUB', channel)) as [string, number];
      return Number(reply[1]);
    },
    (count) => count > 0,
    timeoutMs,
  );
}
