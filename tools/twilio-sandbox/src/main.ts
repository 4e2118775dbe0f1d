// Runs the Twilio sandbox alone: `node dist/server/tools/twilio-sandbox/src/main.js [--port 8010]`.
// Credentials are the server's (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN), so the API and worker of
// the same environment talk to it unchanged; the port is --port, else the one in
// TWILIO_API_BASE_URL, else 8010.
import { runService } from '@pa/server-core';
import { startTwilioSandbox } from './twilio-sandbox.server';

const DEFAULT_PORT = 8010;

function portFrom(argv: string[], baseUrl: string | undefined): number {
  const index = argv.indexOf('--port');
  const raw = index >= 0 ? argv[index + 1] : undefined;
  if (raw !== undefined) {
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${raw}`);
    return port;
  }
  const fromUrl = baseUrl ? new URL(baseUrl).port : '';
  return fromUrl ? Number(fromUrl) : DEFAULT_PORT;
}

void runService('twilio-sandbox', async ({ config, logger }) => {
  if (config.NODE_ENV === 'production')
    throw new Error('the Twilio sandbox is for development and tests only');
  const sandbox = await startTwilioSandbox({
    port: portFrom(process.argv.slice(2), config.TWILIO_API_BASE_URL),
    host: config.HOST,
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    onMessage: (m) =>
      logger.info({ sid: m.sid, to: m.to, from: m.from, segments: m.numSegments, body: m.body }, 'sms'),
  });
  logger.info(
    { url: sandbox.url, messages: `${sandbox.url}/sandbox/messages`, accountSid: sandbox.accountSid },
    'twilio sandbox ready',
  );
  return () => sandbox.stop();
});
