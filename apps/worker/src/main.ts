import './instrument';
import {
  createRuntime,
  resolveInfrastructure,
  runService,
  type Infrastructure,
  type Runtime,
} from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker } from './app/start-worker';

// The worker alone (production: one or more replicas next to the API). It needs no tables of the
// API's; the job store migrates itself (Redis needs none; PostgreSQL gets the `pa_jobs` schema).
void runService('worker', async ({ config, logger }) => {
  if (config.NODE_ENV === 'production' && !config.SMTP_URL) {
    throw new Error('SMTP_URL is required in production');
  }
  const infrastructure: Infrastructure = await resolveInfrastructure(config, logger);
  let runtime: Runtime | undefined;
  let catcher: SmtpCatcher | undefined;
  let mail: SmtpMailSender | undefined;
  try {
    runtime = await createRuntime({
      config,
      logger,
      infrastructure,
      parts: { entities: [], migrations: [] },
      applicationName: 'pa-worker',
    });
    let smtpUrl = config.SMTP_URL;
    if (!smtpUrl) {
      // Development without SMTP_URL: catch mails locally (on free ports if 1025/8025 are taken).
      catcher = await startSmtpCatcher().catch(() => startSmtpCatcher({ smtpPort: 0, httpPort: 0 }));
      smtpUrl = catcher.smtpUrl;
      logger.info(
        { smtp: catcher.smtpUrl, mails: catcher.httpUrl },
        'SMTP_URL not set: started the SMTP catcher',
      );
    }
    mail = createSmtpMailSender({ ...config, SMTP_URL: smtpUrl }, logger);
    const worker = await startWorker({ runtime, mail, port: config.WORKER_PORT });
    logger.info(
      { database: infrastructure.databaseMode, redis: infrastructure.redisMode, ops: worker.opsUrl },
      'worker started',
    );
    const rt = runtime;
    const sender = mail;
    const localCatcher = catcher;
    return async () => {
      await worker.stop();
      sender.close();
      await localCatcher?.stop();
      await rt.close();
      await infrastructure.stop();
    };
  } catch (err) {
    mail?.close();
    await catcher?.stop();
    await runtime?.close().catch(() => undefined);
    await infrastructure.stop();
    throw err;
  }
});
