import { findRedisServer, startRedisServer } from '@pa/server-core';
import { gql, wsClient } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { ACCEPTED_CONSENTS_GQL, ACCEPTED_CONSENTS } from '../testing/people';

const PASSWORD = 'lantern-cactus-orbit-violin';
const AUTH_FIELDS =
  'sessionId accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email displayName timeZone }';

interface Payload {
  sessionId: string;
  accessToken: string;
  refreshToken: string | null;
  user: { id: string; email: string; displayName: string; timeZone: string };
}

let counter = 0;
const uniqueEmail = () => `Person.${Date.now()}.${(counter += 1)}@Example.test`;
// Registration is limited per client IP: each test client comes from its own (documentation-range)
// address through a trusted proxy header, as behind Nginx. Nothing is sent to these addresses.
const fromNewClient = () => ({ 'x-forwarded-for': `198.51.100.${(counter += 1) % 250}` });

async function register(url: string, email = uniqueEmail()) {
  const res = await gql<{ register: Payload }>(
    url,
    `mutation R($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`,
    {
      input: {
        email,
        password: PASSWORD,
        displayName: 'Sam',
        timeZone: 'Europe/Paris',
        ...ACCEPTED_CONSENTS,
        refreshTokenIn: 'BODY',
      },
    },
    fromNewClient(),
  );
  if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.register;
}

async function login(url: string, email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return gql<{ login: Payload }>(
    url,
    `mutation L($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`,
    { input: { email, password, refreshTokenIn: 'BODY' } },
    headers,
  );
}

const refresh = (url: string, refreshToken: string) =>
  gql<{ refreshSession: Payload }>(
    url,
    `mutation F($t: String) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`,
    { t: refreshToken },
  );

const me = (url: string, token: string) =>
  gql<{ me: { id: string; email: string } }>(url, '{ me { id email } }', undefined, {
    authorization: `Bearer ${token}`,
  });

