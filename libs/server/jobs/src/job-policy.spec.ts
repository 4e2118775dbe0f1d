import { AppError, ErrorCategory, loadConfig } from '@pa/server-core';
import {
  MAX_PAYLOAD_BYTES,
  backoffDelayMs,
  checkEnqueue,
  isPermanentFailure,
  jobDefaults,
  toBackendJobId,
} from './job-policy';

describe('toBackendJobId', () => {
  it('keeps a safe id as it is', () => {
    expect(toBackendJobId('reminder-42_a.b')).toBe('reminder-42_a.b');
  });

  it('maps ids BullMQ refuses (colons, all digits, too long) to a stable hash', () => {
    for (const id of ['reminder:42', '12345', 'x'.repeat(200), 'with space']) {
      const mapped = toBackendJobId(id);
      expect(mapped).toMatch(/^h-[A-Za-z0-9_-]{43}$/);
      expect(toBackendJobId(id)).toBe(mapped);
    }
    expect(toBackendJobId('a:1')).not.toBe(toBackendJobId('a:2'));
  });
});

describe('checkEnqueue', () => {
  const field = (payload: unknown, options = {}) => {
    try {
      checkEnqueue(payload, options);
      return 'ok';
    } catch (err) {
      return (err as AppError).details?.['field'];
    }
  };

  it('accepts an object payload with sane options', () => {
    expect(field({ a: 1 }, { jobId: 'x', delayMs: 1000, attempts: 3 })).toBe('ok');
    expect(field({ a: 1 }, { attempts: 8, backoffMs: 30_000 })).toBe('ok');
  });

  it('rejects what would break the store or never run', () => {
    expect(field({ a: 1 }, { jobId: '' })).toBe('jobId');
    expect(field({ a: 1 }, { delayMs: -1 })).toBe('delayMs');
    expect(field({ a: 1 }, { delayMs: 1.5 })).toBe('delayMs');
    expect(field({ a: 1 }, { attempts: 0 })).toBe('attempts');
    expect(field({ a: 1 }, { backoffMs: 5 })).toBe('backoffMs');
    expect(field({ a: 1 }, { backoffMs: 3_600_001 })).toBe('backoffMs');
    expect(field('text')).toBe('payload');
    expect(field({ big: 'x'.repeat(MAX_PAYLOAD_BYTES) })).toBe('payload');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(field(cyclic)).toBe('payload');
  });
});

describe('retry policy', () => {
  it('doubles the wait at each retry', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('defaults: configured attempts, exponential backoff, completed trimmed, failed kept', () => {
    const config = loadConfig({ NODE_ENV: 'test', JOBS_ATTEMPTS: '7', JOBS_BACKOFF_MS: '250' });
    expect(jobDefaults(config)).toEqual({
      attempts: 7,
      backoff: { type: 'exponential', delay: 250 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 100_000 },
    });
  });

  it('treats bad-input errors as permanent and outages as retryable', () => {
    expect(isPermanentFailure(new AppError('MAIL_REJECTED', ErrorCategory.BAD_INPUT, 'x'))).toBe(true);
    expect(isPermanentFailure(new AppError('MAIL_UNAVAILABLE', ErrorCategory.UNAVAILABLE, 'x'))).toBe(false);
    expect(isPermanentFailure(new AppError('JOB_IN_PROGRESS', ErrorCategory.CONFLICT, 'x'))).toBe(false);
    expect(isPermanentFailure(new Error('boom'))).toBe(false);
  });
});
