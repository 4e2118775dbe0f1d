/** Payload of `email.send`: one mail, sent at most once per idempotencyKey. */
export interface EmailSendPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Same key = same mail: a retried or re-queued job does not send it twice. */
  idempotencyKey: string;
}

/**
 * The typed job map: job name → payload. Features add their jobs by declaration merging:
 * `declare module '@pa/server-jobs' { interface JobPayloads { 'sms.send': SmsSendPayload } }`.
 * Payloads cross Redis/PostgreSQL as JSON, so dates travel as ISO strings: type them as `string`.
 */
export interface JobPayloads {
  'email.send': EmailSendPayload;
}

export type JobName = keyof JobPayloads & string;
