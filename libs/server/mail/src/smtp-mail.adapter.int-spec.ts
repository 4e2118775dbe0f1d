import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { freePort, loadConfig } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from './smtp-mail.adapter';

// A real SMTP server whose answers the test controls: 550 for unknown@, 451 for busy@, else accept.
interface TestSmtp {
  url: string;
  received: string[];
  readonly connections: number;
  stop(): Promise<void>;
}

async function startSmtp(): Promise<TestSmtp> {
  const received: string[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onConnect: (_session, cb) => {
      connections += 1;
      cb();
    },
    onRcptTo: (address, _session, cb) => {
      if (address.address.startsWith('unknown@'))
        return cb(Object.assign(new Error('No such user'), { responseCode: 550 }));
      if (address.address.startsWith('busy@'))
        return cb(Object.assign(new Error('Try later'), { responseCode: 451 }));
      return cb();
    },
    onData: (stream, session, cb) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        cb();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get connections() {
      return connections;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sender(url: string, overrides: Record<string, string> = {}): SmtpMailSender {
  return createSmtpMailSender(
    loadConfig({
      NODE_ENV: 'test',
      SMTP_URL: url,
      SMTP_TIMEOUT_MS: '1000',
      SMTP_POOL_MAX: '2',
      ...overrides,
    }),
  );
}

describe('SMTP mail adapter against a real SMTP server', () => {
  let smtp: TestSmtp;
  let mail: SmtpMailSender;
  beforeEach(async () => {
    smtp = await startSmtp();
    mail = sender(smtp.url);
  });
  afterEach(async () => {
    mail.close();
    await smtp.stop();
  });

  it('sends over a pool of at most SMTP_POOL_MAX connections and returns the Message-ID', async () => {
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        mail.send({ to: `u${i}@example.com`, subject: `s${i}`, text: 't' }),
      ),
    );
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(6);
    expect(smtp.received.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `u${i}@example.com`).sort());
    expect(smtp.connections).toBeLessThanOrEqual(2);
  });

  it('uses the idempotency key as a stable Message-ID', async () => {
    const a = await mail.send({ to: 'a@example.com', subject: 's', text: 't', idempotencyKey: 'k-1' });
    const b = await mail.send({ to: 'a@example.com', subject: 's', text: 't', idempotencyKey: 'k-1' });
    expect(a.messageId).toBe(b.messageId);
  });

  it('maps a permanent 550 to MAIL_REJECTED and a temporary 451 to MAIL_UNAVAILABLE', async () => {
    await expect(mail.send({ to: 'unknown@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
      code: 'MAIL_REJECTED',
      details: { smtpCode: 550 },
    });
    await expect(mail.send({ to: 'busy@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
      code: 'MAIL_UNAVAILABLE',
      details: { smtpCode: 451 },
    });
  });

  it('verifies a reachable server', async () => {
    await expect(mail.verify()).resolves.toBeUndefined();
  });
});

describe('SMTP mail adapter when the server is down or stalls', () => {
  it('fails fast with MAIL_UNAVAILABLE when nothing listens', async () => {
    const mail = sender(`smtp://127.0.0.1:${await freePort()}`);
    try {
      await expect(mail.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
        code: 'MAIL_UNAVAILABLE',
      });
      await expect(mail.verify()).rejects.toMatchObject({ code: 'MAIL_UNAVAILABLE' });
    } finally {
      mail.close();
    }
  });

  it('gives up within the greeting timeout on a server that accepts but never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const mail = sender(`smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, {
      SMTP_TIMEOUT_MS: '500',
    });
    const started = Date.now();
    try {
      await expect(mail.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
        code: 'MAIL_UNAVAILABLE',
      });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      mail.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('rejects an invalid mail before touching the network', async () => {
    const mail = sender(`smtp://127.0.0.1:${await freePort()}`);
    try {
      await expect(mail.send({ to: 'nope', subject: 's', text: 't' })).rejects.toMatchObject({
        code: 'MAIL_INVALID',
        details: { field: 'to' },
      });
    } finally {
      mail.close();
    }
  });
});
