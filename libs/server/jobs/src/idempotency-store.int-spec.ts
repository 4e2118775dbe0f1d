import { Redis } from 'ioredis';
import {
  createTestDatabase,
  createTestRuntime,
  testServiceUrls,
  type TestDatabase,
} from '@pa/server-testing';
import { createDataSource, loadConfig } from '@pa/server-core';
import type { DataSource } from 'typeorm';
import {
  createPostgresIdempotencyStore,
  createRedisIdempotencyStore,
  type IdempotencyStore,
} from './idempotency-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['redis', 'postgres'] as const)('idempotency store on %s', (kind) => {
  let store: IdempotencyStore;
  let cleanup: () => Promise<void>;
  let prefix = '';

  beforeEach(async () => {
    if (kind === 'redis') {
      const t = await createTestRuntime({ entities: [], migrations: [] });
      if (!t.runtime.redis) throw new Error('no redis');
      store = createRedisIdempotencyStore(t.runtime.redis);
      prefix = t.config.REDIS_KEY_PREFIX;
      cleanup = t.cleanup;
    } else {
      const db: TestDatabase = await createTestDatabase('idem');
      const ds: DataSource = createDataSource(db.url, loadConfig({ NODE_ENV: 'test' }), {
        entities: [],
        migrations: [],
      });
      await ds.initialize();
      // Two stores on one database: the second start finds the table and does not fail.
      await createPostgresIdempotencyStore(ds);
      store = await createPostgresIdempotencyStore(ds);
      cleanup = async () => {
        await ds.destroy();
        await db.drop();
      };
    }
  });
  afterEach(() => cleanup());

  it('lets one holder claim a key, tells others it is busy, and tells everyone once it is done', async () => {
    const first = await store.claim('email.send:k1', 10_000);
    expect(first.state).toBe('claimed');
    expect(await store.claim('email.send:k1', 10_000)).toEqual({ state: 'busy' });
    await store.complete('email.send:k1', '<msg-1@localhost>', 60_000);
    expect(await store.claim('email.send:k1', 10_000)).toEqual({
      state: 'done',
      result: '<msg-1@localhost>',
    });
    expect((await store.claim('email.send:k2', 10_000)).state).toBe('claimed');
  });

  it('gives a released claim back, but only to its own holder', async () => {
    const claim = await store.claim('k', 10_000);
    if (claim.state !== 'claimed') throw new Error('not claimed');
    await store.release('k', 'someone-else');
    expect(await store.claim('k', 10_000)).toEqual({ state: 'busy' });
    await store.release('k', claim.token);
    expect((await store.claim('k', 10_000)).state).toBe('claimed');
  });

  it('forgets a lapsed lease and an expired done key', async () => {
    await store.claim('lease', 50);
    await sleep(120);
    expect((await store.claim('lease', 10_000)).state).toBe('claimed');
    await store.complete('ttl', 'x', 50);
    await sleep(120);
    expect((await store.claim('ttl', 10_000)).state).toBe('claimed');
  });

  if (kind === 'redis') {
    it('keeps its keys under REDIS_KEY_PREFIX with an expiry', async () => {
      await store.complete('email.send:k9', 'm', 60_000);
      const raw = new Redis(testServiceUrls().redisUrl);
      try {
        const ttl = await raw.pttl(`${prefix}idem:email.send:k9`);
        expect(ttl).toBeGreaterThan(50_000);
        expect(ttl).toBeLessThanOrEqual(60_000);
      } finally {
        raw.disconnect();
      }
    });
  }
});