describe('identity over the real API', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({
      SESSION_MAX_PER_USER: '3',
      REFRESH_REUSE_GRACE_SECONDS: '2',
      TRUST_PROXY: 'true',
    });
  });
  afterAll(() => t.close());

  it('registers, then reads itself with the access token', async () => {
    const reg = await register(t.url);
    expect(reg.user.email).toMatch(/^person\.\d+\.\d+@example\.test$/);
    expect(reg.user.timeZone).toBe('Europe/Paris');
    const res = await me(t.url, reg.accessToken);
    expect(res.body.data?.me).toEqual({ id: reg.user.id, email: reg.user.email });
  });

  it('refuses a weak password with every reason, and a taken email', async () => {
    const weak = await gql(
      t.url,
      `mutation { register(input: { email: "w@example.test", password: "password123", displayName: "W", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL} }) { sessionId } }`,
      undefined,
      fromNewClient(),
    );
    expect(weak.body.errors?.[0]?.extensions?.['code']).toBe('WEAK_PASSWORD');
    const problems = (
      weak.body.errors?.[0]?.extensions?.['details'] as { problems: { code: string }[] }
    ).problems.map((p) => p.code);
    expect(problems).toContain('COMMON_PASSWORD');
    const reg = await register(t.url);
    const taken = await gql(
      t.url,
      `mutation { register(input: { email: "${reg.user.email.toUpperCase()}", password: "${PASSWORD}", displayName: "X", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL} }) { sessionId } }`,
      undefined,
      fromNewClient(),
    );
    expect(taken.body.errors?.[0]?.extensions?.['code']).toBe('EMAIL_TAKEN');
    const zone = await gql(
      t.url,
      `mutation { register(input: { email: "${uniqueEmail()}", password: "${PASSWORD}", displayName: "X", timeZone: "Mars/Olympus", ${ACCEPTED_CONSENTS_GQL} }) { sessionId } }`,
      undefined,
      fromNewClient(),
    );
    expect(zone.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_TIME_ZONE');
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const reg = await register(t.url);
    const wrong = await login(t.url, reg.user.email, 'not-the-password-at-all');
    const unknown = await login(t.url, `nobody.${Date.now()}@example.test`, 'not-the-password-at-all');
    const strip = (b: typeof wrong.body) =>
      b.errors?.map((e) => ({ message: e.message, code: e.extensions?.['code'] }));
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.status).toBe(unknown.status);
    expect(strip(wrong.body)?.[0]?.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a bad, expired-looking or missing-session token with HTTP 401 UNAUTHENTICATED', async () => {
    const res = await me(t.url, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(res.status).toBe(401);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const anonymous = await gql(t.url, '{ me { id } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('rotates the refresh token on every use; reuse after the grace window ends the whole family and session', async () => {
    const reg = await register(t.url);
    const first = await refresh(t.url, reg.refreshToken ?? '');
    const second = first.body.data?.refreshSession;
    expect(second?.refreshToken).toBeTruthy();
    expect(second?.refreshToken).not.toBe(reg.refreshToken);
    await new Promise((r) => setTimeout(r, 2500));
    const reuse = await refresh(t.url, reg.refreshToken ?? '');
    expect(reuse.body.errors?.[0]?.extensions?.['code']).toBe('REFRESH_TOKEN_INVALID');
    // The successor is revoked too, and the session is over at once.
    expect((await refresh(t.url, second?.refreshToken ?? '')).body.errors?.[0]?.extensions?.['code']).toBe(
      'REFRESH_TOKEN_INVALID',
    );
    expect((await me(t.url, second?.accessToken ?? '')).status).toBe(401);
    const audit = await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'refresh_token_reuse' AND subject_id = $1`,
      [reg.user.id],
    );
    expect(audit).toEqual([{ n: 1 }]);
  });

  it('50 parallel refreshes of one token all get the same successor: the family never forks', async () => {
    const reg = await register(t.url);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => refresh(t.url, reg.refreshToken ?? '')),
    );
    const tokens = new Set(results.map((r) => r.body.data?.refreshSession.refreshToken));
    expect(results.every((r) => r.body.data)).toBe(true);
    expect(tokens.size).toBe(1);
    const rows = await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT family_id)::int AS families FROM refresh_tokens WHERE session_id = $1`,
      [reg.sessionId],
    );
    expect(rows).toEqual([{ n: 2, families: 1 }]);
  });

  it('logout ends the session at once', async () => {
    const reg = await register(t.url);
    const out = await gql(t.url, 'mutation { logout }', undefined, {
      authorization: `Bearer ${reg.accessToken}`,
    });
    expect(out.body.data).toEqual({ logout: true });
    expect((await me(t.url, reg.accessToken)).status).toBe(401);
    expect((await refresh(t.url, reg.refreshToken ?? '')).body.errors?.[0]?.extensions?.['code']).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });

  it('keeps at most SESSION_MAX_PER_USER sessions, ending the oldest', async () => {
    const reg = await register(t.url);
    const logins = [];
    for (let i = 0; i < 3; i += 1) logins.push((await login(t.url, reg.user.email)).body.data?.login);
    expect((await me(t.url, reg.accessToken)).status).toBe(401);
    const newest = logins[2]?.accessToken ?? '';
    const sessions = await gql<{ mySessions: { id: string; current: boolean }[] }>(
      t.url,
      '{ mySessions { id current device } }',
      undefined,
      { authorization: `Bearer ${newest}` },
    );
    expect(sessions.body.data?.mySessions).toHaveLength(3);
    expect(sessions.body.data?.mySessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.body.data?.mySessions.map((s) => s.id)).not.toContain(reg.sessionId);
  });

  it('revoking a session closes its open sockets within a second; another user cannot see or revoke it', async () => {
    const reg = await register(t.url);
    const other = await login(t.url, reg.user.email);
    const otherSession = other.body.data?.login.sessionId ?? '';
    const client = wsClient(t.url, {
      connectionParams: { authorization: `Bearer ${other.body.data?.login.accessToken}` },
    });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as { code: number }).code)),
    );
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query: 'subscription { heartbeat { at } }' },
        { next: () => resolve(), error: reject, complete: () => undefined },
      ),
    );

    const stranger = await register(t.url);
    const denied = await gql(t.url, `mutation { revokeSession(id: "${otherSession}") }`, undefined, {
      authorization: `Bearer ${stranger.accessToken}`,
    });
    expect(denied.body.errors?.[0]?.extensions?.['code']).toBe('SESSION_NOT_FOUND');

    const started = Date.now();
    const revoked = await gql(t.url, `mutation { revokeSession(id: "${otherSession}") }`, undefined, {
      authorization: `Bearer ${reg.accessToken}`,
    });
    expect(revoked.body.data).toEqual({ revokeSession: true });
    expect(await closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(1000);
    await client.dispose();
  });

  it('closes a socket whose connection_init carries a bad token with 4403', async () => {
    const client = wsClient(t.url, {
      connectionParams: { authorization: 'Bearer not-a-valid-token-at-all' },
    });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as { code: number }).code)),
    );
    client.subscribe(
      { query: 'subscription { heartbeat { at } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it('keeps the refresh token in an httpOnly, Secure, SameSite=Strict cookie for browsers', async () => {
    const reg = await register(t.url);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { email: "${reg.user.email}", password: "${PASSWORD}" }) { refreshToken accessToken } }`,
      }),
    });
    const body = (await res.json()) as { data: { login: { refreshToken: string | null } } };
    expect(body.data.login.refreshToken).toBeNull();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pa_refresh=[A-Za-z0-9_-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/graphql/);
    const renewed = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] ?? '' },
      body: JSON.stringify({ query: 'mutation { refreshSession { accessToken refreshToken } }' }),
    });
    const renewedBody = (await renewed.json()) as {
      data: { refreshSession: { accessToken: string; refreshToken: string | null } };
    };
    expect(renewedBody.data.refreshSession.accessToken).toBeTruthy();
    expect(renewedBody.data.refreshSession.refreshToken).toBeNull();
    expect(renewed.headers.get('set-cookie')).not.toBe(cookie);
  });

  it('writes login successes and failures to the audit log with the correlation id', async () => {
    const reg = await register(t.url);
    await login(t.url, reg.user.email, 'wrong-password-here', { 'x-request-id': 'audit-corr-123456' });
    const rows = await t.runtime.dataSource.query(
      `SELECT action, outcome, correlation_id FROM audit_log WHERE subject_id = $1 ORDER BY id`,
      [reg.user.id],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'register', outcome: 'success', correlation_id: expect.any(String) },
        { action: 'login', outcome: 'failure', correlation_id: 'audit-corr-123456' },
      ]),
    );
  });
});

describe('sessions when Redis is down', () => {
  it('fail closed with a 503-class error for authenticated requests', async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('this test needs redis-server on PATH');
    const redis = await startRedisServer(binary);
    const t = await startTestApi({ REDIS_URL: redis.url, TRUST_PROXY: 'true' });
    try {
      const reg = await register(t.url);
      expect((await me(t.url, reg.accessToken)).status).toBe(200);
      await redis.stop();
      const res = await me(t.url, reg.accessToken);
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await t.close();
      await redis.stop();
    }
  });
});

describe('password change', () => {
  it('needs the current password, applies the policy, and ends every other session', async () => {
    const t = await startTestApi({ TRUST_PROXY: 'true' });
    try {
      const reg = await register(t.url);
      const other = (await login(t.url, reg.user.email)).body.data?.login;
      const auth = { authorization: `Bearer ${reg.accessToken}` };
      const change = (current: string, next: string) =>
        gql<{ changePassword: number }>(
          t.url,
          'mutation C($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
          { c: current, n: next },
          auth,
        );
      expect(
        (await change('wrong-current-password', 'another-fine-long-phrase')).body.errors?.[0]?.extensions?.[
          'code'
        ],
      ).toBe('INVALID_CREDENTIALS');
      expect((await change(PASSWORD, 'password1')).body.errors?.[0]?.extensions?.['code']).toBe(
        'WEAK_PASSWORD',
      );
      expect((await change(PASSWORD, 'another-fine-long-phrase')).body.data).toEqual({ changePassword: 1 });
      expect((await me(t.url, other?.accessToken ?? '')).status).toBe(401);
      expect((await me(t.url, reg.accessToken)).status).toBe(200);
      expect((await login(t.url, reg.user.email)).body.errors?.[0]?.extensions?.['code']).toBe(
        'INVALID_CREDENTIALS',
      );
      expect((await login(t.url, reg.user.email, 'another-fine-long-phrase')).body.data?.login.user.id).toBe(
        reg.user.id,
      );
    } finally {
      await t.close();
    }
  });
});
