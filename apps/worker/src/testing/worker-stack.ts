import { createLogger, createRuntime, type Runtime } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { createJobQueue, type JobQueue } from '@pa/server-jobs';
import { createTestDatabase, createTestRuntime, testConfig } from '@pa/server-testing';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '../app/start-worker';

export type StoreMode = 'redis' | 'single-process';

export interface WorkerStack {
  runtime: Runtime;
  catcher: SmtpCatcher;
  mail: SmtpMailSender;
  worker: WorkerAppHandle;
  /** A producer of its own, as the API would hold. */
  producer: JobQueue;
  /** Stops the catcher and starts a new one on the same SMTP port (its mailbox starts empty). */
  restartCatcher(): Promise<void>;
  stopCatcher(): Promise<void>;
  /** Mails for `to`, as the catcher's HTTP API lists them. */
  mailsTo(to: string): Promise<CaughtMail[]>;
  cleanup(): Promise<void>;
}

async function runtimeFor(mode: StoreMode, overrides: Record<string, string>) {
  if (mode === 'redis') {
    const t = await createTestRuntime({ entities: [], migrations: [] }, overrides);
    return { runtime: t.runtime, cleanup: t.cleanup };
  }
  const database = await createTestDatabase('worker');
  const config = testConfig({ DATABASE_URL: database.url, ...overrides });
  const runtime = await createRuntime({
    config,
    logger: createLogger({ level: config.LOG_LEVEL, name: 'test' }),
    infrastructure: {
      databaseUrl: database.url,
      databaseMode: 'external',
      redisUrl: undefined,
      redisMode: 'single-process',
    },
    parts: { entities: [], migrations: [] },
  });
  return {
    runtime,
    cleanup: async () => {
      await runtime.close();
      await database.drop();
    },
  };
}

/** Runtime (Redis or single-process), the real catcher, the SMTP adapter and the worker. */
export async function startWorkerStack(
  mode: StoreMode,
  overrides: Record<string, string> = {},
  options: { wrapMail?: (mail: SmtpMailSender) => SmtpMailSender; drainTimeoutMs?: number } = {},
): Promise<WorkerStack> {
  const { runtime, cleanup } = await runtimeFor(mode, {
    JOBS_ATTEMPTS: '5',
    JOBS_BACKOFF_MS: '100',
    SMTP_TIMEOUT_MS: '1000',
    ...overrides,
  });
  let catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0, maxMessageBytes: 64 * 1024 });
  const smtpPort = Number(new URL(catcher.smtpUrl).port);
  let catcherUp = true;
  const mail = createSmtpMailSender({ ...runtime.config, SMTP_URL: catcher.smtpUrl });
  const worker = await startWorker({
    runtime,
    mail: options.wrapMail ? options.wrapMail(mail) : mail,
    ...(options.drainTimeoutMs !== undefined ? { drainTimeoutMs: options.drainTimeoutMs } : {}),
  });
  const producer = createJobQueue(runtime);
  return {
    runtime,
    get catcher() {
      return catcher;
    },
    mail,
    worker,
    producer,
    async stopCatcher() {
      if (catcherUp) await catcher.stop();
      catcherUp = false;
    },
    async restartCatcher() {
      if (catcherUp) await catcher.stop();
      catcher = await startSmtpCatcher({ smtpPort, httpPort: 0, maxMessageBytes: 64 * 1024 });
      catcherUp = true;
    },
    async mailsTo(to) {
      const res = await fetch(`${catcher.httpUrl}/api/messages?to=${encodeURIComponent(to)}`);
      return (await res.json()) as CaughtMail[];
    },
    async cleanup() {
      await worker.stop();
      await producer.close();
      mail.close();
      if (catcherUp) await catcher.stop();
      await cleanup();
    },
  };
}

export { waitFor } from '@pa/server-testing';
