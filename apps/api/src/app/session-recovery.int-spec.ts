import { deleteKeys, gql, testServiceUrls } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp } from '../testing/people';

const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t, refreshTokenIn: BODY) { accessToken refreshToken sessionId } }`;

type Refreshed = { refreshSession: { accessToken: string; refreshToken: string; sessionId: string } };

describe('sessions lost with Redis’ data are recovered from PostgreSQL, never revived when ended', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ REFRESH_REUSE_GRACE_SECONDS: '0' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** What a Redis restart without persistence does to sessions. */
  const loseSessions = () => deleteKeys(testServiceUrls().redisUrl, `${t.config.REDIS_KEY_PREFIX}session:`);
  const refresh = (token: string) => gql<Refreshed>(t.url, REFRESH, { t: token });
  const me = (accessToken: string) =>
    gql<{ me: { id: string } }>(t.url, '{ me { id } }', undefined, {
      authorization: `Bearer ${accessToken}`,
    });

  it('a valid refresh token re-creates its session (same id): the person stays signed in', async () => {
    const p = await signUp(t);
    await loseSessions();
    expect((await me(p.accessToken)).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const res = await refresh(p.refreshToken);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.refreshSession.sessionId).toBe(p.sessionId);
    expect((await me(res.body.data?.refreshSession.accessToken ?? '')).body.data?.me.id).toBe(p.id);
    // The old access token of the same session works again too: it is the same, live session.
    expect((await me(p.accessToken)).body.data?.me.id).toBe(p.id);
    const [audit] = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'session_recovered' AND subject_id = $1`,
      [p.id],
    )) as { n: number }[];
    expect(audit?.n).toBe(1);
  });

  it('a logged-out session is not revived', async () => {
    const p = await signUp(t);
    expect((await gql(t.url, 'mutation { logout }', undefined, p.headers)).body.errors).toBeUndefined();
    await loseSessions();
    expect((await refresh(p.refreshToken)).body.errors?.[0]?.extensions?.['code']).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });

  it('sessions ended by logoutAll elsewhere are not revived', async () => {
    const p = await signUp(t);
    const other = await refresh(p.refreshToken);
    const token = other.body.data?.refreshSession.refreshToken ?? '';
    const second = await gql<{ login: { accessToken: string } }>(
      t.url,
      `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email: p.email, password: 'lantern-cactus-orbit-violin', refreshTokenIn: 'BODY' } },
      { 'x-forwarded-for': '203.0.113.90' },
    );
    await gql(t.url, 'mutation { logoutAll }', undefined, {
      authorization: `Bearer ${second.body.data?.login.accessToken ?? ''}`,
    });
    await loseSessions();
    expect((await refresh(token)).body.errors?.[0]?.extensions?.['code']).toBe('REFRESH_TOKEN_INVALID');
  });

  it('a reused refresh token revokes the family and nothing comes back', async () => {
    const p = await signUp(t);
    const rotated = await refresh(p.refreshToken);
    const successor = rotated.body.data?.refreshSession.refreshToken ?? '';
    await new Promise((r) => setTimeout(r, 1100));
    await loseSessions();
    // The first token again, after the (zero) grace: reuse.
    expect((await refresh(p.refreshToken)).body.errors?.[0]?.extensions?.['code']).toBe(
      'REFRESH_TOKEN_INVALID',
    );
    expect((await refresh(successor)).body.errors?.[0]?.extensions?.['code']).toBe('REFRESH_TOKEN_INVALID');
  });

  it('a session that never passed its second factor is not recovered for an account with one', async () => {
    const p = await signUp(t);
    // The account has a second factor, and this session's tokens never recorded passing it.
    await t.runtime.dataSource.query(
      `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', '+33612345678', now())`,
      [p.id],
    );
    await loseSessions();
    expect((await refresh(p.refreshToken)).body.errors?.[0]?.extensions?.['code']).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });
});
