import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config';

/**
 * Who may read `/metrics` (process internals, routes, error counts): with METRICS_TOKEN, only a
 * request bearing it; without, everyone in development and test, and no one in production (404, as
 * if there were no such page: scrape through a token, never publicly).
 */
export function metricsAccess(
  config: Pick<AppConfig, 'METRICS_TOKEN' | 'NODE_ENV'>,
  authorization: string | undefined,
): 'allowed' | 'unauthorized' | 'hidden' {
  const token = config.METRICS_TOKEN;
  if (!token) return config.NODE_ENV === 'production' ? 'hidden' : 'allowed';
  const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'unauthorized';
}
