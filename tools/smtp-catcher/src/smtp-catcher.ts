import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { createCatcherApp } from './catcher-http';
import { MailStore, type CaughtMail, type MailStoreLimits } from './mail-store';
import { parseMail } from './mime-parse';

export interface SmtpCatcherOptions {
  /** SMTP port; 0 picks a free one. Default 1025. */
  smtpPort?: number;
  /** HTTP port (API and page); 0 picks a free one. Default 8025. */
  httpPort?: number;
  /** Loopback address to bind (the catcher never listens on a network interface). Default 127.0.0.1. */
  host?: string;
  /** Largest accepted mail in bytes (SMTP SIZE). Default 10 MiB. */
  maxMessageBytes?: number;
  limits?: Partial<MailStoreLimits>;
}

export interface SmtpCatcher {
  /** e.g. smtp://127.0.0.1:1025 — what SMTP_URL should be set to. */
  smtpUrl: string;
  /** e.g. http://127.0.0.1:8025 — the page and `/api/messages`. */
  httpUrl: string;
  /** Mails received, newest first. */
  messages(filter?: { to?: string }): CaughtMail[];
  /** Resolves with the first mail (already received or arriving within timeoutMs) that matches. */
  waitForMessage(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Closes both servers (open SMTP sessions are cut after a short grace period). */
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function listen(server: http.Server | SMTPServer, port: number, host: string): Promise<number> {
  // SMTPServer wraps a net.Server: errors and the bound address come from that one.
  const raw = server instanceof SMTPServer ? server.server : server;
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    raw.once('error', onError);
    server.listen(port, host, () => {
      raw.off('error', onError);
      resolve((raw.address() as AddressInfo).port);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * A local SMTP server for development and tests: accepts any mail on loopback (no auth required, no
 * TLS), keeps the last ones in memory, and shows them over HTTP. Never for production.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`smtp-catcher listens on loopback only, not on ${host}`);
  const maxBytes = options.maxMessageBytes ?? 10 * 1024 * 1024;
  const store = new MailStore({ maxMessages: 1000, maxTotalBytes: 100 * 1024 * 1024, ...options.limits });

  const onData = (
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    done: (err?: Error | null) => void,
  ) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit keep reading (the client must finish DATA) but stop buffering.
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', (err: Error) => done(err));
    stream.on('end', () => {
      if (stream.sizeExceeded || size > maxBytes) {
        done(Object.assign(new Error(`Message exceeds the ${maxBytes}-byte limit`), { responseCode: 552 }));
        return;
      }
      try {
        const raw = Buffer.concat(chunks);
        const parsed = parseMail(raw);
        const mailFrom = session.envelope.mailFrom;
        store.add({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          headerFrom: parsed.from,
          headerTo: parsed.to,
          subject: parsed.subject,
          text: parsed.text ?? null,
          html: parsed.html ?? null,
          messageId: parsed.messageId ?? null,
          attachments: parsed.attachments,
          size,
        });
        done();
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    });
  };

  const smtp = new SMTPServer({
    banner: 'smtp-catcher (development only)',
    size: maxBytes,
    authOptional: true,
    // Any credentials are accepted so an SMTP_URL with a user and password works against it too.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 100,
    closeTimeout: 1000,
    socketTimeout: 30_000,
    onData,
  });
  // A client dropping mid-session is not the catcher's problem.
  smtp.on('error', () => undefined);

  const httpServer = http.createServer(createCatcherApp(store));
  httpServer.requestTimeout = 10_000;

  let smtpPort: number;
  let httpPort: number;
  try {
    smtpPort = await listen(smtp, options.smtpPort ?? 1025, host);
    httpPort = await listen(httpServer, options.httpPort ?? 8025, host);
  } catch (err) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    httpServer.close();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    smtpUrl: `smtp://${urlHost(host)}:${smtpPort}`,
    httpUrl: `http://${urlHost(host)}:${httpPort}`,
    messages: (filter) => store.list(filter),
    waitForMessage(match, timeoutMs = 5000) {
      const existing = store.list().find(match);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`smtp-catcher: no matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = store.onAdd((mail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          off();
          resolve(mail);
        });
      });
    },
    stop() {
      stopping ??= Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        }),
      ]).then(() => undefined);
      return stopping;
    },
  };
}
