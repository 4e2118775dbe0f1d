import { execFileSync } from 'node:child_process';
import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { ACCEPTED_CONSENTS_GQL } from '../testing/people';

const PASSWORD = 'lantern-cactus-orbit-violin';
const FIELDS = 'sessionId accessToken mfaRequired mfaMethods mfaExpiresAt user { id }';

interface Payload {
  sessionId: string;
  accessToken: string;
  mfaRequired: boolean;
  mfaMethods: string[];
  user: { id: string };
}

/** A TOTP code from an independent implementation (Debian's oathtool), for a moment in time. */
const oathtool = (secret: string, at: Date) =>
  execFileSync(
    'oathtool',
    ['--totp', '-b', secret, '--now', at.toISOString().replace('T', ' ').slice(0, 19) + ' UTC'],
    { encoding: 'utf8' },
  ).trim();

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('two-factor sign-in over the real API', () => {
  let t: TestApi;
  let email: string;
  let secret: string;
  let backupCodes: string[];
  beforeAll(async () => {
    t = await startTestApi();
    email = `mfa.${Date.now()}@example.test`;
    const reg = await gql<{ register: Payload }>(
      t.url,
      `mutation { register(input: { email: "${email}", password: "${PASSWORD}", displayName: "Alex", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL}, refreshTokenIn: BODY }) { ${FIELDS} } }`,
    );
    const token = reg.body.data?.register.accessToken ?? '';
    const start = await gql<{
      startTotpEnrollment: { otpauthUri: string; qrCodeDataUrl: string; secret: string };
    }>(
      t.url,
      'mutation { startTotpEnrollment { otpauthUri qrCodeDataUrl secret } }',
      undefined,
      bearer(token),
    );
    const enrollment = start.body.data?.startTotpEnrollment;
    expect(enrollment?.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(enrollment?.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    secret = enrollment?.secret ?? '';
    const confirm = await gql<{ confirmTotpEnrollment: string[] }>(
      t.url,
      'mutation C($c: String!) { confirmTotpEnrollment(code: $c) }',
      { c: oathtool(secret, new Date()) },
      bearer(token),
    );
    backupCodes = confirm.body.data?.confirmTotpEnrollment ?? [];
    expect(backupCodes).toHaveLength(10);
  });
  afterAll(() => t.close());

  const login = () =>
    gql<{ login: Payload }>(
      t.url,
      `mutation { login(input: { email: "${email}", password: "${PASSWORD}", refreshTokenIn: BODY }) { ${FIELDS} } }`,
    );
  const verify = (token: string, method: string, code: string) =>
    gql<{ verifyMfa: Payload }>(
      t.url,
      `mutation V($m: MfaMethod!, $c: String!) { verifyMfa(method: $m, code: $c) { ${FIELDS} } }`,
      { m: method, c: code },
      bearer(token),
    );

  it('asks for the second factor after the password, and the half-signed-in session can do nothing else', async () => {
    const first = (await login()).body.data?.login;
    expect(first?.mfaRequired).toBe(true);
    expect(first?.mfaMethods).toEqual(['TOTP', 'BACKUP_CODE']);
    const me = await gql(t.url, '{ me { id } }', undefined, bearer(first?.accessToken ?? ''));
    expect(me.body.errors?.[0]?.extensions?.['code']).toBe('MFA_REQUIRED');
    const sessions = await gql(t.url, '{ mySessions { id } }', undefined, bearer(first?.accessToken ?? ''));
    expect(sessions.body.errors?.[0]?.extensions?.['code']).toBe('MFA_REQUIRED');
  });

  it('accepts a code from oathtool (next time-step), upgrades the session, and refuses the same code again', async () => {
    const first = (await login()).body.data?.login;
    const code = oathtool(secret, new Date(Date.now() + 30_000));
    const verified = await verify(first?.accessToken ?? '', 'TOTP', code);
    expect(verified.body.data?.verifyMfa.mfaRequired).toBe(false);
    const me = await gql<{ me: { id: string } }>(
      t.url,
      '{ me { id } }',
      undefined,
      bearer(first?.accessToken ?? ''),
    );
    expect(me.body.data?.me.id).toBe(first?.user.id);

    const second = (await login()).body.data?.login;
    const replay = await verify(second?.accessToken ?? '', 'TOTP', code);
    expect(replay.body.errors?.[0]?.extensions?.['code']).toBe('MFA_CODE_INVALID');
  });

  it('accepts each backup code once', async () => {
    const code = backupCodes[0] ?? '';
    const a = (await login()).body.data?.login;
    expect(
      (await verify(a?.accessToken ?? '', 'BACKUP_CODE', code.toUpperCase())).body.data?.verifyMfa
        .mfaRequired,
    ).toBe(false);
    const b = (await login()).body.data?.login;
    expect(
      (await verify(b?.accessToken ?? '', 'BACKUP_CODE', code)).body.errors?.[0]?.extensions?.['code'],
    ).toBe('MFA_CODE_INVALID');
    const status = await gql<{ mfaStatus: { totpEnabled: boolean; backupCodesRemaining: number } }>(
      t.url,
      '{ mfaStatus { totpEnabled backupCodesRemaining } }',
      undefined,
      bearer(a?.accessToken ?? ''),
    );
    expect(status.body.data?.mfaStatus).toEqual({ totpEnabled: true, backupCodesRemaining: 9 });
  });
});

describe('brute force', () => {
  it('locks an account after 5 failures with RATE_LIMITED and a retry-after, and answers an unknown email the same way', async () => {
    const t = await startTestApi();
    try {
      const email = `lock.${Date.now()}@example.test`;
      await gql(
        t.url,
        `mutation { register(input: { email: "${email}", password: "${PASSWORD}", displayName: "L", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL} }) { sessionId } }`,
      );
      const attempt = (who: string, password: string) =>
        gql(t.url, `mutation { login(input: { email: "${who}", password: "${password}" }) { sessionId } }`);
      const unknown = `ghost.${Date.now()}@example.test`;
      for (let i = 0; i < 5; i += 1) {
        expect((await attempt(email, 'wrong-password-attempt')).body.errors?.[0]?.extensions?.['code']).toBe(
          'INVALID_CREDENTIALS',
        );
        expect(
          (await attempt(unknown, 'wrong-password-attempt')).body.errors?.[0]?.extensions?.['code'],
        ).toBe('INVALID_CREDENTIALS');
      }
      const locked = await attempt(email, PASSWORD);
      const lockedUnknown = await attempt(unknown, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
      expect(
        (locked.body.errors?.[0]?.extensions?.['details'] as { retryAfterSeconds: number }).retryAfterSeconds,
      ).toBeGreaterThan(0);
      expect(lockedUnknown.body.errors?.[0]?.message).toBe(locked.body.errors?.[0]?.message);
    } finally {
      await t.close();
    }
  });

  it('gives no extra guesses through aliases or batches: every executed attempt counts', async () => {
    const t = await startTestApi();
    try {
      const email = 'alias@example.test';
      // login is non-null: the first failed alias ends the whole mutation, the other 11 never run.
      const fields = Array.from(
        { length: 12 },
        (_, i) => `a${i}: login(input: { email: "${email}", password: "guess-${i}" }) { sessionId }`,
      ).join(' ');
      const aliased = await gql(t.url, `mutation { ${fields} }`);
      expect(aliased.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['INVALID_CREDENTIALS']);
      // Batched HTTP requests are refused outright.
      const batch = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { query: `mutation { login(input: { email: "${email}", password: "b1" }) { sessionId } }` },
        ]),
      });
      expect(batch.status).toBe(400);
      // The aliased attempt counted: four more failures reach the lock-out.
      const single = () =>
        gql(t.url, `mutation { login(input: { email: "${email}", password: "again" }) { sessionId } }`);
      for (let i = 0; i < 4; i += 1)
        expect((await single()).body.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDENTIALS');
      expect((await single()).body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});

describe('a pending second factor across a refresh', () => {
  it('is reported by refreshSession, so a reloaded app returns to the challenge', async () => {
    const t = await startTestApi();
    try {
      const email = `pending.${Date.now()}@example.test`;
      const reg = await gql<{ register: Payload & { refreshToken: string } }>(
        t.url,
        `mutation { register(input: { email: "${email}", password: "${PASSWORD}", displayName: "P", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL}, refreshTokenIn: BODY }) { ${FIELDS} refreshToken } }`,
      );
      const token = reg.body.data?.register.accessToken ?? '';
      const start = await gql<{ startTotpEnrollment: { secret: string } }>(
        t.url,
        'mutation { startTotpEnrollment { secret } }',
        undefined,
        bearer(token),
      );
      await gql(
        t.url,
        `mutation { confirmTotpEnrollment(code: "${oathtool(start.body.data?.startTotpEnrollment.secret ?? '', new Date())}") }`,
        undefined,
        bearer(token),
      );
      const login = await gql<{ login: { refreshToken: string } }>(
        t.url,
        `mutation { login(input: { email: "${email}", password: "${PASSWORD}", refreshTokenIn: BODY }) { refreshToken } }`,
      );
      const refreshed = await gql<{ refreshSession: Payload }>(
        t.url,
        `mutation { refreshSession(refreshToken: "${login.body.data?.login.refreshToken}") { ${FIELDS} } }`,
      );
      expect(refreshed.body.data?.refreshSession.mfaRequired).toBe(true);
      expect(refreshed.body.data?.refreshSession.mfaMethods).toContain('TOTP');
    } finally {
      await t.close();
    }
  });
});
