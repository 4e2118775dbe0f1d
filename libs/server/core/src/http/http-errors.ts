import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, CoreErrorCode, coreError, httpStatusOf } from '../errors/app-error';
import { correlationIdFrom, currentCorrelationId, runWithContext } from '../logging/request-context';
import type { Logger } from '../logging/logger';

/** Sends one error in the same `{ errors: [{ message, extensions: { code } }] }` shape as GraphQL. */
export function sendError(res: Response, error: AppError, status = httpStatusOf[error.category]): void {
  const correlationId = currentCorrelationId();
  res.status(status).json({
    errors: [
      {
        message: error.message,
        extensions: {
          code: error.code,
          category: error.category,
          ...(correlationId ? { correlationId } : {}),
        },
      },
    ],
  });
}

/** Last express handler: body-parser errors become clear 4xx; anything else a logged, generic 500. */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const { type, status } = err as { type?: string; status?: number };
    if (type === 'entity.too.large') return sendError(res, coreError(CoreErrorCode.PAYLOAD_TOO_LARGE), 413);
    if (status === 404) return sendError(res, coreError(CoreErrorCode.NOT_FOUND));
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(
        res,
        coreError(CoreErrorCode.BAD_REQUEST, undefined, { message: 'The request body is not valid JSON.' }),
      );
    }
    if (err instanceof AppError) return sendError(res, err);
    logger.error({ err }, 'unhandled HTTP error');
    return sendError(res, coreError(CoreErrorCode.INTERNAL_SERVER_ERROR));
  };
}

/** Correlation id per request: reused from X-Request-Id when sane, returned in the response, kept in async context. */
export const correlation: RequestHandler = (req, res, next) => {
  const correlationId = correlationIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', correlationId);
  runWithContext({ correlationId }, () => next());
};
