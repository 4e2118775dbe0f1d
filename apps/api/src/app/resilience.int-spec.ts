import { Writable } from 'node:stream';
import { createLogger, findRedisServer, startRedisServer } from '@pa/server-core';
import { gql } from '@pa/server-testing';
import { startTestApi } from '../testing/test-api';

const dependencyUp = async (url: string, dependency: string) =>
  new RegExp(`^pa_dependency_up\\{dependency="${dependency}"\\} (\\d)$`, 'm').exec(
    await (await fetch(`${url}/metrics`)).text(),
  )?.[1];

describe('readiness', () => {
  it('goes 503 fast when Redis becomes unreachable, and names what is down (in /metrics too)', async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('this test needs redis-server on PATH');
    const redis = await startRedisServer(binary);
    const t = await startTestApi({ REDIS_URL: redis.url });
    try {
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await dependencyUp(t.url, 'redis')).toBe('1');

      await redis.stop();
      const started = Date.now();
      const down = await fetch(`${t.url}/readyz`);
      const elapsed = Date.now() - started;
      expect(down.status).toBe(503);
      const body = (await down.json()) as {
        status: string;
        checks: { database: { ok: boolean }; redis: { ok: boolean } };
      };
      expect(body.status).toBe('unavailable');
      expect(body.checks.database.ok).toBe(true);
      expect(body.checks.redis.ok).toBe(false);
      expect(elapsed).toBeLessThan(2500);
      // The same answer for Prometheus (alerts PaRedisUnreachable, PaApiNotReady).
      expect(await dependencyUp(t.url, 'redis')).toBe('0');
      expect(await dependencyUp(t.url, 'postgres')).toBe('1');
      // Liveness is not readiness: the process itself is fine.
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.close();
      await redis.stop();
    }
  });
});

describe('errors that reach clients', () => {
  it('hides an unexpected database error behind INTERNAL_SERVER_ERROR and logs it with the correlation id', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = await startTestApi({}, createLogger({ level: 'error', name: 'test' }, sink));
    try {
      await t.runtime.dataSource.query('DROP TABLE system_info');
      const res = await gql(t.url, '{ systemInfo { id name } }', undefined, {
        'x-request-id': 'corr-id-for-this-test',
      });
      const text = JSON.stringify(res.body);
      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(res.body.errors?.[0]?.extensions?.['correlationId']).toBe('corr-id-for-this-test');
      expect(text).not.toMatch(/system_info|does not exist|SELECT|stack|\.ts:\d+|\.js:\d+/i);
      const logged = lines.map(
        (l) => JSON.parse(l) as { correlationId?: string; err?: { message?: string } },
      );
      expect(
        logged.some(
          (l) => l.correlationId === 'corr-id-for-this-test' && /system_info/.test(l.err?.message ?? ''),
        ),
      ).toBe(true);
    } finally {
      await t.close();
    }
  });
});
