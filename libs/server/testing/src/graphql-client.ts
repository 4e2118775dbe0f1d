import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs a GraphQL operation as a real client would (JSON over HTTP). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse<T>['body'] };
}

/** A graphql-ws client on the API's WebSocket endpoint (no retries: tests want failures to show). */
export function wsClient(
  url: string,
  options: { headers?: Record<string, string>; connectionParams?: Record<string, unknown> } = {},
): Client {
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: options.headers ?? {} });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderWebSocket,
    retryAttempts: 0,
    lazy: true,
    ...(options.connectionParams ? { connectionParams: options.connectionParams } : {}),
  });
}

/** Collects the first `count` results of a subscription, failing after timeoutMs. */
export function collect<T>(
  client: Client,
  query: string,
  count: number,
  timeoutMs = 5000,
): Promise<{ data?: T; errors?: readonly unknown[] }[]> {
  return new Promise((resolve, reject) => {
    const results: { data?: T; errors?: readonly unknown[] }[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`subscription: got ${results.length}/${count} results in ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          results.push(value as { data?: T; errors?: readonly unknown[] });
          if (results.length >= count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(results);
          }
        },
        error: (err) => {
          clearTimeout(timer);
          // graphql-ws reports operation errors as an array of GraphQL errors, socket trouble as an Event.
          reject(
            err instanceof Error ? err : new Error(JSON.stringify(Array.isArray(err) ? err : String(err))),
          );
        },
        complete: () => {
          clearTimeout(timer);
          resolve(results);
        },
      },
    );
  });
}
