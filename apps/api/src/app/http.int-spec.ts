import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('API over HTTP', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({
      CORS_ORIGINS: 'http://app.example.test',
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_ALIASES: '3',
    });
  });
  afterAll(() => t.close());

  it('answers a query that reads PostgreSQL and checks Redis', async () => {
    const res = await gql<{
      serverStatus: { database: { ok: boolean }; redis: { ok: boolean }; system: { name: string } };
    }>(t.url, '{ serverStatus { database { ok } redis { ok } system { name } } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.serverStatus).toEqual({
      database: { ok: true },
      redis: { ok: true },
      system: { name: 'Personal Assistant TDAH' },
    });
  });

  it('returns a correlation id, reusing a sane incoming X-Request-Id', async () => {
    const fresh = await gql(t.url, '{ systemInfo { id } }');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await gql(t.url, '{ systemInfo { id } }', undefined, {
      'x-request-id': 'trace-abc-12345',
    });
    expect(reused.headers.get('x-request-id')).toBe('trace-abc-12345');
    const unsafe = await gql(t.url, '{ systemInfo { id } }', undefined, { 'x-request-id': '<script>' });
    expect(unsafe.headers.get('x-request-id')).not.toBe('<script>');
  });

  it('rejects a text/plain POST (CSRF) without executing it', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ systemInfo { id } }' }),
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain('systemInfo');
    expect(text.toLowerCase()).toContain('csrf');
  });

  it('rejects a GET query without a preflight header (CSRF)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ systemInfo { id } }')}`);
    expect(res.status).toBe(400);
  });

  it('enforces the depth limit', async () => {
    const res = await gql(
      t.url,
      '{ serverStatus { system { id } database { ok } } a: serverStatus { system { name } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const deep = await gql(
      t.url,
      '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }',
    );
    // Introspection is exempt from depth; a deep non-introspection query is not.
    expect(deep.status).toBe(200);
    const tooDeep = await gql(
      t.url,
      '{ serverStatus { system { id } } }'.replace(
        '{ id }',
        '{ id ... on SystemInfo { name ... on SystemInfo { id } } }',
      ),
    );
    expect(tooDeep.body.errors?.[0]?.message).toMatch(/depth/i);
    expect(tooDeep.body.data ?? null).toBeNull();
  });

  it('enforces the alias limit', async () => {
    const res = await gql(
      t.url,
      '{ a: systemInfo { id } b: systemInfo { id } c: systemInfo { id } d: systemInfo { id } e: systemInfo { id } }',
    );
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('does not suggest field names', async () => {
    const res = await gql(t.url, '{ systemInf { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/did you mean/i);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE in the error shape', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ systemInfo { id } } # ${'x'.repeat(200_000)}` }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400 BAD_REQUEST, no parser internals', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js:\d+/);
  });

  it('sends security headers and honours the CORS allowlist', async () => {
    const allowed = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example.test', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.example.test');
    const denied = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example.test', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const health = await fetch(`${t.url}/healthz`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(health.headers.get('x-powered-by')).toBeNull();
  });

  it('exposes health and Prometheus metrics with HTTP, GraphQL and pool figures', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await gql(t.url, 'query Probe { systemInfo { id } }');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/pa_http_request_duration_seconds_bucket\{.*route="\/graphql"/);
    expect(metrics).toMatch(
      /pa_graphql_operation_duration_seconds_count\{operation="Probe",type="query",outcome="ok"\} 1/,
    );
    expect(metrics).toMatch(/pa_db_pool_connections\{state="max"\} 10/);
    expect(metrics).toContain('pa_process_cpu_seconds_total');
  });

  it('serves the self-hosted playground with example operations', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/graphql/playground/yoga-graphiql.umd.js');
    expect(html).toContain('query ServerStatus');
    expect(html).not.toMatch(/https?:\/\/(?!127)/);
    const bundle = await fetch(`${t.url}/graphql/playground/yoga-graphiql.umd.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${t.url}/graphql/playground/nope.js`)).status).toBe(404);
  });

  it('answers unknown routes with a JSON NOT_FOUND', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('NOT_FOUND');
  });
});

describe('API introspection switch', () => {
  it('refuses introspection when turned off', async () => {
    const t = await startTestApi({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      const res = await gql(t.url, '{ __schema { queryType { name } } }');
      expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
      const ok = await gql(t.url, '{ systemInfo { name } }');
      expect(ok.body.errors).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
