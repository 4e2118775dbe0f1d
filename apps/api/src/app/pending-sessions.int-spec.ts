import { generate } from 'otplib';
import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { ACCEPTED_CONSENTS_GQL } from '../testing/people';

const PASSWORD = 'lantern-cactus-orbit-violin';
const FIELDS = 'sessionId accessToken mfaRequired user { id }';
interface Payload {
  sessionId: string;
  accessToken: string;
  mfaRequired: boolean;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const totp = (secret: string) => generate({ secret });

// Half sign-ins (password passed, second factor not) are limited on their own and never end a full session.
let t: TestApi;
let email: string;
let owner: string;
let backupCodes: string[];
beforeAll(async () => {
  t = await startTestApi({ SESSION_MAX_PER_USER: '2', SESSION_PENDING_MAX_PER_USER: '2' });
  email = `pending.${Date.now()}@example.test`;
  const reg = await gql<{ register: Payload }>(
    t.url,
    `mutation { register(input: { email: "${email}", password: "${PASSWORD}", displayName: "Sam", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL}, refreshTokenIn: BODY }) { ${FIELDS} } }`,
  );
  owner = reg.body.data?.register.accessToken ?? '';
  const start = await gql<{ startTotpEnrollment: { secret: string } }>(
    t.url,
    'mutation { startTotpEnrollment { secret } }',
    undefined,
    bearer(owner),
  );
  const secret = start.body.data?.startTotpEnrollment.secret ?? '';
  const confirm = await gql<{ confirmTotpEnrollment: string[] }>(
    t.url,
    'mutation C($c: String!) { confirmTotpEnrollment(code: $c) }',
    { c: await totp(secret) },
    bearer(owner),
  );
  expect(confirm.body.errors).toBeUndefined();
  backupCodes = confirm.body.data?.confirmTotpEnrollment ?? [];
});
afterAll(() => t.close());

const login = async () =>
  (
    await gql<{ login: Payload }>(
      t.url,
      `mutation { login(input: { email: "${email}", password: "${PASSWORD}", refreshTokenIn: BODY }) { ${FIELDS} } }`,
    )
  ).body.data?.login;
const meStatus = async (token: string) =>
  (await gql(t.url, '{ me { id } }', undefined, bearer(token))).body.errors?.[0]?.extensions?.['code'] ??
  'OK';

describe('half-signed-in sessions', () => {
  it('many password-only sign-ins leave the owner’s verified session working', async () => {
    const pending: Payload[] = [];
    for (let i = 0; i < 6; i += 1) {
      const p = await login();
      expect(p?.mfaRequired).toBe(true);
      if (p) pending.push(p);
    }
    expect(await meStatus(owner)).toBe('OK');
    // They are limited among themselves: only the newest SESSION_PENDING_MAX_PER_USER are left.
    const alive = await Promise.all(pending.map((p) => meStatus(p.accessToken)));
    expect(alive).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'MFA_REQUIRED',
      'MFA_REQUIRED',
    ]);
  });

  it('counts a session against the full limit once its second factor passes', async () => {
    // Owner (full) + a second full one = the limit of 2; the third to finish its second factor ends the oldest.
    const second = await login();
    const verify = (token: string) =>
      gql(
        t.url,
        'mutation V($c: String!) { verifyMfa(method: BACKUP_CODE, code: $c) { sessionId } }',
        { c: backupCodes.shift() },
        bearer(token),
      );
    expect((await verify(second?.accessToken ?? '')).body.errors).toBeUndefined();
    expect(await meStatus(owner)).toBe('OK');
    const third = await login();
    expect(await meStatus(owner)).toBe('OK');
    expect((await verify(third?.accessToken ?? '')).body.errors).toBeUndefined();
    expect(await meStatus(owner)).toBe('UNAUTHENTICATED');
    expect(await meStatus(second?.accessToken ?? '')).toBe('OK');
  });
});
