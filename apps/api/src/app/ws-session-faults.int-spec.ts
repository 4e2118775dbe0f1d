import { createRuntime, findRedisServer, startRedisServer, type SpawnedRedis } from '@pa/server-core';
import { gql, wsClient } from '@pa/server-testing';
import type { Client } from 'graphql-ws';
import { apiParts } from './parts';
import { startApi } from './start-api';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_PASSWORD, signUp, type Person } from '../testing/people';

const CHECK_MS = 2000;

/** An authenticated socket with a live subscription, and the code it gets closed with. */
async function openSocket(
  url: string,
  accessToken: string,
): Promise<{ client: Client; closed: Promise<number> }> {
  const client = wsClient(url, { connectionParams: { authorization: `Bearer ${accessToken}` } });
  const closed = new Promise<number>((resolve) =>
    client.on('closed', (e) => resolve((e as { code: number }).code)),
  );
  await new Promise<void>((resolve, reject) =>
    client.subscribe(
      { query: 'subscription { heartbeat { at } }' },
      { next: () => resolve(), error: reject, complete: () => undefined },
    ),
  );
  return { client, closed };
}

async function signIn(t: TestApi, email: string) {
  const res = await gql<{ login: { sessionId: string; accessToken: string } }>(
    t.url,
    `mutation L($input: LoginInput!) { login(input: $input) { sessionId accessToken } }`,
    { input: { email, password: TEST_PASSWORD, refreshTokenIn: 'BODY' } },
    { 'x-forwarded-for': '203.0.113.77' },
  );
  const login = res.body.data?.login;
  if (!login) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
  return login;
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms),
    ),
  ]);

describe('sockets are bound to a live session', () => {
  it('closes open sockets with 4401 within the bound when Redis restarts empty (own redis-server)', async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('this test needs redis-server on PATH');
    let redis: SpawnedRedis = await startRedisServer(binary);
    const t = await startTestApi({ REDIS_URL: redis.url, WS_SESSION_CHECK_MS: String(CHECK_MS) });
    let socket: { client: Client; closed: Promise<number> } | undefined;
    try {
      const p: Person = await signUp(t);
      socket = await openSocket(t.url, p.accessToken);
      await redis.kill();
      redis = await startRedisServer(binary, undefined, 10_000, redis.port);
      const started = Date.now();
      // The reconnect (≤ 2 s) and at most one check interval.
      expect(await within(socket.closed, 2000 + CHECK_MS + 1500, 'socket close')).toBe(4401);
      expect(Date.now() - started).toBeLessThan(2000 + CHECK_MS + 1500);
      const me = await gql(t.url, '{ me { id } }', undefined, p.headers);
      expect(me.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    } finally {
      await socket?.client.dispose();
      await t.close();
      await redis.stop();
    }
  }, 40_000);

  it('logoutAll from another session closes sockets on a second instance, even of sessions the store lost', async () => {
    // Periodic checks far apart: only the logout itself may close the socket here.
    const a = await startTestApi({ WS_SESSION_CHECK_MS: '600000' });
    const runtimeB = await createRuntime({
      config: a.config,
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
    const sockets: { client: Client; closed: Promise<number> }[] = [];
    try {
      const p = await signUp(a);
      const other = await signIn(a, p.email);
      sockets.push(await openSocket(b.url, p.accessToken), await openSocket(b.url, other.accessToken));
      // The second session's record is lost (as when Redis restarts empty): the store no longer lists it.
      await runtimeB.redis?.del(`session:${other.sessionId}`);

      const fresh = await signIn(a, p.email);
      const res = await gql(a.url, 'mutation { logoutAll }', undefined, {
        authorization: `Bearer ${fresh.accessToken}`,
      });
      expect(res.body.errors).toBeUndefined();
      const codes = await within(Promise.all(sockets.map((s) => s.closed)), 3000, 'sockets close');
      expect(codes).toEqual([4401, 4401]);
    } finally {
      for (const s of sockets) await s.client.dispose();
      await b.stop();
      await runtimeB.close();
      await a.close();
    }
  }, 40_000);
});
