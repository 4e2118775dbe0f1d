import type { ApolloServerPlugin } from '@apollo/server';
import {
  ErrorCategory,
  findInvalidText,
  httpStatusOf,
  invalidTextError,
  type Metrics,
} from '@pa/server-core';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_NAMES = 200;

/** Records each operation's latency and errors; operation names are bounded to keep label sets small. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  const seen = new Set<string>();
  const label = (name: string | null | undefined) => {
    if (!name || !NAME.test(name)) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_NAMES) return 'other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      let operation = 'invalid';
      let type = 'unknown';
      return {
        async didResolveOperation(ctx) {
          operation = label(ctx.operationName);
          type = ctx.operation?.operation ?? 'unknown';
        },
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          for (const e of errors ?? [])
            metrics.graphqlErrors.inc({ code: String(e.extensions?.['code'] ?? 'UNKNOWN') });
          end({ operation, type, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

/**
 * When an operation produced no data at all, answer with the HTTP status of its error's category
 * (401 for UNAUTHENTICATED, 503 when a dependency is down...), so HTTP clients and proxies see it.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          if (body.kind !== 'single') return;
          const { data, errors } = body.singleResult;
          if (data != null || !errors?.length) return;
          const category = errors[0]?.extensions?.['category'];
          // Nothing ran (no `data` at all): the request itself was wrong, the client's fault.
          if (!('data' in body.singleResult) && category === ErrorCategory.BAD_INPUT) {
            ctx.response.http.status = 400;
            return;
          }
          if (
            typeof category === 'string' &&
            category in httpStatusOf &&
            category !== ErrorCategory.BAD_INPUT
          ) {
            ctx.response.http.status = httpStatusOf[category as ErrorCategory];
          }
        },
      };
    },
  };
}

/**
 * Refuses control characters and invalid Unicode in any string the request carries (variables at
 * any depth, literals in the document) with VALIDATION_FAILED, before any resolver sees them.
 */
export function inputTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx) {
          const where = findInvalidText(ctx.document, ctx.request.variables);
          if (where) throw invalidTextError(where);
        },
      };
    },
  };
}
