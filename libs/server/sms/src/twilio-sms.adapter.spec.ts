import twilio from 'twilio';
import { SmsErrorCode, isRetryableSmsError, smsError } from './sms.errors';
import { SmsStatus } from './sms.port';
import { createTwilioClient, smsErrorFromTwilio, smsStatusFromTwilio } from './twilio-sms.adapter';

const ACCOUNT = `AC${'3'.repeat(32)}`;

/** The SDK's own exception, built as it builds it from an HTTP response. */
function restException(statusCode: number, code?: number, message = 'Twilio says no') {
  return new twilio.RestException({
    statusCode,
    body: code === undefined ? 'not json' : { code, message, more_info: '', status: statusCode },
  });
}

describe('smsStatusFromTwilio', () => {
  it.each([
    ['accepted', SmsStatus.QUEUED],
    ['queued', SmsStatus.QUEUED],
    ['scheduled', SmsStatus.SCHEDULED],
    ['sending', SmsStatus.SENDING],
    ['sent', SmsStatus.SENT],
    ['partially_delivered', SmsStatus.SENT],
    ['delivered', SmsStatus.DELIVERED],
    ['read', SmsStatus.DELIVERED],
    ['undelivered', SmsStatus.UNDELIVERED],
    ['failed', SmsStatus.FAILED],
    ['receiving', SmsStatus.RECEIVED],
    ['received', SmsStatus.RECEIVED],
    ['canceled', SmsStatus.CANCELED],
  ])('maps Twilio status %s to %s', (twilioStatus, ours) => {
    expect(smsStatusFromTwilio(twilioStatus)).toBe(ours);
  });

  it('treats a status Twilio may add later as not final (QUEUED)', () => {
    expect(smsStatusFromTwilio('something_new')).toBe(SmsStatus.QUEUED);
  });
});

describe('smsErrorFromTwilio', () => {
  it.each([
    [400, 21211, SmsErrorCode.SMS_INVALID_NUMBER],
    [400, 21614, SmsErrorCode.SMS_INVALID_NUMBER],
    [400, 21602, SmsErrorCode.SMS_INVALID_BODY],
    [400, 21617, SmsErrorCode.SMS_INVALID_BODY],
    [400, 21610, SmsErrorCode.SMS_REJECTED],
    [400, 21612, SmsErrorCode.SMS_REJECTED],
    [400, 21408, SmsErrorCode.SMS_REJECTED],
    [429, 20429, SmsErrorCode.SMS_RATE_LIMITED],
    [400, 21611, SmsErrorCode.SMS_RATE_LIMITED],
    [401, 20003, SmsErrorCode.SMS_MISCONFIGURED],
    [400, 21212, SmsErrorCode.SMS_MISCONFIGURED],
    [400, 21606, SmsErrorCode.SMS_MISCONFIGURED],
    [404, 20404, SmsErrorCode.SMS_MISCONFIGURED],
    [500, 20500, SmsErrorCode.SMS_UNAVAILABLE],
    [503, 20503, SmsErrorCode.SMS_UNAVAILABLE],
    [400, 29999, SmsErrorCode.SMS_REJECTED],
  ])('maps HTTP %i error %i to %s', (status, code, ours) => {
    expect(smsErrorFromTwilio(restException(status, code), ACCOUNT).code).toBe(ours);
  });

  it('maps by HTTP status when the body has no Twilio code', () => {
    expect(smsErrorFromTwilio(restException(502), ACCOUNT).code).toBe(SmsErrorCode.SMS_UNAVAILABLE);
    expect(smsErrorFromTwilio(restException(429), ACCOUNT).code).toBe(SmsErrorCode.SMS_RATE_LIMITED);
    expect(smsErrorFromTwilio(restException(403), ACCOUNT).code).toBe(SmsErrorCode.SMS_MISCONFIGURED);
  });

  it('shows the provider code to users only for errors about their message', () => {
    expect(smsErrorFromTwilio(restException(400, 21610), ACCOUNT).details).toEqual({ providerCode: 21610 });
    expect(smsErrorFromTwilio(restException(401, 20003), ACCOUNT).details).toBeUndefined();
    expect(smsErrorFromTwilio(restException(500, 20500), ACCOUNT).details).toBeUndefined();
  });

  it('keeps the user-facing message, not Twilio’s, and puts Twilio’s in the cause for the logs', () => {
    const err = smsErrorFromTwilio(restException(400, 21211, "The 'To' number +1 is not valid."), ACCOUNT);
    expect(err.message).toBe('This phone number cannot receive text messages. Check it and try again.');
    expect((err.cause as Error).message).toBe(
      "Twilio answered HTTP 400, error 21211: The 'To' number +1 is not valid.",
    );
  });

  it('maps a network error to SMS_UNAVAILABLE keeping only its code', () => {
    const network = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      config: { headers: { Authorization: 'Basic c2VjcmV0' } },
    });
    const err = smsErrorFromTwilio(network, ACCOUNT);
    expect(err.code).toBe(SmsErrorCode.SMS_UNAVAILABLE);
    expect(err.cause).not.toBe(network);
    expect((err.cause as Error).message).toBe('Twilio request failed (ECONNREFUSED)');
    expect(smsErrorFromTwilio(new Error('??'), ACCOUNT).code).toBe(SmsErrorCode.SMS_UNAVAILABLE);
  });

  it('passes an SmsError through unchanged', () => {
    const original = smsError(SmsErrorCode.SMS_INVALID_BODY);
    expect(smsErrorFromTwilio(original, ACCOUNT)).toBe(original);
  });
});

describe('isRetryableSmsError', () => {
  it('retries outages and rate limits only', () => {
    expect(isRetryableSmsError(smsError(SmsErrorCode.SMS_UNAVAILABLE))).toBe(true);
    expect(isRetryableSmsError(smsError(SmsErrorCode.SMS_RATE_LIMITED))).toBe(true);
    expect(isRetryableSmsError(smsError(SmsErrorCode.SMS_INVALID_NUMBER))).toBe(false);
    expect(isRetryableSmsError(smsError(SmsErrorCode.SMS_MISCONFIGURED))).toBe(false);
    expect(isRetryableSmsError(new Error('boom'))).toBe(false);
  });
});

describe('createTwilioClient', () => {
  it('refuses an account SID that does not start with AC, naming the variable', () => {
    expect(() => createTwilioClient({ accountSid: 'SK123', authToken: 't', timeoutMs: 1000 })).toThrow(
      /TWILIO_ACCOUNT_SID/,
    );
  });
});
