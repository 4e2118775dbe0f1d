import { PreparedPushes } from './prepared-pushes';
import type { PreparedPush } from './push.port';

const target = { endpoint: 'https://push.example.test/a', p256dh: 'key-a', auth: 'auth-a' };
const request = (n: number): PreparedPush => ({
  endpoint: target.endpoint,
  headers: { ttl: '60' },
  body: Buffer.from([n]),
});

describe('PreparedPushes', () => {
  it('gives a prepared push back once, for the same payload and subscription', () => {
    const cache = new PreparedPushes();
    cache.put('r-1-0', 'd1', '{"a":1}', target, request(1));
    expect(cache.take('r-1-0', 'd1', '{"a":1}', target)).toEqual(request(1));
    expect(cache.take('r-1-0', 'd1', '{"a":1}', target)).toBeUndefined();
    expect(cache.take('r-2-0', 'd1', '{"a":1}', target)).toBeUndefined();
  });

  it('calls stale one whose payload, endpoint or keys changed since, and drops it', () => {
    const cache = new PreparedPushes();
    const changed = [
      ['{"a":2}', target],
      ['{"a":1}', { ...target, endpoint: 'https://push.example.test/b' }],
      ['{"a":1}', { ...target, p256dh: 'key-b' }],
      ['{"a":1}', { ...target, auth: 'auth-b' }],
    ] as const;
    for (const [payload, t] of changed) {
      cache.put('r-1-0', 'd1', '{"a":1}', target, request(1));
      expect(cache.take('r-1-0', 'd1', payload, t)).toBe('stale');
      expect(cache.size).toBe(0);
    }
  });

  it('calls stale one older than its lifetime', () => {
    let now = 1_000;
    const cache = new PreparedPushes(10, 500, () => now);
    cache.put('r-1-0', 'd1', 'p', target, request(1));
    now += 499;
    expect(cache.take('r-1-0', 'd1', 'p', target)).toEqual(request(1));
    cache.put('r-1-0', 'd1', 'p', target, request(1));
    now += 500;
    expect(cache.take('r-1-0', 'd1', 'p', target)).toBe('stale');
  });

  it('holds at most its bound: expired entries go first, then the oldest', () => {
    let now = 0;
    const cache = new PreparedPushes(10, 1_000, () => now);
    for (let i = 0; i < 5; i += 1) cache.put(`old-${i}`, 'd', 'p', target, request(i));
    now = 2_000;
    for (let i = 0; i < 25; i += 1) {
      cache.put(`new-${i}`, 'd', 'p', target, request(i));
      expect(cache.size).toBeLessThanOrEqual(10);
    }
    // The newest is always kept; the expired and the oldest new ones are gone.
    expect(cache.take('new-24', 'd', 'p', target)).toEqual(request(24));
    expect(cache.take('old-0', 'd', 'p', target)).toBeUndefined();
    expect(cache.take('new-0', 'd', 'p', target)).toBeUndefined();
  });
});
