import { retryDelayMs, shouldRetrySocket } from './retryPolicy';

describe('shouldRetrySocket', () => {
  it('retries after a server restart or a network error', () => {
    expect(shouldRetrySocket({ code: 1001, reason: 'Going away' })).toBe(true);
    expect(shouldRetrySocket({ code: 1006 })).toBe(true);
    expect(shouldRetrySocket(new Error('socket error'))).toBe(true);
  });

  it('does not hammer a server that refused the client', () => {
    expect(shouldRetrySocket({ code: 4403 })).toBe(false);
    expect(shouldRetrySocket({ code: 4401 })).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially with jitter and caps at 30 s', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, () => 1)).toBe(8_000);
    expect(retryDelayMs(50, () => 1)).toBe(30_000);
  });
});
