import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process with the metrics every app shares. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  graphqlDuration: Histogram<'operation' | 'type' | 'outcome'>;
  graphqlErrors: Counter<'code'>;
  /** Registers a gauge whose value is read at scrape time. */
  gauge(
    name: string,
    help: string,
    labelNames: string[],
    read: (set: (labels: Record<string, string>, value: number) => void) => void | Promise<void>,
  ): void;
}

export function createMetrics(prefix = 'pa_'): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const httpDuration = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: `${prefix}graphql_operation_duration_seconds`,
    help: 'GraphQL operation latency by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: `${prefix}graphql_errors_total`,
    help: 'GraphQL errors returned, by code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return {
    registry,
    httpDuration,
    graphqlDuration,
    graphqlErrors,
    gauge(name, help, labelNames, read) {
      new Gauge({
        name: `${prefix}${name}`,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          // A source that cannot be read (database down) leaves the gauge empty, never fails the scrape.
          await Promise.resolve(read((labels, value) => this.set(labels, value))).catch(() => undefined);
        },
      });
    },
  };
}
