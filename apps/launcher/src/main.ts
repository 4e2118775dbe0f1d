import './instrument';
import 'reflect-metadata';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { freePort, isListening, runService } from '@pa/server-core';
import { bootApi } from '@pa/api';
import { createSmtpMailSender } from '@pa/server-mail';
import { startWorker } from '@pa/worker';
import { startSmsRouter } from '@pa/sms-router';
import { withDevVapidKeys } from '@pa/server-push';
import { startDevTools } from './dev-tools';

// The embedded default: every app of the product in this one Node process, on whatever PostgreSQL
// and Redis the environment names, or on an embedded PostgreSQL and a spawned redis-server; in
// development also a local mail catcher and Twilio sandbox.
void runService(
  'launcher',
  async ({ config: baseConfig, logger }) => {
    // Development: a VAPID pair generated once and kept in DATA_DIR (production must configure its own).
    const tools = await startDevTools(withDevVapidKeys(baseConfig), logger);
    let config = tools.config;
    // The SMS router's port decides the webhook URL numbers get: settled before anything uses it.
    if (!config.SMS_WEBHOOK_BASE_URL && (await isListening(config.HOST, config.SMS_ROUTER_PORT))) {
      const port = await freePort();
      logger.warn({ taken: config.SMS_ROUTER_PORT, port }, 'SMS router port taken: using a free one');
      config = { ...config, SMS_ROUTER_PORT: port };
    }
    // The worker's health and metrics port (the same registry as the API's /metrics in this process).
    if (config.WORKER_PORT !== 0 && (await isListening(config.HOST, config.WORKER_PORT))) {
      const port = await freePort();
      logger.warn({ taken: config.WORKER_PORT, port }, 'worker port taken: using a free one');
      config = { ...config, WORKER_PORT: port };
    }
    const webDir = path.resolve(config.WEB_DIST_DIR);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- WEB_DIST_DIR from the validated config, never a request
    const hasWeb = existsSync(path.join(webDir, 'index.html'));
    if (!hasWeb) logger.warn({ webDir }, 'web app not built: serving the API only (run `npm run build`)');
    let booted;
    try {
      booted = await bootApi(config, logger, hasWeb ? webDir : undefined);
    } catch (err) {
      await tools.stop();
      throw err;
    }
    const mail = createSmtpMailSender(config, logger);
    const worker = await startWorker({ runtime: booted.runtime, mail, port: config.WORKER_PORT });
    const smsRouter = await startSmsRouter({ runtime: booted.runtime });
    const { api, infrastructure } = booted;
    const lines = [
      '',
      '  Personal Assistant TDAH is running',
      hasWeb ? `  web app     ${api.url}/` : '  web app     (not built)',
      `  playground  ${api.url}/graphql`,
      `  health      ${api.url}/healthz · ${api.url}/readyz · ${api.url}/metrics`,
      `  database    ${infrastructure.databaseMode === 'embedded' ? `embedded PostgreSQL (data in ${path.resolve(config.DATA_DIR, 'postgres')})` : 'DATABASE_URL'}`,
      `  redis       ${{ external: 'REDIS_URL', spawned: `redis-server on ${infrastructure.redisUrl ?? ''}`, 'single-process': 'none: single-process adapters' }[infrastructure.redisMode]}`,
      ...(tools.catcher ? [`  emails      ${tools.catcher.httpUrl}/  (development mail catcher)`] : []),
      ...(tools.sandbox
        ? [`  texts       ${tools.sandbox.url}/sandbox/phone  (virtual phone: text your number from here)`]
        : []),
      `  sms router  ${smsRouter.url}/twilio/sms  (Twilio webhooks) · ${smsRouter.url}/metrics`,
      `  worker      ${worker.opsUrl ?? ''}/healthz · /readyz · /metrics`,
      ...(tools.pushSandbox
        ? [
            `  push        ${tools.pushSandbox.url}/sandbox/messages  (push service stand-in; browsers use their own)`,
          ]
        : []),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    logger.info({ url: api.url }, 'launcher ready');
    const stopBooted = booted.stop;
    return async () => {
      await smsRouter.stop();
      await worker.stop();
      await stopBooted();
      mail.close();
      await tools.stop();
    };
    // Development: readable log lines between the banner (LOG_FORMAT=json keeps JSON); production: JSON.
  },
  process.env,
  { prettyLogsInDevelopment: true },
);
