export { SmsStatus, type OutgoingSms, type SmsSendResult, type SmsSender } from './sms.port';
export {
  SmsErrorCode,
  smsErrors,
  smsError,
  isSmsError,
  isRetryableSmsError,
  type SmsError,
} from './sms.errors';
export {
  createTwilioClient,
  createTwilioSmsSender,
  smsStatusFromTwilio,
  smsErrorFromTwilio,
  SMS_BODY_MAX_LENGTH,
  type TwilioSettings,
  type TwilioSmsSettings,
} from './twilio-sms.adapter';
export { twilioSmsSettingsFromConfig, createSmsSender } from './sms.config';
