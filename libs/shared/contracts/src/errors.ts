/** How an error is classed; every error code the API returns maps onto one of these. */
export enum ErrorCategory {
  BAD_INPUT = 'BAD_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** Codes any operation may return (each feature's own codes are in `error-codes.ts`). */
export const CoreErrorCode = {
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  BAD_REQUEST: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** details.fields: { [field]: message } — one message per field the form can show beside it. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
} as const;
export type CoreErrorCode = (typeof CoreErrorCode)[keyof typeof CoreErrorCode];

/** Codes GraphQL itself returns about a malformed or invalid operation. */
export const GRAPHQL_REQUEST_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;

/** The shape of `extensions` on every error the API returns. */
export interface ErrorExtensions {
  code: string;
  category: ErrorCategory;
  details?: Record<string, unknown>;
  correlationId?: string;
}
