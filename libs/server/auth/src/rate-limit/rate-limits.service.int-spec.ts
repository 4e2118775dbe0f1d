import { Redis } from 'ioredis';
import {
  AppError,
  ErrorCategory,
  coreMigrations,
  findRedisServer,
  startRedisServer,
  type SpawnedRedis,
} from '@pa/server-core';
import { createTestRuntime, testServiceUrls, type TestRuntime } from '@pa/server-testing';
import { RATE_LIMIT_POLICIES, type RateLimitPolicyName } from './rate-limit.policies';
import { createRateLimits } from './rate-limits.service';
import { hashKey } from './rate-limit.keys';

// Against the real Redis (and, for outages, a redis-server of our own that we stop or freeze).
// rate-limiter-flexible keeps whole seconds in Redis and uses the real clock: lock-out tests use 1 s steps.
const parts = { entities: [], migrations: coreMigrations };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a RATE_LIMITED AppError, got ${String(error)}`);
  return error;
}

function retryAfterOf(error: AppError): number {
  expect(error.code).toBe('RATE_LIMITED');
  expect(error.category).toBe(ErrorCategory.RATE_LIMITED);
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof seconds !== 'number') throw new Error('RATE_LIMITED without details.retryAfterSeconds');
  return seconds;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const started = Date.now();
  const [result] = await Promise.allSettled([fn()]);
  return { ms: Date.now() - started, result: result as PromiseSettledResult<T> };
}

describe('RateLimits on Redis', () => {
  let t: TestRuntime;
  let raw: Redis;

  beforeAll(async () => {
    t = await createTestRuntime(parts);
    raw = new Redis(testServiceUrls().redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.quit();
    await t?.cleanup();
  });

  it('uses Redis when the runtime has it', () => {
    expect(createRateLimits(t.runtime).store).toBe('redis');
  });

  it.each(Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicyName[])(
    '%s refuses exactly the call after its documented number, with its window as retry-after',
    async (name) => {
      const limits = createRateLimits(t.runtime);
      const key = `${name}-${Math.random()}`;
      const { points, durationSeconds } = RATE_LIMIT_POLICIES[name];
      for (let i = 1; i <= points; i += 1) {
        await expect(limits.consume(name, key)).resolves.toMatchObject({ remainingPoints: points - i });
      }
      const retryAfter = retryAfterOf(await refusal(limits.consume(name, key)));
      expect(retryAfter).toBeLessThanOrEqual(durationSeconds);
      expect(retryAfter).toBeGreaterThanOrEqual(durationSeconds - 2);
    },
  );

  it('stores keys once prefixed with REDIS_KEY_PREFIX (no double prefix) and hashed (no email in clear)', async () => {
    const limits = createRateLimits(t.runtime);
    await limits.consume('loginPerIp', 'prefix-check');
    const prefix = t.config.REDIS_KEY_PREFIX;
    const expected = `${prefix}rl:login-per-ip:${hashKey('prefix-check')}`;
    expect(await raw.get(expected)).toBe('1');
    expect(await raw.ttl(expected)).toBeGreaterThan(890);
    expect(await raw.keys(`${prefix}${prefix}*`)).toEqual([]);

    await limits.recordLoginFailure('Secret.Person@Example.com');
    const keys = await raw.keys(`${prefix}rl:lockout-failures:*`);
    expect(keys).toHaveLength(1);
    expect(keys.join()).not.toMatch(/secret|person|example/i);
  });

  it('shares counts between instances: what one API process consumed, another sees', async () => {
    const a = createRateLimits(t.runtime);
    const b = createRateLimits(t.runtime); // its own in-memory state: only Redis is shared
    for (let i = 0; i < 5; i += 1) await a.consumeRegister('192.0.2.10');
    retryAfterOf(await refusal(b.consumeRegister('192.0.2.10')));
  });

  it('counts every attempt of a batch: 25 concurrent consumes of a 10-point limit let exactly 10 through', async () => {
    const limits = createRateLimits(t.runtime);
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => limits.checkLoginAllowed('batch@example.com', '192.0.2.20')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(retryAfterOf(r.reason as AppError)).toBeGreaterThan(55);
  });

  it('keeps distinct keys apart', async () => {
    const limits = createRateLimits(t.runtime, { policies: { passwordResetPerAccount: { points: 1 } } });
    await limits.consumePasswordReset('one@example.com', '192.0.2.30');
    retryAfterOf(await refusal(limits.consumePasswordReset('one@example.com', '192.0.2.30')));
    await expect(limits.consumePasswordReset('two@example.com', '192.0.2.30')).resolves.toBeUndefined();
  });

  it('locks progressively (1 s, 2 s, 4 s, capped), lets the user in once a lock ends, and resets on success', async () => {
    const limits = createRateLimits(t.runtime, {
      lockout: { threshold: 3, baseLockSeconds: 1, maxLockSeconds: 4 },
    });
    const email = 'lock@example.com';
    const ip = '192.0.2.40';
    const locks: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      let last = { locked: false, retryAfterSeconds: 0, failures: 0 };
      for (let i = 0; i < 3; i += 1) last = await limits.recordLoginFailure(email);
      expect(last.locked).toBe(true);
      locks.push(last.retryAfterSeconds);
      expect(retryAfterOf(await refusal(limits.checkLoginAllowed(email, ip)))).toBe(last.retryAfterSeconds);
    }
    expect(locks).toEqual([1, 2, 4, 4]);

    await limits.recordLoginSuccess(email);
    await expect(limits.checkLoginAllowed(email, ip)).resolves.toBeUndefined();
    for (let i = 0; i < 3; i += 1) await limits.recordLoginFailure(email);
    expect(retryAfterOf(await refusal(limits.checkLoginAllowed(email, ip)))).toBe(1); // back to step one

    await sleep(1100);
    await expect(limits.checkLoginAllowed(email, ip)).resolves.toBeUndefined(); // the lock ended on its own
  });

  it('locks unknown emails exactly like real accounts (same RATE_LIMITED shape, keyed by normalised email)', async () => {
    const limits = createRateLimits(t.runtime);
    for (let i = 0; i < 5; i += 1) await limits.recordLoginFailure('No.One@Example.com ');
    const error = await refusal(limits.checkLoginAllowed('no.one@example.com', '192.0.2.50'));
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many attempts. Please wait 60 seconds and try again.',
      details: { retryAfterSeconds: 60 },
    });
  });
});

describe('RateLimits during a Redis outage', () => {
  let server: SpawnedRedis;
  let t: TestRuntime;

  beforeEach(async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('this test needs redis-server on PATH');
    server = await startRedisServer(binary);
    // A long command timeout: only the rate limits' own timeout can make these calls fast.
    t = await createTestRuntime(parts, {
      REDIS_URL: server.url,
      REDIS_COMMAND_TIMEOUT_MS: '5000',
      RATE_LIMIT_REDIS_TIMEOUT_MS: '200',
    });
  });
  afterEach(async () => {
    await t?.cleanup();
    await server?.stop();
  });

  it('falls back to per-process limits when Redis is down: still enforced, and every call answers in < 1 s', async () => {
    const limits = createRateLimits(t.runtime, { policies: { registerPerIp: { points: 3 } } });
    await limits.consumeRegister('192.0.2.60'); // on Redis
    await server.stop();

    const calls: { ms: number; result: PromiseSettledResult<void> }[] = [];
    for (let i = 0; i < 4; i += 1) calls.push(await timed(() => limits.consumeRegister('192.0.2.61')));
    for (const c of calls) expect(c.ms).toBeLessThan(1000);
    expect(calls.map((c) => c.result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const last = calls[3]?.result;
    expect(last?.status === 'rejected' && retryAfterOf(last.reason as AppError)).toBeGreaterThan(3500);

    // The lock-out keeps working too.
    for (let i = 0; i < 5; i += 1) await limits.recordLoginFailure('down@example.com');
    const locked = await timed(() => limits.checkLoginAllowed('down@example.com', '192.0.2.62'));
    expect(locked.ms).toBeLessThan(1000);
    expect(locked.result.status === 'rejected' && retryAfterOf(locked.result.reason as AppError)).toBe(60);
  });

  it('falls back when Redis hangs (process frozen) instead of waiting for it', async () => {
    const limits = createRateLimits(t.runtime, { policies: { registerPerIp: { points: 2 } } });
    const redis = t.runtime.redis;
    if (!redis) throw new Error('expected a Redis runtime');
    const info = await redis.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGSTOP');
    try {
      const calls: { ms: number; result: PromiseSettledResult<void> }[] = [];
      for (let i = 0; i < 3; i += 1) calls.push(await timed(() => limits.consumeRegister('192.0.2.70')));
      for (const c of calls) expect(c.ms).toBeLessThan(1000);
      expect(calls.map((c) => c.result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });
});
