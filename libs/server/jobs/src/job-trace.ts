import type { TraceCarrier } from '@pa/server-core';

// Trace context rides in the job's data under `meta` (next to other job metadata), never in the payload
// a processor sees.
const TRACE_KEYS = ['traceparent', 'tracestate'] as const;

type Meta = Record<string, unknown>;

function metaOf(data: unknown): Meta | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const meta = (data as { meta?: unknown }).meta;
  return typeof meta === 'object' && meta !== null ? (meta as Meta) : undefined;
}

/** The job data to store: the payload, plus `meta.traceparent` (and tracestate) when traced. */
export function withTraceMeta<P extends object>(payload: P, carrier: TraceCarrier | undefined): P {
  if (!carrier?.traceparent) return payload;
  return { ...payload, meta: { ...metaOf(payload), ...carrier } };
}

/** Splits stored job data into the processor's payload and the trace context it carried. */
export function takeTraceMeta(data: unknown): { payload: unknown; carrier: TraceCarrier | undefined } {
  const meta = metaOf(data);
  if (!meta || typeof meta['traceparent'] !== 'string') return { payload: data, carrier: undefined };
  const carrier: TraceCarrier = { traceparent: meta['traceparent'] };
  if (typeof meta['tracestate'] === 'string') carrier.tracestate = meta['tracestate'];
  const rest: Meta = { ...meta };
  for (const key of TRACE_KEYS) delete rest[key];
  const { meta: _meta, ...payload } = data as Meta;
  return { payload: Object.keys(rest).length > 0 ? { ...payload, meta: rest } : payload, carrier };
}
