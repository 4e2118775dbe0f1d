import { execFileSync } from 'node:child_process';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { gql } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { ACCEPTED_CONSENTS_GQL } from '../testing/people';

const PASSWORD = 'lantern-cactus-orbit-violin';
const NEW_PASSWORD = 'harbour-velvet-comet-piano';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const oathtool = (secret: string, at: Date) =>
  execFileSync(
    'oathtool',
    ['--totp', '-b', secret, '--now', `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC`],
    { encoding: 'utf8' },
  ).trim();

describe('email verification and password reset, through the worker, real SMTP and the catcher', () => {
  let catcher: SmtpCatcher;
  let t: TestApi;
  let mail: SmtpMailSender;
  let worker: WorkerAppHandle;
  let n = 0;

  beforeAll(async () => {
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
    t = await startTestApi({
      SMTP_URL: catcher.smtpUrl,
      PUBLIC_WEB_URL: 'http://app.example.test',
      TRUST_PROXY: 'true',
    });
    mail = createSmtpMailSender(t.config);
    worker = await startWorker({ runtime: t.runtime, mail });
  });
  afterAll(async () => {
    await worker.stop();
    mail.close();
    await t.close();
    await catcher.stop();
  });

  const register = async (email: string) => {
    const res = await gql<{ register: { accessToken: string } }>(
      t.url,
      `mutation { register(input: { email: "${email}", password: "${PASSWORD}", displayName: "Kim", timeZone: "UTC", ${ACCEPTED_CONSENTS_GQL} }) { accessToken } }`,
      undefined,
      { 'x-forwarded-for': `198.51.100.${(n += 1)}` },
    );
    return res.body.data?.register.accessToken ?? '';
  };
  const tokenFrom = async (to: string, subject: RegExp) => {
    const message = await catcher.waitForMessage((m) => m.to.includes(to) && subject.test(m.subject), 10_000);
    const text = message.text ?? '';
    const token = /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no token in: ${text}`);
    expect(text).toContain('http://app.example.test/');
    return token;
  };

  it('sends a confirmation link at sign-up; the link confirms the address once', async () => {
    const email = `verify.${Date.now()}@example.test`;
    const access = await register(email);
    const token = await tokenFrom(email, /Confirm your email/);
    const verify = (tk: string) => gql(t.url, `mutation { verifyEmail(token: "${tk}") }`);
    expect((await verify(token)).body.data).toEqual({ verifyEmail: true });
    expect((await verify(token)).body.errors?.[0]?.extensions?.['code']).toBe('EMAIL_TOKEN_INVALID');
    expect((await verify('made-up-token-value')).body.errors?.[0]?.extensions?.['code']).toBe(
      'EMAIL_TOKEN_INVALID',
    );
    const me = await gql<{ me: { emailVerifiedAt: string | null } }>(
      t.url,
      '{ me { emailVerifiedAt } }',
      undefined,
      bearer(access),
    );
    expect(me.body.data?.me.emailVerifiedAt).toBeTruthy();
  });

  it('answers a reset request the same for known and unknown emails, mails only the known one, and the new password ends every session', async () => {
    const email = `reset.${Date.now()}@example.test`;
    const access = await register(email);
    const ghost = `ghost.${Date.now()}@example.test`;
    const request = (who: string) => gql(t.url, `mutation { requestPasswordReset(email: "${who}") }`);
    const [known, unknown] = [await request(email), await request(ghost)];
    expect(known.body).toEqual(unknown.body);
    const token = await tokenFrom(email, /Reset your/);
    expect(catcher.messages({ to: ghost })).toHaveLength(0);

    const weak = await gql(t.url, `mutation { resetPassword(token: "${token}", newPassword: "password1") }`);
    expect(weak.body.errors?.[0]?.extensions?.['code']).toBe('WEAK_PASSWORD');
    const reset = await gql(
      t.url,
      `mutation { resetPassword(token: "${token}", newPassword: "${NEW_PASSWORD}") }`,
    );
    expect(reset.body.data).toEqual({ resetPassword: true });
    expect((await gql(t.url, '{ me { id } }', undefined, bearer(access))).status).toBe(401);
    const again = await gql(
      t.url,
      `mutation { resetPassword(token: "${token}", newPassword: "${NEW_PASSWORD}-2") }`,
    );
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('EMAIL_TOKEN_INVALID');
    const login = await gql(
      t.url,
      `mutation { login(input: { email: "${email}", password: "${NEW_PASSWORD}" }) { sessionId } }`,
    );
    expect(login.body.errors).toBeUndefined();
  });

  it('requires the second factor to reset the password of an account with TOTP on', async () => {
    const email = `reset.mfa.${Date.now()}@example.test`;
    const access = await register(email);
    const start = await gql<{ startTotpEnrollment: { secret: string } }>(
      t.url,
      'mutation { startTotpEnrollment { secret } }',
      undefined,
      bearer(access),
    );
    const secret = start.body.data?.startTotpEnrollment.secret ?? '';
    await gql(
      t.url,
      `mutation { confirmTotpEnrollment(code: "${oathtool(secret, new Date())}") }`,
      undefined,
      bearer(access),
    );
    await gql(t.url, `mutation { requestPasswordReset(email: "${email}") }`);
    const token = await tokenFrom(email, /Reset your/);
    const without = await gql(
      t.url,
      `mutation { resetPassword(token: "${token}", newPassword: "${NEW_PASSWORD}") }`,
    );
    expect(without.body.errors?.[0]?.extensions?.['code']).toBe('MFA_REQUIRED');
    const withCode = await gql(
      t.url,
      `mutation { resetPassword(token: "${token}", newPassword: "${NEW_PASSWORD}", mfaMethod: TOTP, mfaCode: "${oathtool(secret, new Date(Date.now() + 30_000))}") }`,
    );
    expect(withCode.body.data).toEqual({ resetPassword: true });
  });
});
