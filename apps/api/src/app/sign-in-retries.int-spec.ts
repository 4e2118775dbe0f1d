import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, TEST_PASSWORD } from '../testing/people';

const LOGIN = `mutation L($i: LoginInput!) { login(input: $i) { accessToken } }`;

// The fault suite's "nothing recovered" finding: its clients sign in again whenever a request answers
// 401, all from one address. One of them reached its account's limit (10 sign-ins a minute per address)
// and then retried after every refusal; each refused attempt also spent the address's budget (100 per
// 15 min), so within seconds every person behind that address was refused for a quarter of an hour.
describe('sign-ins refused by a limit', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => {
    await t?.close();
  });

  const code = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
    res.body.errors?.[0]?.extensions?.['code'] ?? 'OK';

  it('a client retrying its refused sign-in does not lock out the others behind the same address', async () => {
    const ip = '192.0.2.61';
    const login = (email: string) =>
      gql(
        t.url,
        LOGIN,
        { i: { email, password: TEST_PASSWORD, refreshTokenIn: 'BODY' } },
        {
          'x-forwarded-for': ip,
        },
      );
    const a = await signUp(t);
    const b = await signUp(t);
    for (let i = 0; i < 10; i += 1) expect(code(await login(a.email))).toBe('OK');
    // Its account's limit is reached; it keeps trying, faster than a person would.
    for (let i = 0; i < 100; i += 1) expect(code(await login(a.email))).toBe('RATE_LIMITED');
    // No password was checked for those: the address has used 10 of its 100, and b signs in.
    expect(code(await login(b.email))).toBe('OK');
  });
});
