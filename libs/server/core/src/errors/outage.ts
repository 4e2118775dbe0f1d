// Errors that mean "a dependency (PostgreSQL, Redis) is down or too slow right now", as opposed to a
// bug: clients get SERVICE_UNAVAILABLE (503) and can retry, instead of INTERNAL_SERVER_ERROR.
const REDIS_MESSAGES = [
  /^Connection is closed\.?$/,
  /^Command timed out/,
  /Stream isn't writeable/,
  /^Reached the max retries per request limit/,
];
const PG_CODES = new Set([
  '57014', // query_canceled (statement_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
];

/** Whether an error (or one of its causes) is a dependency outage rather than a programming error. */
export function isDependencyOutage(error: unknown, depth = 0): boolean {
  if (depth > 5 || !error || typeof error !== 'object') return false;
  const { code, message, name, driverError } = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
  };
  if (typeof code === 'string' && (PG_CODES.has(code) || NET_CODES.has(code))) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  if (typeof message === 'string' && [...REDIS_MESSAGES, ...PG_MESSAGES].some((re) => re.test(message)))
    return true;
  const next =
    driverError ??
    (error as { originalError?: unknown }).originalError ??
    (error as { cause?: unknown }).cause;
  return isDependencyOutage(next, depth + 1);
}
