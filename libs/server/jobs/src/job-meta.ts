/**
 * What travels beside a job's payload in its stored data, under `meta` (tracing may add its own keys
 * there): the correlation id of the request that queued it.
 */
export interface JobMeta {
  /** The X-Request-Id (correlation id) of the request or job that queued this job. */
  requestId?: string;
  /** Other carriers (e.g. trace context) keep their own keys here. */
  [key: string]: unknown;
}

/** The stored job data: the payload with `meta` beside it when there is something to carry. */
export function withJobMeta<P extends object>(payload: P, meta: JobMeta): P | (P & { meta: JobMeta }) {
  const existing = (payload as { meta?: JobMeta }).meta;
  const merged = { ...existing, ...(meta.requestId ? { requestId: meta.requestId } : {}) };
  return Object.keys(merged).length > 0 ? { ...payload, meta: merged } : payload;
}

/** Splits stored job data back into the processor's payload and the meta. */
export function splitJobData(data: unknown): { payload: unknown; meta: JobMeta } {
  if (!data || typeof data !== 'object' || !('meta' in data)) return { payload: data, meta: {} };
  const { meta, ...payload } = data as { meta?: unknown };
  if (!meta || typeof meta !== 'object') return { payload, meta: {} };
  const { requestId, ...rest } = meta as Record<string, unknown>;
  return { payload, meta: { ...rest, ...(typeof requestId === 'string' ? { requestId } : {}) } };
}
