import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';
import { AuthErrorCode } from '@pa/shared-contracts';

// The codes are part of the API's contract: listed in @pa/shared-contracts, which clients import too.
export { AuthErrorCode };

export const authErrors = {
  [AuthErrorCode.UNAUTHENTICATED]: {
    category: ErrorCategory.UNAUTHENTICATED,
    message: 'Please sign in again.',
  },
  // One message for unknown email and wrong password alike: no account-existence oracle.
  [AuthErrorCode.INVALID_CREDENTIALS]: {
    category: ErrorCategory.UNAUTHENTICATED,
    message: 'That email and password do not match.',
  },
  [AuthErrorCode.EMAIL_TAKEN]: {
    category: ErrorCategory.CONFLICT,
    message: 'An account already uses this email. Try signing in instead.',
  },
  [AuthErrorCode.INVALID_EMAIL]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please enter a valid email address.',
  },
  [AuthErrorCode.WEAK_PASSWORD]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please choose a stronger password.',
  },
  [AuthErrorCode.INVALID_TIME_ZONE]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please pick a time zone from the list.',
  },
  // details.current: { terms, privacy } — the versions to accept (the page may have shown older ones).
  [AuthErrorCode.CONSENT_REQUIRED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please read and accept the terms of use and the privacy notice.',
  },
  [AuthErrorCode.INVALID_DISPLAY_NAME]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please enter a name of 1 to 80 characters.',
  },
  [AuthErrorCode.SESSION_NOT_FOUND]: {
    category: ErrorCategory.NOT_FOUND,
    message: 'That session does not exist or has already ended.',
  },
  [AuthErrorCode.REFRESH_TOKEN_INVALID]: {
    category: ErrorCategory.UNAUTHENTICATED,
    message: 'Your session has ended. Please sign in again.',
  },
  [AuthErrorCode.REAUTHENTICATION_REQUIRED]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'For your safety, please confirm your password first.',
  },
  [AuthErrorCode.ACCOUNT_DISABLED]: {
    category: ErrorCategory.UNAUTHENTICATED,
    message: 'This account is turned off. Please contact support to turn it back on.',
  },
  [AuthErrorCode.MFA_REQUIRED]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'Please finish signing in with your second step (authenticator app or a backup code).',
  },
  [AuthErrorCode.MFA_CODE_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'That code did not work. Check it and try again.',
  },
  [AuthErrorCode.MFA_NOT_ENABLED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'That sign-in method is not set up on your account.',
  },
  [AuthErrorCode.MFA_CODE_EXPIRED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'That code has expired or was used up. Ask for a new one.',
  },
  [AuthErrorCode.INVALID_PHONE]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Please enter a mobile number with its country code, e.g. +33 6 12 34 56 78.',
  },
  [AuthErrorCode.EMAIL_TOKEN_INVALID]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'This link has expired or was already used. Ask for a new one.',
  },
  // Account security (sessions, second factors, passwords, tokens) needs the person, not a script.
  [AuthErrorCode.SESSION_REQUIRED]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'Please sign in to do this: an access token cannot.',
  },
} satisfies ErrorDefinitions<AuthErrorCode>;

export const authError = defineErrors(authErrors);
