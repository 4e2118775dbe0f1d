// Imported first by main.ts: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must hook http, pg,
// ioredis and graphql before anything requires them.
import { startTracingFromEnv } from '@pa/server-core/tracing';

startTracingFromEnv('pa-launcher');
