import { timedCheck } from './health';

describe('timedCheck', () => {
  it('reports a hanging probe as down once the deadline passes', async () => {
    const started = Date.now();
    const result = await timedCheck(() => new Promise(() => undefined), 100);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/timed out after 100 ms/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a failing probe with a one-line reason only', async () => {
    const result = await timedCheck(
      () => Promise.reject(new Error('connect ECONNREFUSED\n    at internal/stack.js:1')),
      1000,
    );
    expect(result).toMatchObject({ ok: false, error: 'connect ECONNREFUSED' });
  });

  it('reports success with its latency', async () => {
    const result = await timedCheck(() => new Promise((r) => setTimeout(r, 20)), 1000);
    expect(result.ok).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(15);
  });
});
