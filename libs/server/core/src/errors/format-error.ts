import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GRAPHQL_REQUEST_CODES } from '@pa/shared-contracts';
import type { Logger } from 'pino';
import { currentCorrelationId } from '../logging/request-context';
import { AppError, CoreErrorCode, ErrorCategory, coreError } from './app-error';
import { isDependencyOutage } from './outage';

// Errors raised by GraphQL itself about the client's document or variables: their messages describe
// the client's own input and are safe to return as they are.
const CLIENT_CODES = new Set<string>(GRAPHQL_REQUEST_CODES);

function findAppError(error: unknown, depth = 0): AppError | undefined {
  if (depth > 5 || !error || typeof error !== 'object') return undefined;
  if (error instanceof AppError) return error;
  const next = (error as { originalError?: unknown }).originalError ?? (error as { cause?: unknown }).cause;
  return findAppError(next, depth + 1);
}

/** Is this a GraphQL-level error about the request itself (no resolver threw)? */
function clientGraphQLError(error: unknown): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const code = error.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const original = error.originalError;
    // A resolver's unexpected exception wrapped as BAD_USER_INPUT would still be internal.
    if (!original || original instanceof GraphQLError) return error;
  }
  // Validation and parse errors have no code when raised by graphql-js directly (e.g. over WebSocket).
  if (!error.originalError && !error.path) return error;
  return undefined;
}

function validationDetails(error: GraphQLError): Record<string, unknown> | undefined {
  const raw = error.extensions?.['validationErrors'];
  if (!Array.isArray(raw)) return undefined;
  const fields = raw.map((v: { property?: unknown; constraints?: Record<string, string> }) => ({
    field: String(v.property ?? ''),
    problems: Object.values(v.constraints ?? {}),
  }));
  return { fields };
}

/**
 * Turns any error into what a client may see: stable `extensions.code`, a user-fit message and the
 * correlation id; never a stack trace, SQL or internal message. Unexpected errors are logged in full.
 */
export function toClientError(
  error: unknown,
  logger: Pick<Logger, 'error'>,
  formatted?: GraphQLFormattedError,
): GraphQLFormattedError {
  const correlationId = currentCorrelationId();
  const base = {
    ...(formatted?.locations ? { locations: formatted.locations } : {}),
    ...(formatted?.path ? { path: formatted.path } : {}),
  };

  const appError = findAppError(error);
  if (appError) {
    if (appError.category === ErrorCategory.INTERNAL || appError.category === ErrorCategory.UNAVAILABLE) {
      logger.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
    }
    return {
      message: appError.message,
      ...base,
      extensions: {
        code: appError.code,
        category: appError.category,
        ...(appError.details ? { details: appError.details } : {}),
        ...(correlationId ? { correlationId } : {}),
      },
    };
  }

  const clientError = clientGraphQLError(error);
  if (clientError) {
    const rawCode = clientError.extensions?.['code'];
    const code = typeof rawCode === 'string' ? rawCode : 'GRAPHQL_VALIDATION_FAILED';
    const details = validationDetails(clientError);
    return {
      message: clientError.message,
      ...base,
      extensions: {
        code,
        category: ErrorCategory.BAD_INPUT,
        ...(details ? { details } : {}),
        ...(correlationId ? { correlationId } : {}),
      },
    };
  }

  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const outage = isDependencyOutage(original);
  logger.error({ err: original }, outage ? 'dependency unavailable' : 'unexpected error');
  const internal = coreError(
    outage ? CoreErrorCode.SERVICE_UNAVAILABLE : CoreErrorCode.INTERNAL_SERVER_ERROR,
  );
  return {
    message: internal.message,
    ...base,
    extensions: {
      code: internal.code,
      category: internal.category,
      ...(correlationId ? { correlationId } : {}),
    },
  };
}
