import type { SandboxMessage } from './message-store';

export const API_VERSION = '2010-04-01';

/** Twilio's date format: RFC 2822 in GMT, e.g. `Wed, 25 Nov 2026 17:59:43 +0000`. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** The path of an account's Messages list, relative to https://api.twilio.com. */
export function messagesPath(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages`;
}

const ERROR_MESSAGES: Record<number, string> = {
  30003: 'Unreachable destination handset',
  30008: 'Unknown error',
};

/** Twilio's JSON for a Message resource (snake_case, numbers as strings, dates in RFC 2822). */
export interface TwilioMessageResource {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: string;
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  sid: string;
  status: string;
  subresource_uris: { media: string };
  to: string;
  uri: string;
}

/** A stored message as Twilio's REST API returns it. */
export function toMessageResource(m: SandboxMessage): TwilioMessageResource {
  const base = `${messagesPath(m.accountSid)}/${m.sid}`;
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: m.dateSent ? rfc2822(m.dateSent) : null,
    date_updated: rfc2822(m.dateUpdated),
    direction: m.direction,
    error_code: m.errorCode,
    error_message: m.errorCode === null ? null : (ERROR_MESSAGES[m.errorCode] ?? 'Unknown error'),
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: '0',
    num_segments: String(m.numSegments),
    price: m.price,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: `${base}/Media.json` },
    to: m.to,
    uri: `${base}.json`,
  };
}

/** A stored message as the sandbox-only API shows it (camelCase, ISO dates). */
export function toSandboxJson(m: SandboxMessage): Record<string, unknown> {
  return {
    ...m,
    dateCreated: m.dateCreated.toISOString(),
    dateUpdated: m.dateUpdated.toISOString(),
    dateSent: m.dateSent ? m.dateSent.toISOString() : null,
  };
}
