import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT, importPKCS8 } from 'jose';
import { loadConfig } from '@pa/server-core';
import { issueAccessToken, verifyAccessToken } from './access-token';

const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(48) });
const auth = {
  userId: '3f1c2e1a-0000-4000-8000-000000000001',
  sessionId: 'sess-1',
  aal: 'aal1' as const,
  authenticatedAt: 1_764_000_000_000,
};
const key = new TextEncoder().encode(config.JWT_SECRET);

function claims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: auth.userId,
    sid: auth.sessionId,
    aal: 'aal1',
    auth_time: now,
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    iat: now,
    exp: now + 600,
    ...overrides,
  };
}

const refused = (token: string) =>
  expect(verifyAccessToken(config, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

describe('access tokens', () => {
  it('round-trip: the claims we issue are the claims we read', async () => {
    const { token, expiresAt } = await issueAccessToken(config, auth);
    const read = await verifyAccessToken(config, token);
    expect(read).toEqual({ ...auth, authenticatedAt: Math.floor(auth.authenticatedAt / 1000) * 1000 });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(890_000);
  });

  it('refuses alg "none"', async () => {
    await refused(new UnsecuredJWT(claims()).encode());
    const [, payload] = (await issueAccessToken(config, auth)).token.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    await refused(`${header}.${payload}.`);
  });

  it('refuses another HMAC size and an asymmetric algorithm (key confusion)', async () => {
    await refused(
      await new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' })
        .sign(new TextEncoder().encode('x'.repeat(64))),
    );
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsKey = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    await refused(
      await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' }).sign(rsKey),
    );
    // HS256 keyed with a public key an attacker knows: not our secret, refused.
    const pem = new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    await refused(await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(pem));
  });

  it('refuses an expired token, a wrong audience, issuer or type', async () => {
    const sign = (c: Record<string, unknown>, typ = 'at+jwt') =>
      new SignJWT(c).setProtectedHeader({ alg: 'HS256', typ }).sign(key);
    const now = Math.floor(Date.now() / 1000);
    await refused(await sign(claims({ iat: now - 3600, exp: now - 60 })));
    await refused(await sign(claims({ aud: 'someone-else' })));
    await refused(await sign(claims({ iss: 'https://evil.example' })));
    await refused(await sign(claims(), 'JWT'));
    await refused(await sign(claims({ sid: undefined })));
    await refused(await sign(claims({ aal: 'aal9' })));
  });

  it('refuses a token that outlives the configured lifetime or was issued in the future', async () => {
    const sign = (c: Record<string, unknown>) =>
      new SignJWT(c).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(key);
    const now = Math.floor(Date.now() / 1000);
    const ttl = config.ACCESS_TOKEN_TTL_SECONDS;
    // Still valid by its own `exp`, but signed for longer than any token we issue.
    await refused(await sign(claims({ iat: now, exp: now + 10 * 365 * 86_400 })));
    await refused(await sign(claims({ iat: now - 10, exp: now + ttl + 60 })));
    // `iat` a minute ahead (beyond the 5 s skew).
    await refused(await sign(claims({ iat: now + 60, exp: now + 60 + ttl })));
    // At the limits, accepted.
    await expect(
      verifyAccessToken(config, await sign(claims({ iat: now, exp: now + ttl }))),
    ).resolves.toMatchObject({ userId: auth.userId });
    await expect(
      verifyAccessToken(config, await sign(claims({ iat: now + 3, exp: now + 3 + ttl }))),
    ).resolves.toMatchObject({ userId: auth.userId });
  });

  it('refuses a refresh token or garbage presented as an access token', async () => {
    await refused('q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c');
    await refused('not.a.jwt');
  });

  it('refuses tampered claims', async () => {
    const [header, payload, signature] = (await issueAccessToken(config, auth)).token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), aal: 'aal2' }),
    ).toString('base64url');
    await refused(`${header}.${forged}.${signature}`);
    const otherUser = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        sub: 'someone-else',
      }),
    ).toString('base64url');
    await refused(`${header}.${otherUser}.${signature}`);
  });

  it('refuses a token signed with another secret', async () => {
    const other = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'y'.repeat(48) });
    await refused((await issueAccessToken(other, auth)).token);
  });
});
