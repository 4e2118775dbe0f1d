import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { tracingEnabled } from './tracing';

/** W3C trace context as it travels inside a job (`meta.traceparent`, `meta.tracestate`). */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const tracer = () => trace.getTracer('personal-assistant-tdah');

/** The active span's ids, for log lines; undefined when tracing is off or nothing is traced. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  if (!tracingEnabled()) return undefined;
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  // Unsampled spans are not exported: an id in the logs would lead nowhere.
  return traceFlags & 1 ? { traceId, spanId } : undefined;
}

async function inSpan<T>(span: Span, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    span.recordException(err instanceof Error ? err : String(err));
    span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    span.end();
  }
}

/**
 * Runs fn (which hands work to another process) in a PRODUCER span and gives it the carrier to send
 * along. With tracing off: fn(undefined) and nothing else.
 */
export function withProducerSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (carrier: TraceCarrier | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return fn(undefined);
  return tracer().startActiveSpan(name, { kind: SpanKind.PRODUCER, attributes }, (span) => {
    const carrier: TraceCarrier = {};
    propagation.inject(context.active(), carrier);
    return inSpan(span, () => fn(carrier.traceparent ? carrier : undefined));
  });
}

/**
 * Runs fn in a CONSUMER span, the child of the producer whose carrier came with the work (a new trace
 * when there is none). With tracing off: fn() and nothing else.
 */
export function withConsumerSpan<T>(
  name: string,
  carrier: TraceCarrier | undefined,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return fn();
  const parent = carrier?.traceparent ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
  return tracer().startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent, (span) =>
    inSpan(span, fn),
  );
}
