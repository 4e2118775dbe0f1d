import { ConfigError, type AppConfig } from '@pa/server-core';

/** Where Twilio reaches the SMS router, and what numbers cost. */
export interface SmsWebhookSettings {
  /** Public base URL of the SMS router, without a trailing slash. */
  baseUrl: string;
  /** The inbound webhook every number points at. */
  smsUrl: string;
  /** Where delivery statuses (and prices) of our messages arrive. */
  statusCallbackUrl: string;
  monthlyCost: string;
  currency: string;
  defaultCountry: string;
}

export const SMS_WEBHOOK_PATH = '/twilio/sms';
export const STATUS_WEBHOOK_PATH = '/twilio/status';

/**
 * The SMS router's public URLs. In production SMS_WEBHOOK_BASE_URL is required: Twilio signs the
 * exact URL it calls, so a guessed one would make every webhook fail its signature check.
 */
export function smsWebhookSettings(config: AppConfig): SmsWebhookSettings {
  if (config.NODE_ENV === 'production' && !config.SMS_WEBHOOK_BASE_URL) {
    throw new ConfigError([
      {
        variable: 'SMS_WEBHOOK_BASE_URL',
        message: 'required in production (the public URL Twilio calls the SMS router at)',
      },
    ]);
  }
  const baseUrl = (config.SMS_WEBHOOK_BASE_URL ?? `http://127.0.0.1:${config.SMS_ROUTER_PORT}`).replace(
    /\/+$/,
    '',
  );
  return {
    baseUrl,
    smsUrl: `${baseUrl}${SMS_WEBHOOK_PATH}`,
    statusCallbackUrl: `${baseUrl}${STATUS_WEBHOOK_PATH}`,
    monthlyCost: config.SMS_NUMBER_MONTHLY_COST,
    currency: config.SMS_COST_CURRENCY,
    defaultCountry: config.SMS_NUMBER_COUNTRY,
  };
}
