import { correlationIdFrom, currentCorrelationId, runWithContext } from './request-context';

describe('request context', () => {
  it('carries the correlation id through awaits and timers', async () => {
    const seen = await runWithContext({ correlationId: 'req-12345678' }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      return new Promise<string | undefined>((resolve) =>
        setImmediate(() => resolve(currentCorrelationId())),
      );
    });
    expect(seen).toBe('req-12345678');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('accepts a sane incoming id and replaces anything else', () => {
    expect(correlationIdFrom('abc-123_XYZ.9')).toBe('abc-123_XYZ.9');
    expect(correlationIdFrom(['first-id-123', 'second'])).toBe('first-id-123');
    expect(correlationIdFrom('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom('x'.repeat(500))).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
