// The Twilio adapter of the SMS port, on the real `twilio` SDK. The SDK has no base-URL option: when
// a base URL is configured (the local sandbox), its HTTP client rewrites every *.twilio.com request
// to it, so nothing leaves the machine.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { toE164 } from '@pa/shared-domain';
import { ConfigError } from '@pa/server-core';
import { SmsStatus, type OutgoingSms, type SmsSendResult, type SmsSender } from './sms.port';
import { isSmsError, smsError, SmsErrorCode, type SmsError } from './sms.errors';

/** Twilio's limit on a message body, in characters. */
export const SMS_BODY_MAX_LENGTH = 1600;

/** How to reach Twilio. */
export interface TwilioSettings {
  /** `AC` + 32 hex digits. */
  accountSid: string;
  authToken: string;
  /** Replaces https://api.twilio.com (the local sandbox); undefined = real Twilio. */
  apiBaseUrl?: string;
  /** A REST call that takes longer fails (SMS_UNAVAILABLE). */
  timeoutMs: number;
}

export interface TwilioSmsSettings extends TwilioSettings {
  /** Sender when a message names none (E.164). */
  defaultFrom: string;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const TWILIO_HOST = /(^|\.)twilio\.com$/;

/** Twilio's HTTP client, sending every request for a *.twilio.com host to `baseUrl` instead. */
class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(baseUrl: string, options: RequestClient.RequestClientOptions) {
    super(options);
    this.base = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: this.rewrite(opts.uri) });
  }

  private rewrite(uri: string): string {
    const url = new URL(uri);
    if (!TWILIO_HOST.test(url.hostname)) return uri;
    return `${this.base}${url.pathname}${url.search}`;
  }
}

/** A twilio SDK client for these settings (timeout set, sandbox base URL applied when configured). */
export function createTwilioClient(settings: TwilioSettings): twilio.Twilio {
  if (!ACCOUNT_SID.test(settings.accountSid)) {
    throw new ConfigError([
      { variable: 'TWILIO_ACCOUNT_SID', message: 'expected AC followed by 32 hex digits' },
    ]);
  }
  const options: RequestClient.RequestClientOptions = { timeout: settings.timeoutMs, keepAlive: true };
  const httpClient = settings.apiBaseUrl
    ? new BaseUrlRequestClient(settings.apiBaseUrl, options)
    : new twilio.RequestClient(options);
  return twilio(settings.accountSid, settings.authToken, { httpClient, autoRetry: false });
}

const STATUS: Record<string, SmsStatus> = {
  accepted: SmsStatus.QUEUED,
  queued: SmsStatus.QUEUED,
  scheduled: SmsStatus.SCHEDULED,
  sending: SmsStatus.SENDING,
  sent: SmsStatus.SENT,
  // Partly delivered (group/RCS) is not a delivery receipt for every part.
  partially_delivered: SmsStatus.SENT,
  delivered: SmsStatus.DELIVERED,
  read: SmsStatus.DELIVERED,
  undelivered: SmsStatus.UNDELIVERED,
  failed: SmsStatus.FAILED,
  receiving: SmsStatus.RECEIVED,
  received: SmsStatus.RECEIVED,
  canceled: SmsStatus.CANCELED,
};

/** Our status for a Twilio message status (an unknown one counts as still queued, not final). */
export function smsStatusFromTwilio(status: string): SmsStatus {
  return STATUS[status] ?? SmsStatus.QUEUED;
}

// Twilio error codes (https://www.twilio.com/docs/api/errors) by what they mean for us.
const INVALID_NUMBER = new Set([21211, 21214, 21217, 21401, 21407, 21421, 21604, 21614]);
const INVALID_BODY = new Set([21602, 21617, 21619]);
const REJECTED = new Set([21266, 21408, 21610, 21612, 30004, 30005, 30006, 30007]);
const RATE_LIMITED = new Set([14107, 20429, 21611]);
const MISCONFIGURED = new Set([20003, 20005, 20404, 21212, 21603, 21606, 21609, 21659, 21660, 21701]);

