export {
  LOCKOUT_POLICY,
  RATE_LIMIT_POLICIES,
  lockSecondsFor,
  type LockoutPolicy,
  type RateLimitPolicy,
  type RateLimitPolicyName,
} from './rate-limit.policies';
export {
  RateLimitErrorCode,
  isRateLimitedError,
  rateLimitErrors,
  rateLimitedError,
  type RateLimitedDetails,
} from './rate-limit.errors';
export { ipBucket, normalizeAccount, normalizePhone } from './rate-limit.keys';
export {
  createRateLimits,
  type LockoutSettings,
  type LockoutStatus,
  type LoginFailureResult,
  type RateLimitUsage,
  type RateLimits,
  type RateLimitsOptions,
  type RateLimitsRuntime,
} from './rate-limits.service';
