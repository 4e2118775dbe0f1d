import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config';
import { closeRedis, connectRedis, type Redis } from '../redis/redis';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from './pubsub';
import '../status/status.topics';

const config = loadConfig({});
// Set by the test services' global setup (libs/server/testing); read directly to keep core free of a cycle.
const redisUrl = () => {
  const url = process.env['PA_TEST_REDIS_URL'];
  if (!url) throw new Error('PA_TEST_REDIS_URL is not set: run through the project jest config');
  return url;
};

async function first<T>(iterable: AsyncIterable<T>, timeoutMs = 3000): Promise<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('no message')), timeoutMs),
  );
  try {
    const result = await Promise.race([iterator.next(), timeout]);
    return result.value as T;
  } finally {
    await iterator.return?.();
  }
}

describe('Redis pub/sub', () => {
  const clients: Redis[] = [];
  const connect = async (role: 'publisher' | 'subscriber') => {
    const c = await connectRedis(redisUrl(), config, role);
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of clients) await closeRedis(c);
  });

  it('delivers a typed payload published on one connection set to a subscriber on another', async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    const instanceA: PubSub = createRedisPubSub(
      await connect('publisher'),
      await connect('subscriber'),
      prefix,
    );
    const instanceB: PubSub = createRedisPubSub(
      await connect('publisher'),
      await connect('subscriber'),
      prefix,
    );
    const received = first(instanceB.subscribe('heartbeat'));
    await new Promise((r) => setTimeout(r, 100));
    instanceA.publish('heartbeat', { instanceId: 'a', at: '2026-11-25T10:00:00.000Z', uptimeSeconds: 1.5 });
    expect(await received).toEqual({ instanceId: 'a', at: '2026-11-25T10:00:00.000Z', uptimeSeconds: 1.5 });
  });

  it('keeps environments apart by channel prefix', async () => {
    const mine = createRedisPubSub(await connect('publisher'), await connect('subscriber'), 'test:mine:');
    const theirs = createRedisPubSub(await connect('publisher'), await connect('subscriber'), 'test:theirs:');
    const received = first(mine.subscribe('heartbeat'), 500);
    await new Promise((r) => setTimeout(r, 100));
    theirs.publish('heartbeat', { instanceId: 'other', at: new Date().toISOString(), uptimeSeconds: 0 });
    await expect(received).rejects.toThrow('no message');
  });
});

describe('memory pub/sub', () => {
  it('round-trips payloads through JSON like Redis does', async () => {
    const pubSub = createMemoryPubSub();
    const received = first(pubSub.subscribe('heartbeat'));
    const payload = {
      instanceId: 'x',
      at: new Date('2026-01-01T00:00:00Z') as unknown as string,
      uptimeSeconds: 2,
    };
    pubSub.publish('heartbeat', payload);
    expect(await received).toEqual({ instanceId: 'x', at: '2026-01-01T00:00:00.000Z', uptimeSeconds: 2 });
  });
});

describe('Redis pub/sub during an outage', () => {
  it('drops a message with a report instead of an unhandled rejection', async () => {
    const { findRedisServer, startRedisServer } = await import('../embedded/redis-server');
    const binary = findRedisServer();
    if (!binary) throw new Error('this test needs redis-server on PATH');
    const server = await startRedisServer(binary);
    const publisher = await connectRedis(server.url, config, 'publisher');
    const subscriber = await connectRedis(server.url, config, 'subscriber');
    const errors: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pubSub = createRedisPubSub(publisher, subscriber, 'test:outage:', (err) => errors.push(err));
      await server.stop();
      pubSub.publish('heartbeat', { instanceId: 'x', at: new Date().toISOString(), uptimeSeconds: 0 });
      await new Promise((r) => setTimeout(r, 200));
      expect(errors).toHaveLength(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await closeRedis(publisher);
      await closeRedis(subscriber);
    }
  });
});

describe('pub/sub channels by id', () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const c of clients) await closeRedis(c);
  });

  it.each(['memory', 'redis'] as const)(
    'on %s, a subscriber to one id gets that id’s messages only',
    async (kind) => {
      let pubSub: PubSub;
      if (kind === 'memory') pubSub = createMemoryPubSub();
      else {
        const publisher = await connectRedis(redisUrl(), config, 'publisher');
        const subscriber = await connectRedis(redisUrl(), config, 'subscriber');
        clients.push(publisher, subscriber);
        pubSub = createRedisPubSub(publisher, subscriber, `test:${randomBytes(4).toString('hex')}:`);
      }
      const ofA = pubSub.subscribe('heartbeat', 'a')[Symbol.asyncIterator]();
      const next = ofA.next();
      await new Promise((r) => setTimeout(r, 100)); // the Redis SUBSCRIBE is in place
      pubSub.publish('heartbeat', { instanceId: 'b', at: 'x', uptimeSeconds: 1 }, 'b');
      pubSub.publish('heartbeat', { instanceId: 'a', at: 'x', uptimeSeconds: 1 }, 'a');
      const got = await Promise.race([
        next,
        new Promise((_, reject) => setTimeout(() => reject(new Error('none')), 3000)),
      ]);
      expect((got as IteratorResult<{ instanceId: string }>).value.instanceId).toBe('a');
      await ofA.return?.();
    },
  );
});
