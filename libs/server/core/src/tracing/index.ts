// The part of core a process imports first (before pg, ioredis, graphql): config and the tracing switch.
export {
  startTracing,
  startTracingFromEnv,
  stopTracing,
  tracingEnabled,
  type TracingConfig,
  type TracingHandle,
} from './tracing';
