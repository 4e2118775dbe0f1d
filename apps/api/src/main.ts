import './instrument';
import 'reflect-metadata';
import { runService } from '@pa/server-core';
import { bootApi } from './app/boot';

void runService('api', async ({ config, logger }) => {
  const booted = await bootApi(config, logger);
  const { api, infrastructure } = booted;
  logger.info(
    {
      url: api.url,
      graphql: `${api.url}/graphql`,
      database: infrastructure.databaseMode,
      redis: infrastructure.redisMode,
    },
    'api ready',
  );
  return booted.stop;
});
