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

describe('a recovered session is held to the same per-person limits as a sign-in', () => {
  let t: TestApi;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApi({ SESSION_MAX_PER_USER: '2', SESSION_PENDING_MAX_PER_USER: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const loseSessions = () => deleteKeys(testServiceUrls().redisUrl, `${t.config.REDIS_KEY_PREFIX}session:`);
  const refresh = (token: string) => gql<Refreshed>(t.url, REFRESH, { t: token });
  const meStatus = async (accessToken: string) =>
    (await gql(t.url, '{ me { id } }', undefined, { authorization: `Bearer ${accessToken}` })).body
      .errors?.[0]?.extensions?.['code'] ?? 'OK';
  const login = async (email: string) => {
    n += 1;
    const res = await gql<{ login: { accessToken: string; refreshToken: string; mfaRequired: boolean } }>(
      t.url,
      `mutation L($i: LoginInput!) { login(input: $i) { accessToken refreshToken mfaRequired } }`,
      { i: { email, password: 'lantern-cactus-orbit-violin', refreshTokenIn: 'BODY' } },
      { 'x-forwarded-for': `198.51.100.${n % 250}` },
    );
    const data = res.body.data?.login;
    if (!data) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
    return data;
  };
  const liveSessions = async (accessToken: string) =>
    (
      await gql<{ mySessions: { id: string }[] }>(t.url, '{ mySessions { id } }', undefined, {
        authorization: `Bearer ${accessToken}`,
      })
    ).body.data?.mySessions.length;

  it('recovering beyond the limit ends the oldest session, which never comes back', async () => {
    const p = await signUp(t); // oldest
    const second = await login(p.email);
    await loseSessions();
    const fresh = await login(p.email); // signed in again after the loss: one live session
    const first = await refresh(p.refreshToken);
    expect(first.body.errors).toBeUndefined(); // two live: within the limit
    const recovered = await refresh(second.refreshToken);
    expect(recovered.body.errors).toBeUndefined();
    const secondToken = recovered.body.data?.refreshSession.accessToken ?? '';

    // Three would be over the limit of 2: the oldest (the sign-up's) ended, as a third sign-in would.
    expect(await meStatus(first.body.data?.refreshSession.accessToken ?? '')).toBe('UNAUTHENTICATED');
    expect(await meStatus(secondToken)).toBe('OK');
    expect(await meStatus(fresh.accessToken)).toBe('OK');
    expect(await liveSessions(fresh.accessToken)).toBe(2);
    // Ended means revoked in PostgreSQL: losing Redis again does not bring it back.
    await loseSessions();
    expect(
      (await refresh(first.body.data?.refreshSession.refreshToken ?? '')).body.errors?.[0]?.extensions?.[
        'code'
      ],
    ).toBe('REFRESH_TOKEN_INVALID');
  });

  it('a session older than every live one, with the limit full, is not recovered', async () => {
    const p = await signUp(t);
    await loseSessions();
    const a = await login(p.email);
    const b = await login(p.email);
    expect((await refresh(p.refreshToken)).body.errors?.[0]?.extensions?.['code']).toBe(
      'REFRESH_TOKEN_INVALID',
    );
    // The sign-ins made since are untouched, and the old family stays revoked.
    expect(await meStatus(a.accessToken)).toBe('OK');
    expect(await meStatus(b.accessToken)).toBe('OK');
    expect(await liveSessions(a.accessToken)).toBe(2);
    await loseSessions();
    const again = await refresh(p.refreshToken);
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('REFRESH_TOKEN_INVALID');
    const [evicted] = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'session_evicted' AND subject_id = $1`,
      [p.id],
    )) as { n: number }[];
    expect(evicted?.n).toBe(1);
  });

  it('half sign-ins (password only) neither count against nor end a recovered verified session', async () => {
    const p = await signUp(t);
    // The account has a second factor, and this session passed it (recorded with its refresh tokens).
    await t.runtime.dataSource.query(
      `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', '+33612345670', now())`,
      [p.id],
    );
    await t.runtime.dataSource.query(`UPDATE refresh_tokens SET aal = 'aal2' WHERE session_id = $1`, [
      p.sessionId,
    ]);
    await loseSessions();
    const pending = [await login(p.email), await login(p.email), await login(p.email)];
    expect(pending.every((x) => x.mfaRequired)).toBe(true);
    const recovered = await refresh(p.refreshToken);
    expect(recovered.body.errors).toBeUndefined();
    expect(await meStatus(recovered.body.data?.refreshSession.accessToken ?? '')).toBe('OK');
    // The half sign-ins are limited among themselves only (the newest 2 are left).
    expect(await Promise.all(pending.map((x) => meStatus(x.accessToken)))).toEqual([
      'UNAUTHENTICATED',
      'MFA_REQUIRED',
      'MFA_REQUIRED',
    ]);
  });
});
