import type { ApiError } from '@pa/web-data-access';
import { friendlyErrorFrom, type FriendlyError as UiFriendlyError, type MessageTable } from '@pa/web-ui';

export { describeWait } from '@pa/web-ui';

/** Form fields an API error can point at. */
export type AuthField =
  'email' | 'password' | 'displayName' | 'timeZone' | 'consent' | 'code' | 'phone' | 'currentPassword';

/** What a form shows for an API error: a calm sentence, the field it concerns, and any listed problems. */
export type FriendlyError = UiFriendlyError<AuthField>;

// Kind, specific and never blaming: people in a hurry (or with ADHD) should know the next step at once.
// Session, network and rate-limit wording is shared by every page (@pa/web-ui).
const MESSAGES: MessageTable<AuthField> = {
  INVALID_CREDENTIALS: {
    message:
      "That email and password don't match our records. Take your time and try again — typos happen to everyone.",
  },
  ACCOUNT_DISABLED: {
    message:
      "That email and password don't match our records. Take your time and try again — typos happen to everyone.",
  },
  EMAIL_TAKEN: {
    field: 'email',
    message: 'There is already an account with this email. You can sign in with it instead.',
  },
  INVALID_EMAIL: {
    field: 'email',
    message: 'This email address does not look quite right. Could you check it?',
  },
  WEAK_PASSWORD: {
    field: 'password',
    message: 'This password needs a little more strength. Here is what would help:',
  },
  INVALID_TIME_ZONE: { field: 'timeZone', message: 'Please pick your time zone from the list.' },
  CONSENT_REQUIRED: {
    field: 'consent',
    message:
      'Please read and accept the terms of use and the privacy notice (they may have just been updated).',
  },
  INVALID_DISPLAY_NAME: { field: 'displayName', message: 'Please enter a name between 1 and 80 characters.' },
  SESSION_NOT_FOUND: { message: 'That device was already signed out. The list is up to date now.' },
  MFA_CODE_INVALID: {
    field: 'code',
    message: "That code didn't work. Codes change every 30 seconds, so a fresh one usually does it.",
  },
  MFA_CODE_EXPIRED: {
    field: 'code',
    message: 'That code has run out of time. Ask for a new one — it only takes a moment.',
  },
  MFA_NOT_ENABLED: {
    message: 'That way of confirming is not set up on this account. Please pick another one.',
  },
  MFA_REQUIRED: { message: 'One more step: please confirm with your second factor.' },
  INVALID_PHONE: {
    field: 'phone',
    message: 'Please enter a mobile number with its country code, for example +33 6 12 34 56 78.',
  },
  SMS_UNAVAILABLE: {
    message: "We couldn't send the text message just now. Please try again in a moment.",
  },
  EMAIL_TOKEN_INVALID: {
    message: 'This link has expired or was already used. No problem — you can ask for a fresh one.',
  },
  REAUTHENTICATION_REQUIRED: { message: 'For your safety, please confirm your password first.' },
  SERVICE_UNAVAILABLE: {
    message:
      'The service is taking a short break. Please try again in a moment; what you typed is still here.',
  },
};

/** For forms that ask only for the current password (re-authentication, password change). */
export const PASSWORD_ONLY_OVERRIDES: MessageOverrides = {
  INVALID_CREDENTIALS: {
    field: 'currentPassword',
    message: "That password doesn't match. Take your time and try again — typos happen to everyone.",
  },
};

/** Context-specific wording for some codes (a password-only form, say), replacing the defaults. */
export type MessageOverrides = MessageTable<AuthField>;

/** Maps an API error code to friendly text (and the field to mark), keeping `details.problems`. */
export function friendlyError(error: ApiError, overrides: MessageOverrides = {}): FriendlyError {
  return friendlyErrorFrom(error, { ...MESSAGES, ...overrides });
}
