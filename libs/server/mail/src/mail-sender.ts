/** One outgoing email: a single recipient, a plain-text body and an optional HTML alternative. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * When set, the Message-ID is derived from it, so the same logical mail always carries the same
   * Message-ID (receivers and the catcher can spot a duplicate).
   */
  idempotencyKey?: string;
}

export interface SentMail {
  messageId: string;
}

/** The port every feature sends email through. Failures are MailError codes (see mail.errors.ts). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SentMail>;
}
