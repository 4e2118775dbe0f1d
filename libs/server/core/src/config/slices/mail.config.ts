import { z } from 'zod';
import { int, slice, url } from '../schema';

/** Outgoing mail (libs/server/mail). */
export const mailConfig = slice({
  SMTP_URL: {
    schema: url(['smtp:', 'smtps:']).optional(),
    doc: 'SMTP server for outgoing mail, e.g. `smtp://user:pass@host:587` (`smtps://` = implicit TLS). Unset in development: the launcher starts the local SMTP catcher and sets it.',
    secret: true,
  },
  MAIL_FROM: {
    schema: z.string().min(3).max(320).default('"Personal Assistant TDAH" <no-reply@localhost>'),
    doc: 'Sender of outgoing mail (`"Name" <address>`).',
  },
  SMTP_TIMEOUT_MS: {
    schema: int(500, 120_000).default(10_000),
    doc: 'SMTP connection, greeting and socket timeout: a mail server that stalls fails the send (it is retried).',
  },
  SMTP_POOL_MAX: {
    schema: int(1, 50).default(3),
    doc: 'Maximum pooled SMTP connections per process.',
  },
});
