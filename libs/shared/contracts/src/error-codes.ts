// Every error code the API returns, by feature: the server throws these and clients compare against them.
// `error-codes.spec.ts` fails when a server library throws a code that is not listed here.

import { CoreErrorCode } from './errors';

/** Codes of auth. */
export const AuthErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  INVALID_EMAIL: 'INVALID_EMAIL',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  INVALID_TIME_ZONE: 'INVALID_TIME_ZONE',
  INVALID_DISPLAY_NAME: 'INVALID_DISPLAY_NAME',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  SESSION_NOT_FOUND: 'SESSION_NOT_FOUND',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  REAUTHENTICATION_REQUIRED: 'REAUTHENTICATION_REQUIRED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  MFA_REQUIRED: 'MFA_REQUIRED',
  MFA_CODE_INVALID: 'MFA_CODE_INVALID',
  MFA_NOT_ENABLED: 'MFA_NOT_ENABLED',
  MFA_CODE_EXPIRED: 'MFA_CODE_EXPIRED',
  INVALID_PHONE: 'INVALID_PHONE',
  EMAIL_TOKEN_INVALID: 'EMAIL_TOKEN_INVALID',
  SESSION_REQUIRED: 'SESSION_REQUIRED',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

/** Codes of auth (MFA). */
export const MfaErrorCode = {
  MFA_USER_NOT_FOUND: 'MFA_USER_NOT_FOUND',
  TOTP_ENROLLMENT_NOT_FOUND: 'TOTP_ENROLLMENT_NOT_FOUND',
  MFA_SECRET_UNREADABLE: 'MFA_SECRET_UNREADABLE',
} as const;
export type MfaErrorCode = (typeof MfaErrorCode)[keyof typeof MfaErrorCode];

/** Codes of auth (rate limits). */
export const RateLimitErrorCode = {
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type RateLimitErrorCode = (typeof RateLimitErrorCode)[keyof typeof RateLimitErrorCode];

/** Codes of users. */
export const UsersErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  LAST_ADMINISTRATOR: 'LAST_ADMINISTRATOR',
  OWN_ACCOUNT: 'OWN_ACCOUNT',
  EXPORT_TOO_SOON: 'EXPORT_TOO_SOON',
  EXPORT_NOT_FOUND: 'EXPORT_NOT_FOUND',
  CONSENT_OUTDATED: 'CONSENT_OUTDATED',
  CONSENT_NOT_WITHDRAWABLE: 'CONSENT_NOT_WITHDRAWABLE',
} as const;
export type UsersErrorCode = (typeof UsersErrorCode)[keyof typeof UsersErrorCode];

/** Codes of rbac (personal access tokens). */
export const TokenErrorCode = {
  TOKEN_NAME_INVALID: 'TOKEN_NAME_INVALID',
  TOKEN_SCOPE_INVALID: 'TOKEN_SCOPE_INVALID',
  TOKEN_SCOPE_BEYOND_ROLE: 'TOKEN_SCOPE_BEYOND_ROLE',
  TOKEN_EXPIRY_INVALID: 'TOKEN_EXPIRY_INVALID',
  TOKEN_LIMIT_REACHED: 'TOKEN_LIMIT_REACHED',
  TOKEN_NOT_FOUND: 'TOKEN_NOT_FOUND',
  TOKEN_SCOPE_MISSING: 'TOKEN_SCOPE_MISSING',
} as const;
export type TokenErrorCode = (typeof TokenErrorCode)[keyof typeof TokenErrorCode];

/** Codes of conversations. */
export const ConversationsErrorCode = {
  CONVERSATION_NOT_FOUND: 'CONVERSATION_NOT_FOUND',
  MESSAGE_NOT_FOUND: 'MESSAGE_NOT_FOUND',
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  INVALID_TITLE: 'INVALID_TITLE',
  INVALID_CLIENT_ID: 'INVALID_CLIENT_ID',
  CLIENT_ID_REUSED: 'CLIENT_ID_REUSED',
  INVALID_SEARCH: 'INVALID_SEARCH',
  CONVERSATION_ARCHIVED: 'CONVERSATION_ARCHIVED',
  RESUME_TOO_FAR: 'RESUME_TOO_FAR',
} as const;
export type ConversationsErrorCode = (typeof ConversationsErrorCode)[keyof typeof ConversationsErrorCode];

/** Codes of jobs. */
export const JobsErrorCode = {
  /** The queue store (Redis or PostgreSQL) did not take the job: try again. */
  JOBS_UNAVAILABLE: 'JOBS_UNAVAILABLE',
  /** The job itself is wrong (bad id, payload too large or malformed): retrying will not help. */
  JOB_INVALID: 'JOB_INVALID',
  /** Another worker holds this job's idempotency key right now: retried later. */
  JOB_IN_PROGRESS: 'JOB_IN_PROGRESS',
} as const;
export type JobsErrorCode = (typeof JobsErrorCode)[keyof typeof JobsErrorCode];

