// The OpenTelemetry SDK and its instrumentations: required only by startTracing, when tracing is on.
import type { IncomingMessage } from 'node:http';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { appVersion } from '../version';
import type { TracingHandle } from './tracing';

// Probes and scrapes are frequent and say nothing about a person's request.
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
// Within the 2 s margin runService leaves after the drain (SHUTDOWN_TIMEOUT_MS + 2 s).
const SHUTDOWN_BOUND_MS = 1500;

/** Registers the global tracer provider (W3C trace context, AsyncLocalStorage) and the instrumentations. */
export function startTracingSdk(
  serviceName: string,
  options: { endpoint: string; sampleRatio: number },
): TracingHandle {
  const exporter = new OTLPTraceExporter({
    url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces`,
    timeoutMillis: 5000,
  });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName, 'service.version': appVersion() }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 4096, scheduledDelayMillis: 1000 })],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) =>
          UNTRACED_PATHS.has((req.url ?? '').split('?')[0] ?? ''),
      }),
      // GraphQL: one span per operation from the API's Apollo plugin (apps/api operation-span-plugin),
      // not OpenTelemetry's GraphQL instrumentation, which wraps every field resolver (measured: 1.8×
      // the CPU of a 50-message conversation).
      // Only inside a traced request or job: BullMQ's blocking polls and the pool's own chatter stay out.
      new PgInstrumentation({
        requireParentSpan: true,
        enhancedDatabaseReporting: false,
        // A pool checkout is not work worth a span: the query spans carry the time.
        ignoreConnectSpans: true,
      }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    serviceName,
    async shutdown() {
      unregister();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        provider.shutdown().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SHUTDOWN_BOUND_MS);
        }),
      ]).finally(() => clearTimeout(timer));
    },
  };
}
