import { loadConfig, type AppConfig } from '../config/config';

/** A started tracer: spans go to the configured OTLP endpoint until shutdown flushes them. */
export interface TracingHandle {
  serviceName: string;
  /** Ends tracing after sending what is buffered (bounded: a dead collector cannot hold up an exit). */
  shutdown(): Promise<void>;
}

export type TracingConfig = Pick<AppConfig, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_TRACES_SAMPLE_RATIO'>;

let active: TracingHandle | undefined;

/** True once this process exports traces (checked before any per-call tracing work). */
export function tracingEnabled(): boolean {
  return active !== undefined;
}

/**
 * Starts tracing for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set; does nothing otherwise.
 * Must run before pg, ioredis, graphql and http are first required, so their instrumentation applies.
 */
export function startTracing(serviceName: string, config: TracingConfig): TracingHandle | undefined {
  if (active) return active;
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  // Loaded only now: with tracing off the SDK and its instrumentations are never required.
  // A synchronous require (not import()): the hooks must be in place before main.ts loads pg and ioredis.
  const sdk = require('./tracing-sdk') as typeof import('./tracing-sdk');
  active = sdk.startTracingSdk(serviceName, {
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    sampleRatio: config.OTEL_TRACES_SAMPLE_RATIO,
  });
  return active;
}

/**
 * A process's first import calls this: reads the two OTEL_* variables through the validated config.
 * An invalid environment starts nothing here; runService then stops the process naming the variable.
 */
export function startTracingFromEnv(serviceName: string, env?: NodeJS.ProcessEnv): TracingHandle | undefined {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch {
    return undefined;
  }
  return startTracing(serviceName, config);
}

/** Flushes and stops tracing (no-op when off). */
export async function stopTracing(): Promise<void> {
  const handle = active;
  active = undefined;
  await handle?.shutdown();
}
