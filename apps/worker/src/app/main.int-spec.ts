import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createLogger, createRuntime, type Runtime } from '@pa/server-core';
import { createJobQueue } from '@pa/server-jobs';
import {
  createTestDatabase,
  deleteKeys,
  testConfig,
  testServiceUrls,
  type TestDatabase,
} from '@pa/server-testing';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';

const MAIN = path.resolve(__dirname, '../../../../dist/server/apps/worker/src/main.js');

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}) before ${pattern}:\n${out}`));
    });
  });
}

describe('worker main (dist build, run alone)', () => {
  let database: TestDatabase;
  let catcher: SmtpCatcher;
  let runtime: Runtime;
  let child: ChildProcess | undefined;
  const env = () => testConfig();

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await runtime?.close();
    await catcher?.stop();
    await database?.drop();
  });

  it('processes email jobs from Redis, then stops cleanly on SIGTERM within its bound', async () => {
    database = await createTestDatabase('worker_main');
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
    const config = { ...env(), DATABASE_URL: database.url };
    const { redisUrl } = testServiceUrls();
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: config.REDIS_KEY_PREFIX,
        SMTP_URL: catcher.smtpUrl,
        SHUTDOWN_TIMEOUT_MS: '3000',
        WORKER_PORT: '0',
        METRICS_TOKEN: 'worker-main-metrics-token-01',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = await waitForLine(child, /"worker started"/, 20_000);
    // Its own operations port, logged at start (production JSON lines).
    const line = started.split('\n').find((l) => l.includes('"worker started"')) ?? '{}';
    const ops = (JSON.parse(line) as { ops?: string }).ops ?? '';
    expect(ops).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    expect((await fetch(`${ops}/readyz`)).status).toBe(200);
    expect((await fetch(`${ops}/metrics`)).status).toBe(403);
    const metrics = await fetch(`${ops}/metrics`, {
      headers: { authorization: 'Bearer worker-main-metrics-token-01' },
    });
    expect(await metrics.text()).toMatch(/^pa_jobs_depth\{queue="email\.send",state="waiting"\} 0$/m);

    runtime = await createRuntime({
      config,
      logger: createLogger({ level: 'silent' }),
      infrastructure: {
        databaseUrl: database.url,
        databaseMode: 'external',
        redisUrl,
        redisMode: 'external',
      },
      parts: { entities: [], migrations: [] },
    });
    const producer = createJobQueue(runtime);
    try {
      await producer.enqueue('email.send', {
        to: 'ada@example.com',
        subject: 'From the standalone worker',
        text: 'hello',
        idempotencyKey: 'main-1',
      });
      const mail = await catcher.waitForMessage((m) => m.subject === 'From the standalone worker', 10_000);
      expect(mail.to).toEqual(['ada@example.com']);
    } finally {
      await producer.close();
    }

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    const stopAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(5000);
    await deleteKeys(redisUrl, config.REDIS_KEY_PREFIX);
  });

  it('refuses to start without SMTP_URL and says why (the mail catcher is the launcher’s)', async () => {
    const { redisUrl } = testServiceUrls();
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        REDIS_URL: redisUrl,
        WORKER_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child?.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('SMTP_URL is not set');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
