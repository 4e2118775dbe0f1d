import './instrument';
import {
  createRuntime,
  resolveInfrastructure,
  runService,
  type Infrastructure,
  type Runtime,
} from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startWorker } from './app/start-worker';

// The worker alone (production: one or more replicas next to the API). It needs no tables of the
// API's; the job store migrates itself (Redis needs none; PostgreSQL gets the `pa_jobs` schema).
// Mail goes to SMTP_URL, always: the local mail catcher of development is started by the launcher
// (`npm start`), never by a production entry point.
void runService('worker', async ({ config, logger }) => {
  const smtpUrl = config.SMTP_URL;
  if (!smtpUrl) {
    throw new Error(
      'SMTP_URL is not set: the worker sends mail through it (`npm start` runs the worker with a local mail catcher)',
    );
  }
  const infrastructure: Infrastructure = await resolveInfrastructure(config, logger);
  let runtime: Runtime | undefined;
  let mail: SmtpMailSender | undefined;
  try {
    runtime = await createRuntime({
      config,
      logger,
      infrastructure,
      parts: { entities: [], migrations: [] },
      applicationName: 'pa-worker',
    });
    mail = createSmtpMailSender({ ...config, SMTP_URL: smtpUrl }, logger);
    const worker = await startWorker({ runtime, mail, port: config.WORKER_PORT });
    logger.info(
      { database: infrastructure.databaseMode, redis: infrastructure.redisMode, ops: worker.opsUrl },
      'worker started',
    );
    const rt = runtime;
    const sender = mail;
    return async () => {
      await worker.stop();
      sender.close();
      await rt.close();
      await infrastructure.stop();
    };
  } catch (err) {
    mail?.close();
    await runtime?.close().catch(() => undefined);
    await infrastructure.stop();
    throw err;
  }
});
