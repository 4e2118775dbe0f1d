export { startSmtpCatcher, type SmtpCatcher, type SmtpCatcherOptions } from './smtp-catcher';
export type { CaughtMail } from './mail-store';
