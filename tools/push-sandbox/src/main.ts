// Runs the push service stand-in alone: `node dist/server/tools/push-sandbox/src/main.js [--port 8011]`.
import { runService } from '@pa/server-core';
import { startPushSandbox } from './push-sandbox.server';

void runService('push-sandbox', async ({ config, logger }) => {
  if (config.NODE_ENV === 'production') throw new Error('the push sandbox is for development and tests only');
  const index = process.argv.indexOf('--port');
  const port = index >= 0 ? Number(process.argv[index + 1]) : config.DEV_PUSH_SANDBOX_PORT;
  const sandbox = await startPushSandbox({ port, host: config.HOST });
  logger.info({ url: sandbox.url, messages: `${sandbox.url}/sandbox/messages` }, 'push sandbox ready');
  return () => sandbox.stop();
});
