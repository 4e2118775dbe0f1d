import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '@pa/server-core';
import { createTestDatabase, testServiceUrls, wsClient } from '@pa/server-testing';
import { startTestApi } from '../testing/test-api';

const MAIN = path.resolve(__dirname, '../../../../dist/server/apps/api/src/main.js');

function postSlowly(
  url: string,
  body: string,
): { sendRest: () => void; response: Promise<{ status: number; text: string }> } {
  const { hostname, port } = new URL(url);
  const req = http.request({
    hostname,
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  return { sendRest: () => req.end(body.slice(half)), response };
}

describe('graceful shutdown', () => {
  it('stops accepting, finishes the request in flight, closes sockets, within the bound', async () => {
    const t = await startTestApi({ SHUTDOWN_TIMEOUT_MS: '3000' });
    const inFlight = postSlowly(t.url, JSON.stringify({ query: '{ systemInfo { name } }' }));
    const client = wsClient(t.url);
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as { code: number }).code)),
    );
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query: 'subscription { heartbeat { at } }' },
        { next: () => resolve(), error: reject, complete: () => undefined },
      ),
    );

    const started = Date.now();
    const stopped = t.api.stop();
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    expect(await closed).toBe(1001);

    inFlight.sendRest();
    const res = await inFlight.response;
    expect(res.status).toBe(200);
    expect(res.text).toContain('Personal Assistant TDAH');
    await stopped;
    expect(Date.now() - started).toBeLessThan(3000 + 1000);
    await client.dispose();
    await t.cleanup();
  });

  it('answers requests that arrive during the drain with 503, Retry-After and Connection: close, never a reset', async () => {
    const t = await startTestApi({ SHUTDOWN_TIMEOUT_MS: '3000' });
    const { port } = new URL(t.url);
    // A request in flight keeps the drain going.
    const inFlight = postSlowly(t.url, JSON.stringify({ query: '{ systemInfo { name } }' }));
    // A keep-alive connection that already served a request, and a connection opened but not used yet.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
      });
    expect((await get()).status).toBe(200);
    const fresh = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => fresh.once('connect', resolve));
    let raw = '';
    fresh.on('data', (c: Buffer) => (raw += c.toString()));
    const freshDone = new Promise<string | Error>((resolve) => {
      fresh.once('close', () => resolve(raw));
      fresh.once('error', (err) => resolve(err));
    });

    const stopped = t.api.stop();
    await new Promise((r) => setTimeout(r, 100));
    // New connections are refused: the listener stopped first.
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    // Requests on connections already open are answered cleanly.
    const late = await get();
    expect(late.status).toBe(503);
    expect(late.headers['retry-after']).toBe('1');
    expect(late.headers['connection']).toBe('close');
    expect(JSON.parse(late.body)).toMatchObject({
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    fresh.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const answer = await freshDone;
    expect(answer).not.toBeInstanceOf(Error);
    expect(String(answer)).toMatch(/^HTTP\/1\.1 503 /);
    expect(String(answer)).toMatch(/retry-after: 1/i);

    inFlight.sendRest();
    expect((await inFlight.response).status).toBe(200);
    await stopped;
    agent.destroy();
    await t.cleanup();
  });

  it('exits 0 on SIGTERM as a real process', async () => {
    const db = await createTestDatabase('sigterm');
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'],
        DATABASE_URL: db.url,
        REDIS_URL: testServiceUrls().redisUrl,
        REDIS_KEY_PREFIX: 'test:sigterm:',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SHUTDOWN_TIMEOUT_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | string | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal)),
    );
    try {
      const deadline = Date.now() + 20_000;
      let up = false;
      while (!up && Date.now() < deadline) {
        up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
      expect(up).toBe(true);
      const started = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(4000);
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`${String(err)}\n--- api output ---\n${output}`, { cause: err });
    } finally {
      await db.drop();
    }
  });
});

describe('configuration at boot', () => {
  it('stops the process with a message naming each bad variable, never a secret', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'],
        PORT: 'not-a-port',
        GRAPHQL_MAX_DEPTH: '0',
        DATABASE_URL: 'mysql://admin:supersecret@db/x',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(78);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('GRAPHQL_MAX_DEPTH');
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toContain('supersecret');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
