/** One GraphQL error as the API sends it: `extensions.code` is stable (docs/api-guide.md, Errors). */
export interface ApiErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; details?: Record<string, unknown>; [key: string]: unknown };
}

/** Codes the SDK itself raises, besides the API's own. */
export const SdkErrorCode = {
  /** No answer: DNS, refused connection, reset, or the request timed out. */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** An answer that is not GraphQL JSON (a proxy's HTML page, an empty body). */
  BAD_RESPONSE: 'BAD_RESPONSE',
  /** A subscription ended because the socket closed (the close code is in `details.closeCode`). */
  SUBSCRIPTION_CLOSED: 'SUBSCRIPTION_CLOSED',
} as const;

/**
 * Every failure of the SDK: `code` is the API's `extensions.code` (e.g. `UNAUTHENTICATED`,
 * `TOKEN_SCOPE_MISSING`, `RATE_LIMITED`, `SERVICE_UNAVAILABLE`) or one of `SdkErrorCode`.
 */
export class PaApiError extends Error {
  override readonly name = 'PaApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly options: {
      /** HTTP status, when there was an HTTP answer. */
      status?: number;
      /** The API's `extensions.details` of the first error (e.g. `retryAfterSeconds`). */
      details?: Record<string, unknown>;
      /** Every error of the response, as sent. */
      errors?: readonly ApiErrorEntry[];
      /** Whatever data came with the errors (partial results). */
      data?: unknown;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get details(): Record<string, unknown> | undefined {
    return this.options.details;
  }

  get errors(): readonly ApiErrorEntry[] {
    return this.options.errors ?? [];
  }

  /** Seconds the API asked to wait (`RATE_LIMITED`, `SERVICE_UNAVAILABLE`), if it said. */
  get retryAfterSeconds(): number | undefined {
    const value = this.options.details?.['retryAfterSeconds'];
    return typeof value === 'number' ? value : undefined;
  }
}

/** The error of a GraphQL response that carries `errors` (its first error names the code). */
export function errorFromResponse(
  errors: readonly ApiErrorEntry[],
  status: number | undefined,
  data: unknown,
): PaApiError {
  const first = errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'UNKNOWN';
  return new PaApiError(code, first?.message ?? 'The API answered with an error.', {
    ...(status === undefined ? {} : { status }),
    ...(first?.extensions?.details ? { details: first.extensions.details } : {}),
    errors,
    data,
  });
}
