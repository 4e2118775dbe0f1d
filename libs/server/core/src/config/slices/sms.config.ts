import { z } from 'zod';
import { int, slice, url } from '../schema';

/** Text messages through Twilio (libs/server/sms, tools/twilio-sandbox). */
export const smsConfig = slice({
  TWILIO_ACCOUNT_SID: {
    schema: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits')
      .default(`AC${'0'.repeat(32)}`),
    doc: 'Twilio account SID. Development default: the local Twilio sandbox account; must be set in production.',
  },
  TWILIO_AUTH_TOKEN: {
    schema: z.string().min(1).default('sandbox-token'),
    doc: 'Twilio auth token (HTTP Basic password of the REST API). Development default: the sandbox token; must be set in production.',
    secret: true,
  },
  TWILIO_API_BASE_URL: {
    schema: url(['http:', 'https:']).optional(),
    doc: 'Send Twilio REST calls here instead of https://api.twilio.com (the local Twilio sandbox; the launcher sets it in development). Unset: real Twilio.',
  },
  TWILIO_REQUEST_TIMEOUT_MS: {
    schema: int(100, 120_000).default(10_000),
    doc: 'A Twilio REST call that takes longer fails with SMS_UNAVAILABLE instead of hanging.',
  },
  SMS_FROM_NUMBER: {
    schema: z
      .string()
      // The shape only: libs/server/sms checks the number itself (libphonenumber) when it starts.
      .regex(/^\+[1-9]\d{6,14}$/, 'expected a phone number in E.164 form, e.g. +15005550006')
      .default('+15005550006'),
    doc: 'Sender (E.164) of system messages such as sign-in codes. Development default: a Twilio test number; must be set in production.',
  },
});
