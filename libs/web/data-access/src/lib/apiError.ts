import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** One error from the API, as the UI needs it: a stable code, a safe message and structured details. */
export interface ApiError {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

interface FormattedError {
  message?: unknown;
  extensions?: { code?: unknown; details?: unknown } | null;
}

const NETWORK_ERROR: ApiError = {
  code: 'NETWORK_ERROR',
  message: 'The server could not be reached.',
  details: {},
};

function fromFormatted(error: FormattedError): ApiError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
  const details = error.extensions?.details;
  return {
    code,
    message: typeof error.message === 'string' ? error.message : '',
    details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
  };
}

/** The errors in a GraphQL response body (`{ errors: [...] }`), or [] when it is not one. */
export function errorsInBody(bodyText: string): ApiError[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body !== 'object' || body === null || !('errors' in body)) return [];
    const errors = (body as { errors: unknown }).errors;
    return Array.isArray(errors) ? errors.map((e) => fromFormatted(e as FormattedError)) : [];
  } catch {
    return [];
  }
}

/**
 * The API errors carried by anything Apollo throws: GraphQL errors, or a non-2xx HTTP answer whose
 * body holds them (the bearer check answers 401 as plain JSON). A network failure gives NETWORK_ERROR.
 */
export function apiErrorsOf(error: unknown): ApiError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => fromFormatted(e));
  if (ServerError.is(error)) {
    const inBody = errorsInBody(error.bodyText);
    if (inBody.length > 0) return inBody;
    return [{ ...NETWORK_ERROR, code: `HTTP_${error.statusCode}` }];
  }
  return [NETWORK_ERROR];
}

/** The first API error, for forms that show one message. */
export function apiErrorOf(error: unknown): ApiError {
  return apiErrorsOf(error)[0] ?? NETWORK_ERROR;
}
