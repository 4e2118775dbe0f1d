import { parseArgs } from 'node:util';
import { startSmtpCatcher } from './smtp-catcher';

// Runs the catcher alone: `node dist/server/tools/smtp-catcher/src/main.js [--smtp-port 1025]
// [--http-port 8025] [--host 127.0.0.1]`. Development only.
const { values } = parseArgs({
  options: {
    'smtp-port': { type: 'string', default: '1025' },
    'http-port': { type: 'string', default: '8025' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

function port(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    process.stderr.write(`smtp-catcher: --${name} must be a port number, got ${value}\n`);
    process.exit(64);
  }
  return n;
}

void startSmtpCatcher({
  smtpPort: port('smtp-port', values['smtp-port']),
  httpPort: port('http-port', values['http-port']),
  host: values.host,
}).then(
  (catcher) => {
    process.stdout.write(
      `smtp-catcher: SMTP ${catcher.smtpUrl} · mails at ${catcher.httpUrl}/ · API ${catcher.httpUrl}/api/messages\n`,
    );
    const stop = () => {
      const force = setTimeout(() => process.exit(1), 5000);
      force.unref();
      void catcher.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (err: unknown) => {
    process.stderr.write(
      `smtp-catcher failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
