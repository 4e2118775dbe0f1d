import { CoreErrorCode, ErrorCategory } from '@pa/shared-contracts';

export { CoreErrorCode, ErrorCategory };

export const httpStatusOf: Record<ErrorCategory, number> = {
  [ErrorCategory.BAD_INPUT]: 400,
  [ErrorCategory.UNAUTHENTICATED]: 401,
  [ErrorCategory.FORBIDDEN]: 403,
  [ErrorCategory.NOT_FOUND]: 404,
  [ErrorCategory.CONFLICT]: 409,
  [ErrorCategory.RATE_LIMITED]: 429,
  [ErrorCategory.UNAVAILABLE]: 503,
  [ErrorCategory.INTERNAL]: 500,
};

/** One code's category and the message a user may read. */
export interface ErrorDefinition {
  category: ErrorCategory;
  message: string;
}

export type ErrorDefinitions<C extends string> = Record<C, ErrorDefinition>;

/**
 * Base of every feature error. `code` is stable SCREAMING_SNAKE; `message` is safe to show;
 * `details` carries structured, user-safe specifics (e.g. which field and why).
 */
export class AppError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly category: ErrorCategory,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/**
 * Makes a feature's error factory from its code → definition map, e.g.
 * `const fail = defineErrors({ NOT_FOUND: {...} } satisfies ErrorDefinitions<MyCode>)`.
 */
export function defineErrors<C extends string>(definitions: ErrorDefinitions<C>) {
  return (code: C, details?: Record<string, unknown>, options?: { cause?: unknown; message?: string }) => {
    const def = definitions[code];
    return new AppError<C>(code, def.category, options?.message ?? def.message, details, options);
  };
}

export const coreErrors = {
  [CoreErrorCode.INTERNAL_SERVER_ERROR]: {
    category: ErrorCategory.INTERNAL,
    message: 'Something went wrong on our side. Please try again.',
  },
  [CoreErrorCode.SERVICE_UNAVAILABLE]: {
    category: ErrorCategory.UNAVAILABLE,
    message: 'The service is briefly unavailable. Please try again in a moment.',
  },
  [CoreErrorCode.BAD_REQUEST]: { category: ErrorCategory.BAD_INPUT, message: 'The request is not valid.' },
  [CoreErrorCode.FORBIDDEN]: {
    category: ErrorCategory.FORBIDDEN,
    message: 'You are not allowed to do that.',
  },
  [CoreErrorCode.NOT_FOUND]: { category: ErrorCategory.NOT_FOUND, message: 'Not found.' },
  [CoreErrorCode.PAYLOAD_TOO_LARGE]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'The request is too large.',
  },
  [CoreErrorCode.VALIDATION_FAILED]: {
    category: ErrorCategory.BAD_INPUT,
    message: 'Some fields need another look.',
  },
} satisfies ErrorDefinitions<CoreErrorCode>;

export const coreError = defineErrors(coreErrors);
