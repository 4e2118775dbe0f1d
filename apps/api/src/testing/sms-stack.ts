import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { freePort } from '@pa/server-core';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startSmsRouter, type SmsRouterHandle } from '@pa/sms-router';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { gql, waitFor } from '@pa/server-testing';
import { startTestApi, type TestApi } from './test-api';
import { signUp, type Person } from './people';

/** The sandbox's auth token: webhooks are signed with it. */
export const SANDBOX_TOKEN = 'sandbox-token';

/** A fresh Twilio MessageSid. */
export const newMessageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** The form fields of an inbound text, as Twilio posts them. */
export const inbound = (from: string, to: string, body: string, messageSid = newMessageSid()) => ({
  MessageSid: messageSid,
  SmsMessageSid: messageSid,
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: to,
  Body: body,
  NumSegments: '1',
  NumMedia: '0',
  SmsStatus: 'received',
  ApiVersion: '2010-04-01',
});

/**
 * The whole SMS path on real services: the API, the SMS router, the worker (with an SMTP catcher for
 * its mail) and the real `twilio` SDK against the local sandbox.
 */
export interface SmsStack {
  sandbox: TwilioSandbox;
  t: TestApi;
  router: SmsRouterHandle;
  worker: WorkerAppHandle;
  catcher: SmtpCatcher;
  mail: SmtpMailSender;
  /** Posts a webhook the way Twilio does: form-encoded, signed over the public URL (or not, or badly). */
  webhook(
    path: string,
    params: Record<string, string>,
    sign?: { token?: string; url?: string; signature?: string | null },
  ): Promise<{ status: number; text: string }>;
  /** Texts `to` from `from` through the router; expects Twilio's 200. */
  text(from: string, to: string, body: string, messageSid?: string): Promise<void>;
  /** Someone signed up with a verified phone (the SMS factor row the verification flow writes). */
  withPhone(options?: Parameters<typeof signUp>[1]): Promise<Person & { phone: string }>;
  /** Claims a number for a person through the API. */
  claim(
    person: Person,
    input?: Record<string, string> | null,
  ): ReturnType<
    typeof gql<{ claimPhoneNumber: { id: string; phoneNumber: string; status: string; monthlyCost: string } }>
  >;
  /** Someone with a verified phone and a number of their own. */
  owner(options?: Parameters<typeof signUp>[1]): Promise<Person & { phone: string; number: string }>;
  /**
   * Waits until the router has handed everything on and the reply and text queues are empty: after
   * it, no text is on its way (the event a "nothing more was sent" check waits for).
   */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

let phones = 0;

/** Starts the SMS stack; `phonePrefix` keeps each test file's phones apart (e.g. `+3361`). */
export async function startSmsStack(
  phonePrefix: string,
  config: Record<string, string> = {},
): Promise<SmsStack> {
  const sandbox = await startTwilioSandbox({ port: 0, statusCallbackDelayMs: 20 });
  const port = await freePort();
  const t = await startTestApi({
    TWILIO_API_BASE_URL: sandbox.url,
    SMS_ROUTER_PORT: String(port),
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    JOBS_BACKOFF_MS: '50',
    LOG_LEVEL: 'error',
    // The shared Redis is busy on a loaded machine: a lost enqueue would wait for reconciliation.
    REDIS_COMMAND_TIMEOUT_MS: '15000',
    ...config,
  });
  const router = await startSmsRouter({ runtime: t.runtime, port, host: '127.0.0.1' });
  const catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  const mail = createSmtpMailSender({ ...t.config, SMTP_URL: catcher.smtpUrl });
  const worker = await startWorker({ runtime: t.runtime, mail });

  const webhook: SmsStack['webhook'] = async (path, params, sign = {}) => {
    const url = `${router.url}${path}`;
    const signature =
      sign.signature === null
        ? undefined
        : (sign.signature ??
          twilio.getExpectedTwilioSignature(sign.token ?? SANDBOX_TOKEN, sign.url ?? url, params));
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature ? { 'x-twilio-signature': signature } : {}),
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, text: await res.text() };
  };

  const withPhone: SmsStack['withPhone'] = async (options = {}) => {
    const person = await signUp(t, options);
    phones += 1;
    const phone = `${phonePrefix}${String(process.pid % 1000).padStart(3, '0')}${String(phones).padStart(4, '0')}`;
    await t.runtime.dataSource.query(
      `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
      [person.id, phone],
    );
    return { ...person, phone };
  };

  const claim: SmsStack['claim'] = (person, input = null) =>
    gql<{ claimPhoneNumber: { id: string; phoneNumber: string; status: string; monthlyCost: string } }>(
      t.url,
      `mutation C($input: ClaimPhoneNumberInput) { claimPhoneNumber(input: $input) { id phoneNumber status monthlyCost } }`,
      { input },
      person.headers,
    );

  return {
    sandbox,
    t,
    router,
    worker,
    catcher,
    mail,
    webhook,
    withPhone,
    claim,
    async text(from, to, body, messageSid) {
      const res = await webhook('/twilio/sms', inbound(from, to, body, messageSid));
      if (res.status !== 200) throw new Error(`the router answered ${res.status}: ${res.text}`);
    },
    async owner(options) {
      const person = await withPhone(options);
      const claimed = await claim(person);
      const number = claimed.body.data?.claimPhoneNumber.phoneNumber;
      if (!number) throw new Error(`no number: ${JSON.stringify(claimed.body.errors)}`);
      return { ...person, number };
    },
    async settled(timeoutMs = 30_000) {
      await router.router.settled();
      const jobs = t.api.services.jobs;
      await waitFor(
        async () => {
          const counts = await Promise.all([jobs.counts('assistant.reply'), jobs.counts('sms.send')]);
          return counts.reduce((n, c) => n + c.waiting + c.active + c.delayed, 0);
        },
        (pending) => pending === 0,
        timeoutMs,
      );
    },
    async close() {
      await router.stop();
      await worker.stop();
      mail.close();
      await t.close();
      await catcher.stop();
      await sandbox.stop();
    },
  };
}

/** Polls until `read` gives something (bounded). */
export async function until<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const value = await waitFor(read, (v) => v !== undefined, timeoutMs);
  return value as T;
}
