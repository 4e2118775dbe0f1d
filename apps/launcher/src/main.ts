import 'reflect-metadata';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { runService } from '@pa/server-core';
import { bootApi } from '@pa/api';
import { createSmtpMailSender } from '@pa/server-mail';
import { startWorker } from '@pa/worker';
import { startDevTools } from './dev-tools';

// The embedded default: every app of the product in this one Node process, on whatever PostgreSQL
// and Redis the environment names, or on an embedded PostgreSQL and a spawned redis-server; in
// development also a local mail catcher and Twilio sandbox.
void runService('launcher', async ({ config: baseConfig, logger }) => {
  const tools = await startDevTools(baseConfig, logger);
  const config = tools.config;
  const webDir = path.resolve(config.WEB_DIST_DIR);
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
  const worker = await startWorker({ runtime: booted.runtime, mail });
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
      ? [`  texts       ${tools.sandbox.url}/sandbox/messages  (development Twilio sandbox)`]
      : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  logger.info({ url: api.url }, 'launcher ready');
  const stopBooted = booted.stop;
  return async () => {
    await worker.stop();
    await stopBooted();
    mail.close();
    await tools.stop();
  };
});
