import pino, { type Logger } from 'pino';
import { prettyStream } from './pretty-stream';
import { currentCorrelationId } from './request-context';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  name?: string;
  /** Readable lines for a person at a terminal (development); JSON otherwise. */
  pretty?: boolean;
}

/** pino logger (JSON lines) that stamps every line with the current request's correlation id. */
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
        return correlationId ? { correlationId } : {};
      },
    },
    destination ?? (readable ? prettyStream() : undefined),
  );
}
