import type { RequestHandler } from 'express';
import { AppError, CoreErrorCode, coreError, sendError, type Services } from '@pa/server-core';
import { AuthErrorCode, authError } from '@pa/server-auth';

/**
 * `GET /exports/:id` after bearerAuth: streams the caller's own ready export as a ZIP. Anyone else's,
 * an unknown or an expired one all answer EXPORT_NOT_FOUND (404); no token, UNAUTHENTICATED (401).
 */
export function exportDownload(services: Services): RequestHandler {
  return async (req, res) => {
    try {
      const auth = req.auth;
      if (!auth) throw authError(AuthErrorCode.UNAUTHENTICATED);
      if (auth.mfaPending) throw authError(AuthErrorCode.MFA_REQUIRED);
      const { stream, name } = await services.dataExports.open(auth.userId, String(req.params['id']), {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.setHeader('Cache-Control', 'no-store');
      stream.pipe(res);
    } catch (err) {
      if (err instanceof AppError) return sendError(res, err);
      return sendError(res, coreError(CoreErrorCode.SERVICE_UNAVAILABLE, undefined, { cause: err }));
    }
  };
}