/** Codes of mail. */
export const MailErrorCode = {
  /** No SMTP server configured (SMTP_URL unset). */
  MAIL_NOT_CONFIGURED: 'MAIL_NOT_CONFIGURED',
  /** The SMTP server is down, slow, refused our credentials or answered 4xx: worth retrying. */
  MAIL_UNAVAILABLE: 'MAIL_UNAVAILABLE',
  /** The SMTP server refused this message for good (5xx): retrying the same mail gets the same answer. */
  MAIL_REJECTED: 'MAIL_REJECTED',
  /** The mail itself is malformed (bad address, empty subject, too large): never sent. */
  MAIL_INVALID: 'MAIL_INVALID',
} as const;
export type MailErrorCode = (typeof MailErrorCode)[keyof typeof MailErrorCode];

/** Codes of sms. */
export const SmsErrorCode = {
  /** The recipient is not a valid (mobile) phone number. */
  SMS_INVALID_NUMBER: 'SMS_INVALID_NUMBER',
  /** Empty, or longer than an SMS can be. */
  SMS_INVALID_BODY: 'SMS_INVALID_BODY',
  /** The provider refused this message (recipient unsubscribed, unreachable, region not allowed…). */
  SMS_REJECTED: 'SMS_REJECTED',
  SMS_RATE_LIMITED: 'SMS_RATE_LIMITED',
  /** Our credentials or sender are wrong: retrying will not help until the configuration is fixed. */
  SMS_MISCONFIGURED: 'SMS_MISCONFIGURED',
  /** The provider could not be reached, timed out or failed on its side: worth retrying later. */
  SMS_UNAVAILABLE: 'SMS_UNAVAILABLE',
} as const;
export type SmsErrorCode = (typeof SmsErrorCode)[keyof typeof SmsErrorCode];

/** Codes of sms-routing (numbers). */
export const NumbersErrorCode = {
  /** Also the answer for another person's number: no existence oracle. */
  NUMBER_NOT_FOUND: 'NUMBER_NOT_FOUND',
  NUMBER_LIMIT: 'NUMBER_LIMIT',
  NUMBER_UNAVAILABLE: 'NUMBER_UNAVAILABLE',
  NO_NUMBER_AVAILABLE: 'NO_NUMBER_AVAILABLE',
  PHONE_NOT_VERIFIED: 'PHONE_NOT_VERIFIED',
  INVALID_NUMBER_SEARCH: 'INVALID_NUMBER_SEARCH',
  NUMBER_STATE_CONFLICT: 'NUMBER_STATE_CONFLICT',
  INVALID_DATE_RANGE: 'INVALID_DATE_RANGE',
} as const;
export type NumbersErrorCode = (typeof NumbersErrorCode)[keyof typeof NumbersErrorCode];

/** Codes of sms-routing (webhooks). */
export const SmsWebhookErrorCode = {
  /** No X-Twilio-Signature, or one that does not match the URL and body: not from Twilio. */
  INVALID_SIGNATURE: 'INVALID_SIGNATURE',
  /** Signed, but missing or malformed fields. */
  INVALID_WEBHOOK: 'INVALID_WEBHOOK',
} as const;
export type SmsWebhookErrorCode = (typeof SmsWebhookErrorCode)[keyof typeof SmsWebhookErrorCode];

/** Codes of assistant. */
export const AssistantErrorCode = {
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  REMINDER_NOT_FOUND: 'REMINDER_NOT_FOUND',
  INVALID_TASK: 'INVALID_TASK',
  INVALID_REMINDER: 'INVALID_REMINDER',
  REMINDER_LIMIT: 'REMINDER_LIMIT',
  INVALID_CLIENT_ID: 'INVALID_CLIENT_ID',
  INVALID_ACTION_TOKEN: 'INVALID_ACTION_TOKEN',
} as const;
export type AssistantErrorCode = (typeof AssistantErrorCode)[keyof typeof AssistantErrorCode];

/** Codes of push. */
export const PushErrorCode = {
  PUSH_DEVICE_NOT_FOUND: 'PUSH_DEVICE_NOT_FOUND',
  PUSH_DISABLED: 'PUSH_DISABLED',
} as const;
export type PushErrorCode = (typeof PushErrorCode)[keyof typeof PushErrorCode];

/** Codes of webhooks. */
export const WebhookErrorCode = {
  /** The URL is refused; `details.reason` says why (not_https, private_address, …). */
  WEBHOOK_URL_INVALID: 'WEBHOOK_URL_INVALID',
  WEBHOOK_EVENTS_INVALID: 'WEBHOOK_EVENTS_INVALID',
  WEBHOOK_LIMIT_REACHED: 'WEBHOOK_LIMIT_REACHED',
  WEBHOOK_NOT_FOUND: 'WEBHOOK_NOT_FOUND',
} as const;
export type WebhookErrorCode = (typeof WebhookErrorCode)[keyof typeof WebhookErrorCode];

/** Every code any operation may return, in one object (clients compare `error.code` against it). */
export const ErrorCode = {
  ...CoreErrorCode,
  ...AuthErrorCode,
  ...MfaErrorCode,
  ...RateLimitErrorCode,
  ...UsersErrorCode,
  ...TokenErrorCode,
  ...ConversationsErrorCode,
  ...JobsErrorCode,
  ...MailErrorCode,
  ...SmsErrorCode,
  ...NumbersErrorCode,
  ...SmsWebhookErrorCode,
  ...AssistantErrorCode,
  ...PushErrorCode,
  ...WebhookErrorCode,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
