import { collect, wsClient } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';

// What a client gets wrong is answered as the client's fault (GraphQL-over-HTTP), in the one error shape.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_TOKENS: '200' });
});
afterAll(() => t.close());

const ACCEPTS = ['application/json', 'application/graphql-response+json'];

async function post(query: string, accept: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, body };
}

describe('request errors over HTTP', () => {
  it.each(ACCEPTS)('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED (%s)', async (accept) => {
    const res = await post('{ systemInfo { id }', accept);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.data ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\.js:\d+/);
  });

  it.each(ACCEPTS)('answers the token limit with 400 in the same shape (%s)', async (accept) => {
    const res = await post(`{ systemInfo { ${'id '.repeat(300)} } }`, accept);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/token/i);
    expect(typeof res.body.errors?.[0]?.extensions?.['code']).toBe('string');
  });

  it.each(ACCEPTS)('answers the alias limit with 400 (%s)', async (accept) => {
    const res = await post(
      '{ a: systemInfo { id } b: systemInfo { id } c: systemInfo { id } d: systemInfo { id } }',
      accept,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
  });
});

describe('the alias limit', () => {
  const typenames = Array.from({ length: 10 }, (_, i) => `t${i}: __typename`).join(' ');

  it('counts __typename aliases over HTTP', async () => {
    const res = await post(`{ ${typenames} }`, 'application/json');
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
    expect(res.body.data ?? null).toBeNull();
    // Plain __typename (no alias) is fine, as are aliases within the limit.
    const ok = await post('{ __typename a: __typename b: __typename }', 'application/json');
    expect(ok.body.errors).toBeUndefined();
  });

  it('counts __typename aliases over WebSocket', async () => {
    const client = wsClient(t.url);
    try {
      const error = await collect(client, `{ ${typenames} }`, 1).catch((e: unknown) => e);
      expect(String(error)).toMatch(/alias/i);
    } finally {
      await client.dispose();
    }
  });
});
