import WebSocket from 'ws';
import { collect, wsClient } from '@pa/server-testing';
import { startApi } from './start-api';
import { startTestApi, type TestApi } from '../testing/test-api';
import { createRuntime } from '@pa/server-core';
import { apiParts } from './parts';

interface Beat {
  heartbeat: { instanceId: string; at: string; uptimeSeconds: number };
}

describe('API over WebSocket (graphql-ws)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_ALIASES: '2',
      CORS_ORIGINS: 'http://app.example.test',
    });
  });
  afterAll(() => t.close());

  it('delivers heartbeats to a subscriber', async () => {
    const client = wsClient(t.url);
    try {
      const results = await collect<Beat>(
        client,
        'subscription { heartbeat { instanceId at uptimeSeconds } }',
        2,
      );
      expect(results.map((r) => r.data?.heartbeat.instanceId)).toEqual([
        t.runtime.instanceId,
        t.runtime.instanceId,
      ]);
      expect(Date.parse(results[1]?.data?.heartbeat.at ?? '')).toBeGreaterThan(
        Date.parse(results[0]?.data?.heartbeat.at ?? ''),
      );
    } finally {
      await client.dispose();
    }
  });

  it('answers queries too', async () => {
    const client = wsClient(t.url);
    try {
      const [result] = await collect<{ systemInfo: { name: string } }>(client, '{ systemInfo { name } }', 1);
      expect(result?.data?.systemInfo.name).toBe('Personal Assistant TDAH');
    } finally {
      await client.dispose();
    }
  });

  it('enforces the depth limit on subscriptions', async () => {
    const client = wsClient(t.url);
    try {
      await expect(collect(client, '{ serverStatus { system { id } } }', 1)).resolves.toHaveLength(1);
      const deep = `query Deep { serverStatus { system { id } } }`.replace(
        '{ id }',
        '{ id ... on SystemInfo { createdAt ... on SystemInfo { name } } }',
      );
      const error = await collect(client, deep, 1).catch((e: unknown) => e);
      expect(String(error)).toMatch(/depth/i);
    } finally {
      await client.dispose();
    }
  });

  it('enforces the alias limit over WebSocket', async () => {
    const client = wsClient(t.url);
    try {
      const error = await collect(
        client,
        'subscription { a: heartbeat { at } b: heartbeat { at } c: heartbeat { at } }',
        1,
      ).catch((e: unknown) => e);
      expect(String(error)).toMatch(/alias/i);
    } finally {
      await client.dispose();
    }
  });

  it('refuses unknown fields without suggesting names', async () => {
    const client = wsClient(t.url);
    try {
      const error = await collect(client, 'subscription { heartbeet { at } }', 1).catch((e: unknown) => e);
      const text = String(error);
      expect(text).toContain('heartbeet');
      expect(text).not.toMatch(/did you mean/i);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a socket from a foreign browser origin', async () => {
    const url = `${t.url.replace('http', 'ws')}/graphql`;
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url, 'graphql-transport-ws', {
        headers: { origin: 'http://evil.example.test' },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const allowed = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(url, 'graphql-transport-ws', {
        headers: { origin: 'http://app.example.test' },
      });
      ws.on('open', () => {
        ws.close();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    });
    expect(allowed).toBe(true);
  });
});

describe('fan-out through Redis across API instances', () => {
  it('delivers a heartbeat published by one instance to a subscriber of another', async () => {
    const a = await startTestApi({ HEARTBEAT_INTERVAL_MS: '100' });
    // Instance B: its own runtime and connections on the same database and Redis prefix, as a second process would.
    const runtimeB = await createRuntime({
      config: { ...a.config, HEARTBEAT_INTERVAL_MS: 60_000 },
      logger: a.runtime.logger,
      infrastructure: {
        databaseUrl: a.database.url,
        databaseMode: 'external',
        redisUrl: a.config.REDIS_URL,
        redisMode: 'external',
      },
      parts: apiParts,
    });
    const b = await startApi({ runtime: runtimeB, port: 0, host: '127.0.0.1' });
    const client = wsClient(b.url);
    try {
      const results = await collect<Beat>(client, 'subscription { heartbeat { instanceId } }', 2);
      expect(runtimeB.instanceId).not.toBe(a.runtime.instanceId);
      expect(results.map((r) => r.data?.heartbeat.instanceId)).toContain(a.runtime.instanceId);
    } finally {
      await client.dispose();
      await b.stop();
      await runtimeB.close();
      await a.close();
    }
  });
});
