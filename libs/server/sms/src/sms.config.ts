import { ConfigError, configSpec, type AppConfig } from '@pa/server-core';
import { isE164 } from '@pa/shared-domain';
import { createTwilioSmsSender, type TwilioSmsSettings } from './twilio-sms.adapter';
import type { SmsSender } from './sms.port';

// Twilio's test numbers (+1 500 555 xxxx) only work with test credentials or the sandbox.
const TWILIO_TEST_NUMBER = /^\+1500555\d{4}$/;

/**
 * The Twilio settings of this environment. Throws ConfigError (naming the variable) when the sender
 * is not a valid number, or when production would talk to real Twilio with the sandbox account or a
 * test sender. (A development-default TWILIO_AUTH_TOKEN is already refused in production by loadConfig.)
 */
export function twilioSmsSettingsFromConfig(config: AppConfig): TwilioSmsSettings {
  const problems: { variable: string; message: string }[] = [];
  if (!isE164(config.SMS_FROM_NUMBER)) {
    problems.push({ variable: 'SMS_FROM_NUMBER', message: 'not a valid phone number' });
  }
  const realTwilio = !config.TWILIO_API_BASE_URL;
  if (config.NODE_ENV === 'production' && realTwilio) {
    if (config.TWILIO_ACCOUNT_SID === configSpec.TWILIO_ACCOUNT_SID.schema.parse(undefined)) {
      problems.push({
        variable: 'TWILIO_ACCOUNT_SID',
        message: 'required in production (the default is the local sandbox account)',
      });
    }
    if (TWILIO_TEST_NUMBER.test(config.SMS_FROM_NUMBER)) {
      problems.push({
        variable: 'SMS_FROM_NUMBER',
        message: 'required in production (the default is a Twilio test number)',
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    apiBaseUrl: config.TWILIO_API_BASE_URL,
    timeoutMs: config.TWILIO_REQUEST_TIMEOUT_MS,
    defaultFrom: config.SMS_FROM_NUMBER,
  };
}

/** The SMS sender of this environment (Twilio, or the local sandbox when TWILIO_API_BASE_URL is set). */
export function createSmsSender(config: AppConfig): SmsSender {
  return createTwilioSmsSender(twilioSmsSettingsFromConfig(config));
}
