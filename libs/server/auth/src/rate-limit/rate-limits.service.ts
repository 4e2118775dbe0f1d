import {
  RLWrapperTimeouts,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { productMetrics, type Runtime } from '@pa/server-core';
import {
  LOCKOUT_POLICY,
  RATE_LIMIT_POLICIES,
  lockSecondsFor,
  type LockoutPolicy,
  type RateLimitPolicy,
  type RateLimitPolicyName,
} from './rate-limit.policies';
import { rateLimitedError } from './rate-limit.errors';
import { hashKey, ipBucket, normalizeAccount, normalizePhone } from './rate-limit.keys';

/** What `createRateLimits` needs from the runtime (a whole `Runtime` fits). */
export type RateLimitsRuntime = Pick<Runtime, 'config' | 'redis' | 'logger'> &
  Partial<Pick<Runtime, 'metrics'>>;

export type LockoutSettings = Omit<LockoutPolicy, 'doc'>;

export interface RateLimitsOptions {
  /** Replaces policy numbers, e.g. short durations in tests. */
  policies?: Partial<
    Record<RateLimitPolicyName, Partial<Pick<RateLimitPolicy, 'points' | 'durationSeconds'>>>
  >;
  /** Replaces lock-out numbers, e.g. 1 s locks in tests. */
  lockout?: Partial<LockoutSettings>;
  /** Time Redis gets per operation before the in-memory fallback answers (default RATE_LIMIT_REDIS_TIMEOUT_MS). */
  redisTimeoutMs?: number;
}

/** What is left of one limit after a call. */
export interface RateLimitUsage {
  remainingPoints: number;
  resetInSeconds: number;
}

export interface LockoutStatus {
  locked: boolean;
  /** 0 when not locked. */
  retryAfterSeconds: number;
}

export interface LoginFailureResult extends LockoutStatus {
  /** Consecutive failures counted for this account so far. */
  failures: number;
}

/**
 * Rate limits and the progressive account lock-out. Every method that refuses throws the one
 * RATE_LIMITED AppError (with `details.retryAfterSeconds`), for limits and lock-out alike.
 * Call each method once per attempt — once per resolver execution, so aliased fields count one by one.
 */
export interface RateLimits {
  /** `redis`: counters shared by every instance; `memory`: this process only (single-process mode). */
  readonly store: 'redis' | 'memory';
  readonly policies: Readonly<Record<RateLimitPolicyName, RateLimitPolicy>>;
  readonly lockout: Readonly<LockoutSettings>;
  /** Counts one call of `policy` for `key` (hashed as is: normalise it first); throws RATE_LIMITED past the limit. */
  consume(policy: RateLimitPolicyName, key: string): Promise<RateLimitUsage>;
  /** Forgets the count of `policy` for `key`. */
  reset(policy: RateLimitPolicyName, key: string): Promise<void>;
  /** Before checking a password: counts the attempt per IP and per IP+account, then refuses if the account is locked. */
  checkLoginAllowed(account: string, ip: string): Promise<void>;
  /** After a wrong password or second-factor code (also for unknown emails); locks the account every `threshold` failures. */
  recordLoginFailure(account: string): Promise<LoginFailureResult>;
  /** After a successful sign-in or password reset: clears failures, escalation and any lock. */
  recordLoginSuccess(account: string): Promise<void>;
  /** Whether the account is locked now (reads only, counts nothing). */
  lockoutStatus(account: string): Promise<LockoutStatus>;
  /** Before checking a second-factor code: counts it per challenge and per account, then refuses if the account is locked. */
  checkMfaAllowed(challengeId: string, account: string): Promise<void>;
  /** Before creating an account. */
  consumeRegister(ip: string): Promise<void>;
  /** Before sending a password-reset email (call it for unknown emails too). */
  consumePasswordReset(account: string, ip: string): Promise<void>;
  /** Before sending an SMS code; only sends that pass count against the longer limits. */
  consumeSmsSend(userId: string, phone: string): Promise<void>;
}

type Limiter = RateLimiterAbstract;
type LockoutLimiterName = 'lockoutFailures' | 'lockoutLevel' | 'lockoutLock';
interface LimiterSpec {
  points: number;
  durationSeconds: number;
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Whether a limiter rejection means "over the limit" (as opposed to a store failure). */
function isLimitReached(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/**
 * Builds the rate limits on the runtime's Redis (shared by every instance, falling back to
 * per-process memory during an outage or a slow answer) or, without Redis, on memory alone.
 */
export function createRateLimits(runtime: RateLimitsRuntime, options: RateLimitsOptions = {}): RateLimits {
  const policies = Object.fromEntries(
    (Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicyName[]).map((name) => [
      name,
      { ...RATE_LIMIT_POLICIES[name], ...options.policies?.[name] },
    ]),
  ) as Record<RateLimitPolicyName, RateLimitPolicy>;
  const { doc: _doc, ...lockoutDefaults } = LOCKOUT_POLICY;
  const lockout: LockoutSettings = { ...lockoutDefaults, ...options.lockout };
  const redisTimeoutMs = options.redisTimeoutMs ?? runtime.config.RATE_LIMIT_REDIS_TIMEOUT_MS;
  const { redis, logger } = runtime;
  const refusals = runtime.metrics ? productMetrics(runtime.metrics).rateLimitRefusals : undefined;

  // Logged at most once a minute per process: the fallback is silent otherwise.
  let lastFallbackLog = 0;
  const onFallback = () => {
    const now = Date.now();
    if (now - lastFallbackLog < 60_000) return;
    lastFallbackLog = now;
    logger.warn('rate limits: Redis unavailable or slow, using per-process in-memory limits');
  };

  const makeLimiter = (name: string, spec: LimiterSpec): Limiter => {
    // No ioredis-style prefix here: the runtime's command client already prefixes every key, KEYS of
    // the Lua script included (ioredis applies keyPrefix to script keys), so keys end up as
    // `<REDIS_KEY_PREFIX>rl:<policy>:<hash>` and adding REDIS_KEY_PREFIX here would double it.
    const keyPrefix = `rl:${kebab(name)}`;
    const base = { keyPrefix, points: spec.points, duration: spec.durationSeconds };
    if (!redis) return new RateLimiterMemory(base);
    const insurance = new FallbackMemoryLimiter(base, onFallback);
    // `rejectIfRedisNotReady`: while disconnected, fall back at once instead of waiting for a timeout.
    // The insurance limiter sits on the timeout wrapper rather than on RateLimiterRedis itself, so a
    // Redis answer slower than redisTimeoutMs also falls back, and counts once, not twice.
    const store = new RateLimiterRedis({ ...base, storeClient: redis, rejectIfRedisNotReady: true });
    return new RLWrapperTimeouts({ limiter: store, timeoutMs: redisTimeoutMs, insuranceLimiter: insurance });
  };

  const limiters = Object.fromEntries(
    (Object.keys(policies) as RateLimitPolicyName[]).map((name) => [name, makeLimiter(name, policies[name])]),
  ) as Record<RateLimitPolicyName, Limiter>;

  // Lock-out state: consecutive failures, how many locks in a row (the doubling), and the lock itself.
  // `points` of the first two is unused (only penalty/set/delete are called on them).
  const lockoutLimiters: Record<LockoutLimiterName, Limiter> = {
    lockoutFailures: makeLimiter('lockoutFailures', {
      points: lockout.threshold,
      durationSeconds: lockout.failureWindowSeconds,
    }),
    lockoutLevel: makeLimiter('lockoutLevel', {
      points: 1000,
      durationSeconds: lockout.escalationMemorySeconds,
    }),
    lockoutLock: makeLimiter('lockoutLock', { points: 1, durationSeconds: lockout.maxLockSeconds }),
  };

  /** Consumes one point of each; returns the waits (ms) of those over their limit. */
  async function consumeEach(
    entries: [RateLimitPolicyName, string][],
    refundOnRefusal = false,
  ): Promise<{ waits: number[]; usage: RateLimitUsage[] }> {
    const results = await Promise.all(
      entries.map(async ([name, key]) => {
        try {
          return { ok: true as const, res: await limiters[name].consume(key), name, key };
        } catch (error) {
          if (isLimitReached(error)) return { ok: false as const, res: error, name, key };
          throw error;
        }
      }),
    );
    const refused = results.filter((r) => !r.ok);
    for (const r of refused) refusals?.inc({ policy: r.name });
    if (refundOnRefusal && refused.length > 0) {
      // Give back the points of the limits that passed: the action did not happen.
      await Promise.all(results.filter((r) => r.ok).map((r) => limiters[r.name].reward(r.key)));
    }
    return {
      waits: refused.map((r) => r.res.msBeforeNext),
      usage: results.map((r) => ({
        remainingPoints: r.res.remainingPoints,
        resetInSeconds: toSeconds(r.res.msBeforeNext),
      })),
    };
  }

  /** Throws RATE_LIMITED with the longest wait, if any limit refused. */
  function throwIfWaiting(waits: number[]): void {
    if (waits.length === 0) return;
    throw rateLimitedError(toSeconds(Math.max(...waits)));
  }

  async function lockWait(accountKey: string): Promise<number> {
    const res = await lockoutLimiters.lockoutLock.get(accountKey);
    // Only `block` writes this key, so any live record is a lock.
    return res && res.consumedPoints > 0 && res.msBeforeNext > 0 ? res.msBeforeNext : 0;
  }

  return {
    store: redis ? 'redis' : 'memory',
    policies,
    lockout,

    async consume(policy, key) {
      const { waits, usage } = await consumeEach([[policy, hashKey(key)]]);
      throwIfWaiting(waits);
      return usage[0] ?? { remainingPoints: 0, resetInSeconds: 0 };
    },

    async reset(policy, key) {
      await limiters[policy].delete(hashKey(key));
    },

    async checkLoginAllowed(account, ip) {
      const accountKey = hashKey(normalizeAccount(account));
      const ipKey = hashKey(ipBucket(ip));
      // Counted even when the account is locked: spraying locked accounts still costs the IP. But an
      // attempt a limit refused checks no password and costs nothing: otherwise a client that signs
      // in again after every refusal (as clients whose session is gone do) keeps spending the
      // address's budget and locks everyone behind that address out for as long as it retries.
      const [{ waits }, lockMs] = await Promise.all([
        consumeEach(
          [
            ['loginPerIp', ipKey],
            ['loginPerIpAndAccount', hashKey(ipBucket(ip), normalizeAccount(account))],
          ],
          true,
        ),
        lockWait(accountKey),
      ]);
      if (lockMs > 0) refusals?.inc({ policy: 'lockout' });
      throwIfWaiting(lockMs > 0 ? [...waits, lockMs] : waits);
    },

    async recordLoginFailure(account) {
      const accountKey = hashKey(normalizeAccount(account));
      // penalty is an atomic increment: of N concurrent failures exactly one sees each multiple of
      // the threshold, so concurrent (e.g. aliased) attempts cannot skip or double a lock.
      const failures = (await lockoutLimiters.lockoutFailures.penalty(accountKey)).consumedPoints;
      if (failures % lockout.threshold !== 0) return { failures, locked: false, retryAfterSeconds: 0 };
      const level = (await lockoutLimiters.lockoutLevel.penalty(accountKey)).consumedPoints;
      // Restart the escalation memory from this lock (two racing locks may lose one level: harmless).
      await lockoutLimiters.lockoutLevel.set(accountKey, level, lockout.escalationMemorySeconds);
      const seconds = lockSecondsFor(level, lockout);
      await lockoutLimiters.lockoutLock.block(accountKey, seconds);
      // No email in the log: the caller's audit log ties the lock to a user when one exists.
      logger.warn(
        { lockSeconds: seconds, lockLevel: level, failures },
        'account locked after failed attempts',
      );
      return { failures, locked: true, retryAfterSeconds: seconds };
    },

    async recordLoginSuccess(account) {
      const accountKey = hashKey(normalizeAccount(account));
      await Promise.all(Object.values(lockoutLimiters).map((limiter) => limiter.delete(accountKey)));
    },

    async lockoutStatus(account) {
      const ms = await lockWait(hashKey(normalizeAccount(account)));
      return { locked: ms > 0, retryAfterSeconds: ms > 0 ? toSeconds(ms) : 0 };
    },

    async checkMfaAllowed(challengeId, account) {
      const accountKey = hashKey(normalizeAccount(account));
      const [{ waits }, lockMs] = await Promise.all([
        consumeEach([
          ['mfaVerifyPerChallenge', hashKey(challengeId)],
          ['mfaVerifyPerAccount', accountKey],
        ]),
        lockWait(accountKey),
      ]);
      if (lockMs > 0) refusals?.inc({ policy: 'lockout' });
      throwIfWaiting(lockMs > 0 ? [...waits, lockMs] : waits);
    },

    async consumeRegister(ip) {
      throwIfWaiting((await consumeEach([['registerPerIp', hashKey(ipBucket(ip))]])).waits);
    },

    async consumePasswordReset(account, ip) {
      const { waits } = await consumeEach([
        ['passwordResetPerAccount', hashKey(normalizeAccount(account))],
        ['passwordResetPerIp', hashKey(ipBucket(ip))],
      ]);
      throwIfWaiting(waits);
    },

    async consumeSmsSend(userId, phone) {
      const userKey = hashKey(userId);
      const { waits } = await consumeEach(
        [
          ['smsSendPerUserBurst', userKey],
          ['smsSendPerUser', userKey],
          ['smsSendPerUserDay', userKey],
          ['smsSendPerPhone', hashKey(normalizePhone(phone))],
        ],
        true,
      );
      throwIfWaiting(waits);
    },
  };
}

/** The in-memory insurance limiter, which reports that it is being used. */
class FallbackMemoryLimiter extends RateLimiterMemory {
  private readonly onUse: () => void;

  constructor(opts: ConstructorParameters<typeof RateLimiterMemory>[0], onUse: () => void) {
    super(opts);
    this.onUse = onUse;
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    this.onUse();
    return super.consume(...args);
  }

  override penalty(...args: Parameters<RateLimiterMemory['penalty']>) {
    this.onUse();
    return super.penalty(...args);
  }

  override get(...args: Parameters<RateLimiterMemory['get']>) {
    this.onUse();
    return super.get(...args);
  }

  override block(...args: Parameters<RateLimiterMemory['block']>) {
    this.onUse();
    return super.block(...args);
  }
}
