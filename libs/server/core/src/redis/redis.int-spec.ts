import net from 'node:net';
import { loadConfig } from '../config/config';
import { findRedisServer, startRedisServer } from '../embedded/redis-server';
import { freePort } from '../embedded/ports';
import { closeRedis, connectRedis } from './redis';
import { isDependencyOutage } from '../errors/outage';

const config = loadConfig({
  REDIS_COMMAND_TIMEOUT_MS: '300',
  REDIS_CONNECT_TIMEOUT_MS: '500',
  REDIS_KEY_PREFIX: 'test:redis:',
});

function redisBinary(): string {
  const binary = findRedisServer();
  if (!binary) throw new Error('this test needs redis-server on PATH');
  return binary;
}

describe('Redis clients fail fast', () => {
  it('rejects at once when nothing listens', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(connectRedis(`redis://127.0.0.1:${port}`, config)).rejects.toThrow(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up on a server that accepts but never answers', async () => {
    const sockets: net.Socket[] = [];
    const blackHole = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', () => r()));
    const { port } = blackHole.address() as net.AddressInfo;
    const started = Date.now();
    try {
      await expect(connectRedis(`redis://127.0.0.1:${port}`, config)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => blackHole.close(r));
    }
  });

  it('fails commands quickly during an outage instead of hanging', async () => {
    const binary = redisBinary();
    const server = await startRedisServer(binary);
    const client = await connectRedis(server.url, config);
    try {
      await client.set('k', 'v');
      expect(await client.get('k')).toBe('v');
      await server.stop();
      const started = Date.now();
      const error = await client.get('k').catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(Error);
      // Classed as an outage: clients get SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR.
      expect(isDependencyOutage(error)).toBe(true);
    } finally {
      await closeRedis(client);
      await server.stop();
    }
  });

  it('prefixes keys so environments can share one Redis', async () => {
    const binary = redisBinary();
    const server = await startRedisServer(binary);
    const client = await connectRedis(server.url, config);
    const raw = await connectRedis(server.url, { ...config, REDIS_KEY_PREFIX: '' });
    try {
      await client.set('hello', 'world');
      expect(await raw.get('test:redis:hello')).toBe('world');
      expect(await raw.get('hello')).toBeNull();
    } finally {
      await closeRedis(client);
      await closeRedis(raw);
      await server.stop();
    }
  });
});
