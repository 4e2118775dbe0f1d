import pino, { type Logger } from 'pino';
import { activeTraceIds } from '../tracing/trace-context';
import { prettyStream } from './pretty-stream';
import { currentCorrelationId } from './request-context';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  name?: string;
  /** Readable lines for a person at a terminal (development); JSON otherwise. */
  pretty?: boolean;
}

/**
 * pino logger (JSON lines, or readable ones for a terminal) that stamps every line with the current
 * request's correlation id and, when tracing is on, the active span's trace and span ids.
 */
export function createLogger(
  { level, name, pretty: readable }: LoggerOptions,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      ...(name ? { name } : {}),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.secret'],
        censor: '[redacted]',
      },
      mixin() {
        const correlationId = currentCorrelationId();
        const ids = activeTraceIds();
        return { ...(correlationId ? { correlationId } : {}), ...ids };
      },
    },
    destination ?? (readable ? prettyStream() : undefined),
  );
}
