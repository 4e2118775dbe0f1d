import { AppError, ErrorCategory, httpStatusOf } from '@pa/server-core';
import { isRateLimitedError, rateLimitedError } from './rate-limit.errors';
import { LOCKOUT_POLICY, lockSecondsFor } from './rate-limit.policies';

describe('RATE_LIMITED error', () => {
  it('carries retryAfterSeconds and a calm message a user can act on', () => {
    const error = rateLimitedError(42);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.category).toBe(ErrorCategory.RATE_LIMITED);
    expect(httpStatusOf[error.category]).toBe(429);
    expect(error.details).toEqual({ retryAfterSeconds: 42 });
    expect(error.message).toBe('Too many attempts. Please wait 42 seconds and try again.');
    expect(isRateLimitedError(error)).toBe(true);
    expect(isRateLimitedError(new Error('x'))).toBe(false);
  });

  it('rounds up to whole seconds (never 0) and speaks in minutes for long waits', () => {
    expect(rateLimitedError(0.2).details).toEqual({ retryAfterSeconds: 1 });
    expect(rateLimitedError(0.2).message).toBe('Too many attempts. Please wait 1 second and try again.');
    expect(rateLimitedError(3600).message).toBe('Too many attempts. Please wait 60 minutes and try again.');
    expect(rateLimitedError(121).message).toBe('Too many attempts. Please wait 3 minutes and try again.');
  });
});

describe('lockSecondsFor', () => {
  it('doubles from the base and stops at the cap (1 min, 2, 4 … 1 h)', () => {
    const steps = Array.from({ length: 9 }, (_, i) => lockSecondsFor(i + 1, LOCKOUT_POLICY));
    expect(steps).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(lockSecondsFor(10_000, LOCKOUT_POLICY)).toBe(3600);
  });
});
