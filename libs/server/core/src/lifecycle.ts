import { ConfigError, loadConfig, redactConfig, type AppConfig } from './config/config';
import { createLogger, type Logger } from './logging/logger';
import { stopTracing } from './tracing/tracing';

/** Exit code for a bad configuration (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78;

export type StopFn = () => Promise<void>;

/**
 * Runs a service process: validates config synchronously (a bad variable stops the process with a
 * message naming it), starts the service, and on SIGTERM/SIGINT stops it within SHUTDOWN_TIMEOUT_MS
 * (plus a margin), exiting 0 when it stopped cleanly and 1 when it had to be cut.
 */
export async function runService(
  name: string,
  start: (ctx: { config: AppConfig; logger: Logger }) => Promise<StopFn>,
  env: NodeJS.ProcessEnv = process.env,
  options: { prettyLogsInDevelopment?: boolean } = {},
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${name}: ${err.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw err;
  }
  // Production logs stay JSON (for the log pipeline) unless LOG_FORMAT says otherwise.
  const pretty =
    config.LOG_FORMAT === 'pretty' ||
    (config.LOG_FORMAT === undefined &&
      options.prettyLogsInDevelopment === true &&
      config.NODE_ENV !== 'production');
  const logger = createLogger({ level: config.LOG_LEVEL, name, pretty });
  logger.debug({ config: redactConfig(config) }, 'configuration');

  let stop: StopFn;
  try {
    stop = await start({ config, logger });
  } catch (err) {
    logger.fatal({ err }, `${name} failed to start`);
    // Give pino a tick to flush before exiting.
    setTimeout(() => process.exit(1), 50);
    return;
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${name} shutting down`);
    const force = setTimeout(() => {
      logger.error(`${name} did not stop within ${config.SHUTDOWN_TIMEOUT_MS + 2000} ms: exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 2000);
    force.unref();
    // Spans buffered during the drain are sent before the exit (bounded inside stopTracing).
    stop()
      .finally(() => stopTracing())
      .then(
        () => {
          logger.info(`${name} stopped`);
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err }, `${name} stopped with an error`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
