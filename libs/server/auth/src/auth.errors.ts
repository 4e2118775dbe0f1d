import { ErrorCategory, defineErrors, type ErrorDefinitions } from '@pa/server-core';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_EMAIL = 'INVALID_EMAIL',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  INVALID_DISPLAY_NAME = 'INVALID_DISPLAY_NAME',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  REAUTHENTICATION_REQUIRED = 'REAUTHENTICATION_REQUIRED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
}

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
    message: 'That email and password do not match.',
  },
} satisfies ErrorDefinitions<AuthErrorCode>;

export const authError = defineErrors(authErrors);
