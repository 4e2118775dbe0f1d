import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { ACCEPTED_CONSENTS_GQL } from '../testing/people';

const PASSWORD = 'lantern-cactus-orbit-violin';
const PHONE = '+33612345678';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The latest 6-digit code the sandbox delivered to a phone. */
function lastCode(sandbox: TwilioSandbox, to: string): string {
  const messages = sandbox.messages({ to });
  const body = messages[messages.length - 1]?.body ?? '';
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no code sent to ${to}: ${JSON.stringify(messages.map((m) => m.body))}`);
  return code;
}

describe('SMS as a second factor, through the real twilio SDK and the sandbox', () => {
  let sandbox: TwilioSandbox;
  let t: TestApi;
  let email: string;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTwilioSandbox({ port: 0 });
    t = await startTestApi({ TWILIO_API_BASE_URL: sandbox.url });
    email = `sms.${Date.now()}@example.test`;
    const reg = await gql<{ register: { accessToken: string } }>(
      t.url,
      `mutation { register(input: { email: "${email}", password: "${PASSWORD}", displayName: "Robin", timeZone: "Europe/Paris", ${ACCEPTED_CONSENTS_GQL} }) { accessToken } }`,
    );
    token = reg.body.data?.register.accessToken ?? '';
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  it('verifies a phone with a texted code (a wrong code is refused), shows it masked, and limits texts to one a minute', async () => {
    const invalid = await gql(
      t.url,
      'mutation { startPhoneVerification(phone: "not a phone") }',
      undefined,
      bearer(token),
    );
    expect(invalid.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_PHONE');
    const started = await gql(
      t.url,
      'mutation { startPhoneVerification(phone: "+33 6 12 34 56 78") }',
      undefined,
      bearer(token),
    );
    expect(started.body.errors).toBeUndefined();
    const code = lastCode(sandbox, PHONE);
    const confirm = (c: string) =>
      gql(t.url, `mutation { confirmPhone(phone: "${PHONE}", code: "${c}") }`, undefined, bearer(token));
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await confirm(wrong)).body.errors?.[0]?.extensions?.['code']).toBe('MFA_CODE_INVALID');
    expect((await confirm(code)).body.data).toEqual({ confirmPhone: true });
    const status = await gql<{ mfaStatus: { smsPhone: string } }>(
      t.url,
      '{ mfaStatus { smsPhone } }',
      undefined,
      bearer(token),
    );
    expect(status.body.data?.mfaStatus.smsPhone).toBe('+33 •••• 78');
    // One SMS a minute per user: the verification text just used this minute's allowance.
    const again = await gql(
      t.url,
      'mutation { startPhoneVerification(phone: "+33 6 12 34 56 78") }',
      undefined,
      bearer(token),
    );
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    const me = await gql<{ me: { id: string } }>(t.url, '{ me { id } }', undefined, bearer(token));
    // A minute later it would pass: give the next test a fresh allowance instead of waiting.
    await t.api.services.auth.rateLimits.reset('smsSendPerUserBurst', me.body.data?.me.id ?? '');
  });

  it('signs in with a code texted to the verified phone; resending at once is rate-limited', async () => {
    const login = await gql<{ login: { accessToken: string; mfaRequired: boolean; mfaMethods: string[] } }>(
      t.url,
      `mutation { login(input: { email: "${email}", password: "${PASSWORD}" }) { accessToken mfaRequired mfaMethods } }`,
    );
    const pending = login.body.data?.login;
    expect(pending?.mfaRequired).toBe(true);
    expect(pending?.mfaMethods).toContain('SMS');
    const sent = await gql(
      t.url,
      'mutation { sendSignInSms }',
      undefined,
      bearer(pending?.accessToken ?? ''),
    );
    expect(sent.body.errors).toBeUndefined();
    const again = await gql(
      t.url,
      'mutation { sendSignInSms }',
      undefined,
      bearer(pending?.accessToken ?? ''),
    );
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    const verified = await gql<{ verifyMfa: { mfaRequired: boolean } }>(
      t.url,
      `mutation { verifyMfa(method: SMS, code: "${lastCode(sandbox, PHONE)}") { mfaRequired } }`,
      undefined,
      bearer(pending?.accessToken ?? ''),
    );
    expect(verified.body.data?.verifyMfa.mfaRequired).toBe(false);
    expect((await gql(t.url, '{ me { id } }', undefined, bearer(pending?.accessToken ?? ''))).status).toBe(
      200,
    );
  });
});
