import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isListening } from '@pa/server-core';

const MAIN = path.resolve(__dirname, '../../../dist/server/apps/launcher/src/main.js');

interface Status {
  serverStatus: {
    database: { ok: boolean; mode: string };
    redis: { ok: boolean; mode: string };
    system: { id: string };
  };
}

// Launchers still running when a test fails are killed, so a failure never leaves one behind.
const running = new Set<ChildProcess>();
afterEach(() => running.forEach((child) => child.kill('SIGKILL')));

async function launch(
  dataDir: string,
  port: number,
  redisServer: 'none' | 'from-path',
  workerPort = 0,
): Promise<{ child: ChildProcess; output: () => string }> {
  // No DATABASE_URL and no REDIS_URL: the embedded default.
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'],
      DATA_DIR: dataDir,
      PORT: String(port),
      WORKER_PORT: String(workerPort),
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      ...(redisServer === 'none' ? { REDIS_SERVER_BIN: 'none' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    // Ready = the API answers and the launcher has finished starting everything (the worker starts
    // after the API, so /readyz alone can come before the banner).
    const ready =
      output.includes('launcher ready') &&
      (await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      ));
    if (ready) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`launcher did not become ready:\n${output}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

async function status(port: number): Promise<Status['serverStatus']> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ serverStatus { database { ok mode } redis { ok mode } system { id } } }',
    }),
  });
  return ((await res.json()) as { data: Status }).data.serverStatus;
}

describe('the embedded default (npm start)', () => {
  it('runs on embedded PostgreSQL (with or without a redis-server), keeps data across a restart, and stops cleanly', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pa-launcher-'));
    const port = await freePort();
    try {
      const workerPort = await freePort();
      const first = await launch(dataDir, port, 'none', workerPort);
      const before = await status(port);
      expect(before.database).toEqual({ ok: true, mode: 'embedded' });
      expect(before.redis).toEqual({ ok: true, mode: 'single-process' });
      expect(first.output()).toContain(`playground  http://127.0.0.1:${port}/graphql`);
      expect(first.output()).toMatch(/single-process adapters/);
      // The worker's own health and metrics port, in the banner and answering.
      expect(first.output()).toContain(`worker      http://127.0.0.1:${workerPort}/healthz`);
      const metrics = await fetch(`http://127.0.0.1:${workerPort}/metrics`);
      expect(await metrics.text()).toMatch(/^pa_jobs_depth\{queue="reminder\.fire",state="waiting"\} \d+$/m);
      // Development logs are readable lines, not JSON.
      expect(first.output()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[launcher\] launcher ready url=http/m);
      expect(first.output()).not.toMatch(/^\{"level"/m);
      expect(await stop(first.child)).toBe(0);
      expect(first.output()).toContain('launcher stopped');

      const second = await launch(dataDir, port, 'from-path');
      const after = await status(port);
      expect(after.system.id).toBe(before.system.id);
      expect(after.redis).toEqual({ ok: true, mode: 'spawned' });
      expect(second.output()).not.toContain('migrations applied');
      const redisPort = Number(/redis-server on redis:\/\/127\.0\.0\.1:(\d+)/.exec(second.output())?.[1]);
      expect(await isListening('127.0.0.1', redisPort)).toBe(true);
      expect(await stop(second.child)).toBe(0);
      expect(second.output()).toContain('launcher stopped');
      // Nothing it started outlives it.
      expect(await isListening('127.0.0.1', redisPort)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
