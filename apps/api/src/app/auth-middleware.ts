import type { RequestHandler } from 'express';
import {
  AppError,
  CoreErrorCode,
  coreError,
  sendError,
  type AuthContext,
  type Services,
} from '@pa/server-core';
import { AuthErrorCode, authError } from '@pa/server-auth';

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9\-_.]{10,4096})$/;

/**
 * `Authorization: Bearer <access token | pat_…>`: a valid token of a live session puts the caller in
 * `req.auth`; a bad, expired, wrong-type or revoked one is answered at once with HTTP 401 and one
 * UNAUTHENTICATED error. No header: an anonymous request (the shield decides what it may do).
 */
export function bearerAuth(services: Services): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const match = BEARER.exec(header);
    try {
      if (!match?.[1]) throw authError(AuthErrorCode.UNAUTHENTICATED);
      req.auth = await services.auth.authenticate(match[1], {
        ip: req.ip ?? req.socket.remoteAddress,
        userAgent: req.headers['user-agent'],
      });
      return next();
    } catch (err) {
      if (err instanceof AppError) return sendError(res, err);
      return sendError(res, coreError(CoreErrorCode.SERVICE_UNAVAILABLE, undefined, { cause: err }));
    }
  };
}
