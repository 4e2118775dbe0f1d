import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppError, type AppConfig, type Logger } from '@pa/server-core';
import { MailErrorCode, mailError } from './mail.errors';
import type { MailSender, OutgoingMail, SentMail } from './mail-sender';
import { messageIdFor, validateMail } from './mail-validation';

export type SmtpMailConfig = Pick<AppConfig, 'SMTP_URL' | 'MAIL_FROM' | 'SMTP_TIMEOUT_MS' | 'SMTP_POOL_MAX'>;

/** The SMTP adapter: a MailSender that also verifies the server and closes its pool. */
export interface SmtpMailSender extends MailSender {
  /** Opens a connection and says hello (and logs in): resolves when the server would accept mail. */
  verify(): Promise<void>;
  /** Closes pooled connections (a mail being sent finishes first). */
  close(): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Transport options from an smtp:// or smtps:// URL (credentials URL-decoded, never logged). */
export function smtpTransportOptions(config: SmtpMailConfig): SMTPPool.Options {
  if (!config.SMTP_URL) throw mailError(MailErrorCode.MAIL_NOT_CONFIGURED);
  const url = new URL(config.SMTP_URL);
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const host = url.hostname || '127.0.0.1';
  return {
    pool: true,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    // Credentials never cross a network in clear text: off loopback, STARTTLS is mandatory with auth.
    requireTLS: !secure && Boolean(user) && !LOOPBACK.has(host),
    ...(user ? { auth: { user, pass } } : {}),
    maxConnections: config.SMTP_POOL_MAX,
    maxMessages: 100,
    connectionTimeout: config.SMTP_TIMEOUT_MS,
    greetingTimeout: config.SMTP_TIMEOUT_MS,
    socketTimeout: config.SMTP_TIMEOUT_MS,
    dnsTimeout: config.SMTP_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
}

// Codes under which a 5xx reply is a verdict on this message (sender, recipient, content). A 5xx on
// login or greeting is about our account or the server, and may be fixed without touching the mail.
const MESSAGE_LEVEL = new Set(['EENVELOPE', 'EMESSAGE', undefined]);

/**
 * Maps a nodemailer failure to a MailError: a permanent 5xx reply to the message (503 aside: a
 * session-state problem) is MAIL_REJECTED; an envelope problem without a reply is MAIL_INVALID;
 * everything else (refused connection, timeout, 4xx, auth) is MAIL_UNAVAILABLE and worth retrying.
 */
export function toMailError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const { code, responseCode } = (err ?? {}) as SmtpFailure;
  const smtpCode = typeof responseCode === 'number' ? responseCode : undefined;
  const details = {
    ...(typeof code === 'string' ? { reason: code } : {}),
    ...(smtpCode ? { smtpCode } : {}),
  };
  const messageLevel = MESSAGE_LEVEL.has(typeof code === 'string' ? code : undefined);
  if (messageLevel && smtpCode && smtpCode >= 500 && smtpCode < 600 && smtpCode !== 503) {
    return mailError(MailErrorCode.MAIL_REJECTED, details, { cause: err });
  }
  if (!smtpCode && code === 'EENVELOPE')
    return mailError(MailErrorCode.MAIL_INVALID, details, { cause: err });
  return mailError(MailErrorCode.MAIL_UNAVAILABLE, details, { cause: err });
}

/**
 * A MailSender over real SMTP (pooled connections, bounded connect/greeting/socket timeouts).
 * Throws MAIL_NOT_CONFIGURED at once when SMTP_URL is unset.
 */
export function createSmtpMailSender(config: SmtpMailConfig, logger?: Logger): SmtpMailSender {
  const transport = nodemailer.createTransport(smtpTransportOptions(config));
  // A whole send is bounded too: the socket timeout only measures silence between packets.
  const sendBoundMs = config.SMTP_TIMEOUT_MS * 3;

  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      const valid = validateMail(mail);
      let timer: NodeJS.Timeout | undefined;
      try {
        const info = (await Promise.race([
          transport.sendMail({
            from: config.MAIL_FROM,
            to: valid.to,
            subject: valid.subject,
            text: valid.text,
            ...(valid.html !== undefined ? { html: valid.html } : {}),
            ...(valid.idempotencyKey
              ? { messageId: messageIdFor(valid.idempotencyKey, config.MAIL_FROM) }
              : {}),
          }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(Object.assign(new Error(`send took over ${sendBoundMs} ms`), { code: 'ETIMEDOUT' })),
              sendBoundMs,
            );
          }),
        ])) as SMTPPool.SentMessageInfo;
        return { messageId: info.messageId };
      } catch (err) {
        const mapped = toMailError(err);
        // Server replies may quote the recipient (personal data): log our code and the SMTP code only.
        logger?.warn({ code: mapped.code, details: mapped.details }, 'mail not sent');
        throw mapped;
      } finally {
        clearTimeout(timer);
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (err) {
        throw toMailError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}
