import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MailErrorCode, mailError } from './mail.errors';
import type { OutgoingMail } from './mail-sender';

/** Limits of one outgoing mail (bytes of UTF-16 text, i.e. string length). */
export const MAIL_LIMITS = {
  subjectMax: 250,
  textMax: 500_000,
  htmlMax: 2_000_000,
  idempotencyKeyMax: 200,
} as const;

const outgoingMail = z.object({
  to: z.email().max(254),
  // A CR or LF in the subject would be a header-injection attempt.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(MAIL_LIMITS.subjectMax)
    .refine((s) => !/[\r\n]/.test(s), 'no line breaks'),
  text: z.string().min(1).max(MAIL_LIMITS.textMax),
  html: z.string().max(MAIL_LIMITS.htmlMax).optional(),
  idempotencyKey: z.string().min(1).max(MAIL_LIMITS.idempotencyKeyMax).optional(),
});

/** Checks a mail before it reaches the SMTP server; throws MAIL_INVALID naming the bad field. */
export function validateMail(mail: OutgoingMail): OutgoingMail {
  const parsed = outgoingMail.safeParse(mail);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw mailError(MailErrorCode.MAIL_INVALID, {
      field: String(issue?.path[0] ?? 'mail'),
      reason: issue?.message ?? 'invalid',
    });
  }
  return parsed.data;
}

/** The address part of a From header value (`"Name" <a@b>` or `a@b`). */
export function addressOf(from: string): string {
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- reads MAIL_FROM from the validated config, never a request
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  if (angle?.[1]) return angle[1];
  return from.trim();
}

/** A Message-ID that is the same every time for the same idempotency key and sender domain. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = addressOf(from).split('@')[1] || 'localhost';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}.pa@${domain}>`;
}
