export type { MailSender, OutgoingMail, SentMail } from './mail-sender';
export { MailErrorCode, mailError, mailErrors } from './mail.errors';
export { MAIL_LIMITS, validateMail } from './mail-validation';
export {
  createSmtpMailSender,
  toMailError,
  type SmtpMailConfig,
  type SmtpMailSender,
} from './smtp-mail.adapter';
