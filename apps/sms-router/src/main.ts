import './instrument';
import 'reflect-metadata';
import { createRuntime, resolveInfrastructure, runService } from '@pa/server-core';
import { startSmsRouter } from './app/start-sms-router';

// The SMS router alone (production: replicas behind the proxy that Twilio calls).
void runService('sms-router', async ({ config, logger }) => {
  const infrastructure = await resolveInfrastructure(config, logger);
  const runtime = await createRuntime({
    config,
    logger,
    infrastructure,
    parts: { entities: [], migrations: [] },
    applicationName: 'pa-sms-router',
  }).catch(async (err: unknown) => {
    await infrastructure.stop();
    throw err;
  });
  const router = await startSmsRouter({ runtime }).catch(async (err: unknown) => {
    await runtime.close();
    await infrastructure.stop();
    throw err;
  });
  return async () => {
    await router.stop();
    await runtime.close();
    await infrastructure.stop();
  };
});
