import type { NumberService } from './numbers/number.service';
import type { SmsUsageService } from './usage/usage.service';

declare module '@pa/server-core' {
  interface Services {
    numbers: NumberService;
    smsUsage: SmsUsageService;
  }
}

export {
  smsWebhookSettings,
  SMS_WEBHOOK_PATH,
  STATUS_WEBHOOK_PATH,
  type SmsWebhookSettings,
} from './sms-webhooks.config';
export { createTwilioAccount, type TwilioAccount, type MessageFacts } from './numbers/twilio-account';
export {
  NumberService,
  type PhoneNumberRecord,
  type AvailableNumber,
  type WebhookCheckReport as WebhookCheckResult,
} from './numbers/number.service';
export { NumbersErrorCode, numbersError } from './numbers/numbers.errors';
export { SmsUsageService, type UsageReport, type AdminUsageReport } from './usage/usage.service';
export { SmsOutbox, type TextOutcome, type OutgoingText } from './router/sms-outbox';
export {
  SmsRouter,
  type InboundSms,
  type InboundResult,
  type InboundOutcome,
  type StatusUpdate,
} from './router/sms-router.service';
export { smsWebhookRouter, type WebhookRouterOptions } from './router/webhook-router';
export { SmsWebhookErrorCode } from './router/router.errors';
export { smsKeyword, keywordText, HELP_TEXT, REFUSAL_TEXT, START_TEXT, STOP_NOTE } from './router/keywords';
export { registerSmsJobs, reconcileSmsJobs, priceTexts } from './sms.jobs';
export { PhoneNumberResolver } from './sms.resolver';
export { PhoneNumber } from './sms.types';
export { smsRules } from './sms.rules';
export { smsMigrations } from './migrations';
export { registerSmsMetrics } from './usage/sms.metrics';