function codeForRestException(status: number, code: number | undefined): SmsErrorCode {
  if (code !== undefined) {
    if (INVALID_NUMBER.has(code)) return SmsErrorCode.SMS_INVALID_NUMBER;
    if (INVALID_BODY.has(code)) return SmsErrorCode.SMS_INVALID_BODY;
    if (REJECTED.has(code)) return SmsErrorCode.SMS_REJECTED;
    if (RATE_LIMITED.has(code)) return SmsErrorCode.SMS_RATE_LIMITED;
    if (MISCONFIGURED.has(code)) return SmsErrorCode.SMS_MISCONFIGURED;
  }
  if (status === 429) return SmsErrorCode.SMS_RATE_LIMITED;
  if (status >= 500) return SmsErrorCode.SMS_UNAVAILABLE;
  if (status === 401 || status === 403 || status === 404) return SmsErrorCode.SMS_MISCONFIGURED;
  return SmsErrorCode.SMS_REJECTED;
}

/**
 * Turns whatever the SDK threw into an SmsError. The cause is rebuilt from safe fields only: the
 * SDK's network errors carry the request config, whose Authorization header holds the auth token.
 */
export function smsErrorFromTwilio(err: unknown, accountSid: string): SmsError {
  if (isSmsError(err)) return err;
  if (err instanceof twilio.RestException) {
    const code = codeForRestException(err.status, err.code);
    const what = `Twilio answered HTTP ${err.status}${err.code ? `, error ${err.code}` : ''}: ${err.message}`;
    const hint = err.status === 401 ? ` (check TWILIO_ACCOUNT_SID ${accountSid} and TWILIO_AUTH_TOKEN)` : '';
    const userFacing = code !== SmsErrorCode.SMS_MISCONFIGURED && code !== SmsErrorCode.SMS_UNAVAILABLE;
    return smsError(code, userFacing && err.code ? { providerCode: err.code } : undefined, {
      cause: new Error(`${what}${hint}`),
    });
  }
  const raw = (err as { code?: unknown } | null)?.code;
  const reason = typeof raw === 'string' && /^[A-Z0-9_]{2,40}$/.test(raw) ? raw : 'UNKNOWN';
  return smsError(SmsErrorCode.SMS_UNAVAILABLE, undefined, {
    cause: new Error(`Twilio request failed (${reason})`),
  });
}

/** Rejects after `ms` if `promise` has not settled (the SDK's timeout is per socket, not per call). */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('deadline'), { code: 'DEADLINE' })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The SMS port on Twilio's Messages API. */
export function createTwilioSmsSender(settings: TwilioSmsSettings): SmsSender {
  const client = createTwilioClient(settings);
  return {
    async send({ to, from, body, statusCallbackUrl }: OutgoingSms): Promise<SmsSendResult> {
      const recipient = toE164(to);
      if (!recipient) throw smsError(SmsErrorCode.SMS_INVALID_NUMBER, { field: 'to' });
      if (body.length === 0 || [...body].length > SMS_BODY_MAX_LENGTH) {
        throw smsError(SmsErrorCode.SMS_INVALID_BODY, { maxLength: SMS_BODY_MAX_LENGTH });
      }
      try {
        const message = await withDeadline(
          client.messages.create({
            to: recipient,
            from: from ?? settings.defaultFrom,
            body,
            ...(statusCallbackUrl ? { statusCallback: statusCallbackUrl } : {}),
          }),
          settings.timeoutMs + 1000,
        );
        return {
          sid: message.sid,
          status: smsStatusFromTwilio(message.status),
          segments: Number.parseInt(message.numSegments, 10) || 0,
        };
      } catch (err) {
        throw smsErrorFromTwilio(err, settings.accountSid);
      }
    },
  };
}
