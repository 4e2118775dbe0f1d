import type { MailSender } from '@pa/server-mail';
import type { IdempotencyStore } from '../idempotency-store';
import type { JobProcessor } from '../job-queue';
import { JobsErrorCode, jobsError } from '../jobs.errors';

export interface EmailSendProcessorDeps {
  mail: MailSender;
  idempotency: IdempotencyStore;
  /** How long a sent key is remembered (JOBS_IDEMPOTENCY_TTL_S). */
  ttlMs: number;
  /** How long one attempt may hold the key; longer than the slowest send (a few SMTP timeouts). */
  leaseMs: number;
}

/**
 * `email.send`: sends through the MailSender at most once per idempotencyKey. The key is claimed
 * before sending and marked sent after, so a retry of a job that already sent (or a second job with
 * the same key) skips the send. A crash between send and mark can still send twice: at-least-once,
 * with the Message-ID derived from the key so receivers can tell.
 */
export function createEmailSendProcessor(deps: EmailSendProcessorDeps): JobProcessor<'email.send'> {
  return async (payload, { logger }) => {
    if (typeof payload.idempotencyKey !== 'string' || payload.idempotencyKey.length === 0) {
      throw jobsError(JobsErrorCode.JOB_INVALID, { field: 'idempotencyKey', reason: 'required' });
    }
    const key = `email.send:${payload.idempotencyKey}`;
    const claim = await deps.idempotency.claim(key, deps.leaseMs);
    if (claim.state === 'done') {
      logger.info({ messageId: claim.result }, 'email already sent for this key: skipped');
      return;
    }
    if (claim.state === 'busy') throw jobsError(JobsErrorCode.JOB_IN_PROGRESS);

    let messageId: string;
    try {
      ({ messageId } = await deps.mail.send({
        to: payload.to,
        subject: payload.subject,
        text: payload.text,
        ...(payload.html !== undefined ? { html: payload.html } : {}),
        idempotencyKey: payload.idempotencyKey,
      }));
    } catch (err) {
      await deps.idempotency.release(key, claim.token).catch(() => undefined);
      throw err;
    }
    await deps.idempotency.complete(key, messageId, deps.ttlMs);
    logger.info({ messageId }, 'email sent');
  };
}
