import { AppError, ErrorCategory, createLogger, loadConfig } from '@pa/server-core';
import { RATE_LIMIT_POLICIES, type RateLimitPolicyName } from './rate-limit.policies';
import { createRateLimits, type RateLimits, type RateLimitsOptions } from './rate-limits.service';

// Memory mode (no Redis: the single-process adapter) with a fake clock: rate-limiter-flexible's memory
// store reads Date.now() and expires records with setTimeout, both of which jest's clock drives.
const config = loadConfig({ NODE_ENV: 'test' });
const logger = createLogger({ level: 'silent', name: 'test' });
const memoryLimits = (options?: RateLimitsOptions): RateLimits =>
  createRateLimits({ config, redis: undefined, logger }, options);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a RATE_LIMITED AppError, got ${String(error)}`);
  return error;
}

function expectRateLimited(error: AppError, retryAfterSeconds: number): void {
  expect(error.code).toBe('RATE_LIMITED');
  expect(error.category).toBe(ErrorCategory.RATE_LIMITED);
  expect(error.details).toEqual({ retryAfterSeconds });
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('RateLimits in memory (single-process mode)', () => {
  it('uses the memory store when the runtime has no Redis', () => {
    expect(memoryLimits().store).toBe('memory');
  });

  it.each(Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicyName[])(
    '%s refuses exactly the call after its documented number, with the rest of its window as retry-after',
    async (name) => {
      const limits = memoryLimits();
      const { points, durationSeconds } = RATE_LIMIT_POLICIES[name];
      for (let i = 1; i <= points; i += 1) {
        await expect(limits.consume(name, 'key-1')).resolves.toEqual({
          remainingPoints: points - i,
          resetInSeconds: durationSeconds,
        });
      }
      jest.advanceTimersByTime(Math.floor((durationSeconds * 1000) / 3));
      const error = await refusal(limits.consume(name, 'key-1'));
      expectRateLimited(error, durationSeconds - Math.floor(durationSeconds / 3));
      // The window ends: allowed again.
      jest.advanceTimersByTime(durationSeconds * 1000);
      await expect(limits.consume(name, 'key-1')).resolves.toMatchObject({ remainingPoints: points - 1 });
    },
  );

  it('counts every call of a batch: 12 concurrent login attempts (e.g. aliased fields) let exactly 10 through', async () => {
    const limits = memoryLimits();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => limits.checkLoginAllowed('ada@example.com', '203.0.113.7')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);
  });

  it('keeps distinct keys apart: another account or another IP is not limited by a spent one', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 10; i += 1) await limits.checkLoginAllowed('ada@example.com', '203.0.113.7');
    expectRateLimited(await refusal(limits.checkLoginAllowed('ada@example.com', '203.0.113.7')), 60);
    await expect(limits.checkLoginAllowed('bob@example.com', '203.0.113.7')).resolves.toBeUndefined();
    await expect(limits.checkLoginAllowed('ada@example.com', '198.51.100.1')).resolves.toBeUndefined();
  });

  it('limits sign-in attempts per IP across accounts (password spraying) at 100 per 15 min', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 100; i += 1) await limits.checkLoginAllowed(`user${i}@example.com`, '203.0.113.7');
    expectRateLimited(await refusal(limits.checkLoginAllowed('fresh@example.com', '203.0.113.7')), 900);
  });

  it('a refused sign-in costs the address nothing: a client retrying at its limit locks no one else out, and gets in when its window ends', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 10; i += 1) await limits.checkLoginAllowed('ada@example.com', '203.0.113.7');
    // A client that signs in again after every refusal (no password is checked for these).
    for (let i = 0; i < 200; i += 1)
      expectRateLimited(await refusal(limits.checkLoginAllowed('ada@example.com', '203.0.113.7')), 60);
    // Everyone else behind the same address still signs in (10 attempts of 100 used, not 210).
    for (let i = 0; i < 90; i += 1)
      await expect(limits.checkLoginAllowed(`user${i}@example.com`, '203.0.113.7')).resolves.toBeUndefined();
    jest.advanceTimersByTime(60_000);
    expectRateLimited(await refusal(limits.checkLoginAllowed('ada@example.com', '203.0.113.7')), 840);
    jest.advanceTimersByTime(840_000);
    await expect(limits.checkLoginAllowed('ada@example.com', '203.0.113.7')).resolves.toBeUndefined();
  });

  it('limits a whole IPv6 /64, not one address of it', async () => {
    const limits = memoryLimits({ policies: { registerPerIp: { points: 2 } } });
    await limits.consumeRegister('2001:db8:1:2::1');
    await limits.consumeRegister('2001:db8:1:2:ffff::99');
    expectRateLimited(await refusal(limits.consumeRegister('2001:0db8:0001:0002::abcd')), 3600);
    await expect(limits.consumeRegister('2001:db8:1:3::1')).resolves.toBeUndefined();
  });

  it('refuses password resets past 5 per account per hour, and past 20 per IP per hour', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 5; i += 1) await limits.consumePasswordReset('ada@example.com', `198.51.100.${i}`);
    expectRateLimited(await refusal(limits.consumePasswordReset('ADA@example.com', '198.51.100.99')), 3600);
    for (let i = 0; i < 20; i += 1) await limits.consumePasswordReset(`u${i}@example.com`, '203.0.113.7');
    expectRateLimited(await refusal(limits.consumePasswordReset('new@example.com', '203.0.113.7')), 3600);
  });

  it('allows 5 second-factor codes per challenge and 10 per account across challenges', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 5; i += 1) await limits.checkMfaAllowed('challenge-1', 'ada@example.com');
    expectRateLimited(await refusal(limits.checkMfaAllowed('challenge-1', 'ada@example.com')), 900);
    // The refused 6th try still counted against the account: 4 more on a new challenge, then no more.
    for (let i = 0; i < 4; i += 1) await limits.checkMfaAllowed('challenge-2', 'ada@example.com');
    expectRateLimited(await refusal(limits.checkMfaAllowed('challenge-2', 'ada@example.com')), 900);
    await expect(limits.checkMfaAllowed('challenge-3', 'bob@example.com')).resolves.toBeUndefined();
  });

  it('sends at most one SMS a minute and five an hour per user; refused sends do not use up the hour', async () => {
    const limits = memoryLimits();
    // A new phone number each time, so only the per-user limits can refuse.
    await limits.consumeSmsSend('user-1', '+33612345670');
    jest.advanceTimersByTime(10_000);
    expectRateLimited(await refusal(limits.consumeSmsSend('user-1', '+33612345671')), 50);
    for (let i = 2; i <= 5; i += 1) {
      jest.advanceTimersByTime(61_000);
      await limits.consumeSmsSend('user-1', `+3361234567${i}`);
    }
    jest.advanceTimersByTime(61_000);
    // Five sent (the refused one was given back): the sixth waits for the hour that began at the first.
    const error = await refusal(limits.consumeSmsSend('user-1', '+33612345679'));
    expectRateLimited(error, 3600 - 10 - 5 * 61);
  });

  it('sends at most 5 SMS an hour to one phone number, whichever user asks', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 5; i += 1) await limits.consumeSmsSend(`user-${i}`, '+33 6 12 34 56 78');
    expectRateLimited(await refusal(limits.consumeSmsSend('user-9', '+33612345678')), 3600);
    // The refusal was not held against user-9.
    await expect(limits.consumeSmsSend('user-9', '+33700000000')).resolves.toBeUndefined();
  });
});

describe('progressive lock-out in memory', () => {
  const email = 'ada@example.com';
  const ip = '203.0.113.7';

  it('locks after 5 consecutive failures for 1 min, then 2, 4, 8 … capped at 1 h', async () => {
    const limits = memoryLimits();
    for (let i = 1; i <= 4; i += 1) {
      await expect(limits.recordLoginFailure(email)).resolves.toEqual({
        failures: i,
        locked: false,
        retryAfterSeconds: 0,
      });
    }
    await expect(limits.recordLoginFailure(email)).resolves.toEqual({
      failures: 5,
      locked: true,
      retryAfterSeconds: 60,
    });
    expectRateLimited(await refusal(limits.checkLoginAllowed(email, ip)), 60);

    const locks: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      // Wait out the current lock, then fail 5 more times.
      jest.advanceTimersByTime((await limits.lockoutStatus(email)).retryAfterSeconds * 1000);
      await expect(limits.lockoutStatus(email)).resolves.toEqual({ locked: false, retryAfterSeconds: 0 });
      let last = { locked: false, retryAfterSeconds: 0 };
      for (let i = 0; i < 5; i += 1) last = await limits.recordLoginFailure(email);
      locks.push(last.retryAfterSeconds);
    }
    expect(locks).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it('clears failures, escalation and the lock on success', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 10; i += 1) await limits.recordLoginFailure(email); // two locks: now 2 min
    expect((await limits.lockoutStatus(email)).retryAfterSeconds).toBe(120);
    await limits.recordLoginSuccess(email);
    await expect(limits.lockoutStatus(email)).resolves.toEqual({ locked: false, retryAfterSeconds: 0 });
    for (let i = 0; i < 4; i += 1) await limits.recordLoginFailure(email);
    expect((await limits.recordLoginFailure(email)).retryAfterSeconds).toBe(60); // back to the first step
  });

  it('forgets failures after the failure window, so occasional typos never lock', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 4; i += 1) await limits.recordLoginFailure(email);
    jest.advanceTimersByTime(3600 * 1000 + 1);
    await expect(limits.recordLoginFailure(email)).resolves.toMatchObject({ failures: 1, locked: false });
  });

  it('answers a locked unknown email exactly like a locked real account or a rate limit (no enumeration)', async () => {
    const limits = memoryLimits();
    // Lock-out is keyed by the normalised email whether an account exists or not.
    for (let i = 0; i < 5; i += 1) await limits.recordLoginFailure('nobody@example.com');
    for (let i = 0; i < 5; i += 1) await limits.recordLoginFailure(' Ada@Example.COM ');
    const unknown = await refusal(limits.checkLoginAllowed('nobody@example.com', ip));
    const known = await refusal(limits.checkLoginAllowed('ada@example.com', '198.51.100.1'));
    const shape = (e: AppError) => ({
      name: e.name,
      code: e.code,
      category: e.category,
      message: e.message,
      details: e.details,
    });
    expect(shape(unknown)).toEqual(shape(known));
    expect(shape(known)).toEqual({
      name: 'AppError',
      code: 'RATE_LIMITED',
      category: ErrorCategory.RATE_LIMITED,
      message: 'Too many attempts. Please wait 60 seconds and try again.',
      details: { retryAfterSeconds: 60 },
    });
  });

  it('refuses second-factor codes while the account is locked', async () => {
    const limits = memoryLimits();
    for (let i = 0; i < 5; i += 1) await limits.recordLoginFailure(email);
    expectRateLimited(await refusal(limits.checkMfaAllowed('challenge-1', email)), 60);
  });

  it('concurrent failures lock once per multiple of the threshold (no skipped or doubled step)', async () => {
    const limits = memoryLimits();
    const results = await Promise.all(Array.from({ length: 10 }, () => limits.recordLoginFailure(email)));
    expect(
      results
        .filter((r) => r.locked)
        .map((r) => r.retryAfterSeconds)
        .sort((a, b) => a - b),
    ).toEqual([60, 120]);
  });
});
