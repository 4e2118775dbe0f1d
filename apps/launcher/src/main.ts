import 'reflect-metadata';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { runService } from '@pa/server-core';
import { bootApi } from '@pa/api';

// The embedded default: every app of the product in this one Node process, on whatever PostgreSQL
// and Redis the environment names, or on an embedded PostgreSQL and a spawned redis-server.
void runService('launcher', async ({ config, logger }) => {
  const webDir = path.resolve(config.WEB_DIST_DIR);
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (!hasWeb) logger.warn({ webDir }, 'web app not built: serving the API only (run `npm run build`)');
  const booted = await bootApi(config, logger, hasWeb ? webDir : undefined);
  const { api, infrastructure } = booted;
  const lines = [
    '',
    '  Personal Assistant TDAH is running',
    hasWeb ? `  web app     ${api.url}/` : '  web app     (not built)',
    `  playground  ${api.url}/graphql`,
    `  health      ${api.url}/healthz · ${api.url}/readyz · ${api.url}/metrics`,
    `  database    ${infrastructure.databaseMode === 'embedded' ? `embedded PostgreSQL (data in ${path.resolve(config.DATA_DIR, 'postgres')})` : 'DATABASE_URL'}`,
    `  redis       ${{ external: 'REDIS_URL', spawned: `redis-server on ${infrastructure.redisUrl ?? ''}`, 'single-process': 'none: single-process adapters' }[infrastructure.redisMode]}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  logger.info({ url: api.url }, 'launcher ready');
  return booted.stop;
});
