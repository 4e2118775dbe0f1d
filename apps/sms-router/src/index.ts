export { startSmsRouter, type SmsRouterHandle, type StartSmsRouterOptions } from './app/start-sms-router';
