export {
  startTwilioSandbox,
  SANDBOX_ACCOUNT_SID,
  SANDBOX_AUTH_TOKEN,
  MAX_BODY_LENGTH,
  type TwilioSandbox,
  type TwilioSandboxOptions,
} from './twilio-sandbox.server';
export type { SandboxMessage, SandboxMessageStatus, MessageFilter } from './message-store';
export { countSegments, type SegmentCount, type SmsEncoding } from './segments';
export type { TwilioErrorBody } from './twilio-errors';
