import type { ApiError } from '@pa/web-data-access';

/** Form fields an API error can point at. */
export type AuthField =
  'email' | 'password' | 'displayName' | 'timeZone' | 'code' | 'phone' | 'currentPassword';

/** What a form shows for an API error: a calm sentence, the field it concerns, and any listed problems. */
export interface FriendlyError {
  message: string;
  field?: AuthField;
  problems: string[];
}

// Kind, specific and never blaming: people in a hurry (or with ADHD) should know the next step at once.
const MESSAGES: Record<string, { message: string; field?: AuthField }> = {
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
  INVALID_DISPLAY_NAME: { field: 'displayName', message: 'Please enter a name between 1 and 80 characters.' },
  SESSION_NOT_FOUND: { message: 'That device was already signed out. The list is up to date now.' },
  UNAUTHENTICATED: { message: 'Your session ended. Please sign in again — nothing else is lost.' },
  REFRESH_TOKEN_INVALID: { message: 'Your session ended. Please sign in again — nothing else is lost.' },
  NETWORK_ERROR: {
    message:
      "We couldn't reach the server. Check your connection and try again; what you typed is still here.",
  },
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

const FALLBACK =
  'Something went wrong on our side. Please try again in a moment; what you typed is still here.';

/** "about 2 minutes", "about 30 seconds": rounded, because exact countdowns add pressure. */
export function describeWait(seconds: number): string {
  if (seconds >= 90) return `about ${Math.round(seconds / 60)} minutes`;
  if (seconds >= 45) return 'about a minute';
  return `about ${Math.max(1, Math.ceil(seconds))} seconds`;
}

function problemMessages(details: Record<string, unknown>): string[] {
  const problems = details['problems'];
  if (!Array.isArray(problems)) return [];
  return problems
    .map((p: unknown) =>
      typeof p === 'object' && p !== null && typeof (p as { message?: unknown }).message === 'string'
        ? (p as { message: string }).message
        : null,
    )
    .filter((m): m is string => !!m);
}

/** Context-specific wording for some codes (a password-only form, say), replacing the defaults. */
export type MessageOverrides = Partial<Record<string, { message: string; field?: AuthField }>>;

/** Maps an API error code to friendly text (and the field to mark), keeping `details.problems`. */
export function friendlyError(error: ApiError, overrides: MessageOverrides = {}): FriendlyError {
  if (error.code === 'RATE_LIMITED') {
    const retryAfter = Number(error.details['retryAfterSeconds']);
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? describeWait(retryAfter) : 'a little while';
    return {
      message: `That was quite a few tries in a row, which is completely fine. Let's take a short breather: you can try again in ${wait}.`,
      problems: [],
    };
  }
  const known = overrides[error.code] ?? MESSAGES[error.code];
  const problems = problemMessages(error.details);
  if (known) return { ...known, problems };
  // Unknown codes: the API's own message is written for people; prefer it to a generic one.
  return { message: error.message || FALLBACK, problems };
}
