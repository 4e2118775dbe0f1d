export {
  startTwilioSandbox,
  SANDBOX_ACCOUNT_SID,
  SANDBOX_AUTH_TOKEN,
  MAX_BODY_LENGTH,
  type TwilioSandbox,
  type TwilioSandboxOptions,
} from './twilio-sandbox.server';
export type { SandboxMessage, SandboxMessageStatus, MessageFilter } from './message-store';
export { countSegments, type SegmentCount, type SmsEncoding } from '@pa/shared-domain';
export type { TwilioErrorBody } from './twilio-errors';
export type { ConversationMessage } from './virtual-phone';
export { twilioSignature } from './twilio-signature';
export { DELIVERY_MAGIC_TO, PRICE_PER_SEGMENT } from './status-callbacks';
export { NUMBER_POOL } from './phone-numbers';
