import http from 'node:http';
import net from 'node:net';
import { inspect } from 'node:util';
import { AppError, freePort, loadConfig } from '@pa/server-core';
// The sandbox is a dev tool (type:tool), used here by a test only: the boundary matrix does not list
// tools for data-access libs yet.
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { createSmsSender } from './sms.config';
import { SmsErrorCode } from './sms.errors';
import { SmsStatus } from './sms.port';
import { createTwilioClient, createTwilioSmsSender, type TwilioSmsSettings } from './twilio-sms.adapter';

const ACCOUNT = `AC${'7'.repeat(32)}`;
const TOKEN = 'adapter-int-spec-token-s3cret';
const FROM = '+15005550006';

/** Runs `fn`, expecting it to reject with an AppError, and returns that error. */
async function failure(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

/** Everything an error would show in a log line or a response: message, details, cause chain. */
function everything(err: AppError): string {
  return `${inspect(err, { depth: 10, showHidden: true })} ${JSON.stringify(err)} ${String(
    (err.cause as Error | undefined)?.message,
  )}`;
}

function expectNoSecret(err: AppError, token: string): void {
  const text = everything(err);
  expect(text).not.toContain(token);
  expect(text).not.toContain(Buffer.from(`${ACCOUNT}:${token}`).toString('base64'));
}

describe('Twilio SMS adapter against the sandbox, with the real twilio SDK', () => {
  let sandbox: TwilioSandbox;
  let settings: TwilioSmsSettings;

  beforeAll(async () => {
    sandbox = await startTwilioSandbox({ accountSid: ACCOUNT, authToken: TOKEN });
    settings = {
      accountSid: ACCOUNT,
      authToken: TOKEN,
      apiBaseUrl: sandbox.url,
      timeoutMs: 2000,
      defaultFrom: FROM,
    };
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.clear());

  it('sends a message that arrives in the sandbox with the right fields', async () => {
    const sender = createTwilioSmsSender(settings);
    const result = await sender.send({
      to: '+1 (415) 555-2671',
      body: 'Your sign-in code is 123456',
      statusCallbackUrl: 'http://127.0.0.1:8003/twilio/status',
    });

    expect(result).toEqual({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: SmsStatus.QUEUED,
      segments: 1,
    });
    expect(sandbox.messages()).toEqual([
      expect.objectContaining({
        sid: result.sid,
        accountSid: ACCOUNT,
        to: '+14155552671',
        from: FROM,
        body: 'Your sign-in code is 123456',
        statusCallback: 'http://127.0.0.1:8003/twilio/status',
      }),
    ]);
  });

  it('uses the given sender over the default one, and reports the segments Twilio counted', async () => {
    const sender = createTwilioSmsSender(settings);
    const result = await sender.send({ to: '+447911123456', from: '+14155550123', body: 'é'.repeat(200) });
    expect(result.segments).toBe(2);
    expect(sandbox.messages({ to: '+447911123456' })[0]?.from).toBe('+14155550123');
  });

  it('refuses a number that is not a phone number before calling Twilio (SMS_INVALID_NUMBER)', async () => {
    const sender = createTwilioSmsSender(settings);
    for (const to of ['12345', '0612345678', 'not a phone', '+15555550100']) {
      const err = await failure(() => sender.send({ to, body: 'hi' }));
      expect(err.code).toBe(SmsErrorCode.SMS_INVALID_NUMBER);
      expect(err.details).toEqual({ field: 'to' });
    }
    expect(sandbox.messages()).toHaveLength(0);
  });

  it('maps the number Twilio refuses (21211) to SMS_INVALID_NUMBER', async () => {
    const err = await failure(() => createTwilioSmsSender(settings).send({ to: '+15005550001', body: 'hi' }));
    expect(err.code).toBe(SmsErrorCode.SMS_INVALID_NUMBER);
    expect(err.details).toEqual({ providerCode: 21211 });
    expect((err.cause as Error).message).toContain('error 21211');
  });

  it('maps an unsubscribed recipient (21610) to SMS_REJECTED', async () => {
    const err = await failure(() => createTwilioSmsSender(settings).send({ to: '+15005550004', body: 'hi' }));
    expect(err.code).toBe(SmsErrorCode.SMS_REJECTED);
    expect(err.details).toEqual({ providerCode: 21610 });
  });

  it('refuses an empty or over-long body (SMS_INVALID_BODY) before calling Twilio', async () => {
    const sender = createTwilioSmsSender(settings);
    expect((await failure(() => sender.send({ to: '+14155552671', body: '' }))).code).toBe(
      SmsErrorCode.SMS_INVALID_BODY,
    );
    expect((await failure(() => sender.send({ to: '+14155552671', body: 'a'.repeat(1601) }))).code).toBe(
      SmsErrorCode.SMS_INVALID_BODY,
    );
    expect(sandbox.messages()).toHaveLength(0);
  });

  it('reports a wrong auth token as SMS_MISCONFIGURED naming the variables, never the token', async () => {
    const wrong = 'wrong-token-that-must-not-leak';
    const sender = createTwilioSmsSender({ ...settings, authToken: wrong });
    const err = await failure(() => sender.send({ to: '+14155552671', body: 'hi' }));
    expect(err.code).toBe(SmsErrorCode.SMS_MISCONFIGURED);
    expect(err.details).toBeUndefined();
    expect((err.cause as Error).message).toBe(
      `Twilio answered HTTP 401, error 20003: Authenticate (check TWILIO_ACCOUNT_SID ${ACCOUNT} and TWILIO_AUTH_TOKEN)`,
    );
    expectNoSecret(err, wrong);
    expect(sandbox.messages()).toHaveLength(0);
  });

  it('lists and fetches messages through the SDK (paging via next_page_uri goes to the sandbox too)', async () => {
    const sender = createTwilioSmsSender(settings);
    const sids: string[] = [];
    for (let i = 1; i <= 5; i += 1) sids.push((await sender.send({ to: '+14155552671', body: `m${i}` })).sid);
    await sender.send({ to: '+447911123456', body: 'elsewhere' });

    const client = createTwilioClient(settings);
    const listed = await client.messages.list({ to: '+14155552671', pageSize: 2, limit: 10 });
    expect(listed.map((m) => m.body)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect(listed[0]).toMatchObject({
      sid: sids[4],
      to: '+14155552671',
      from: FROM,
      status: 'queued',
      numSegments: '1',
    });
    expect(listed[0]?.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(listed[0]?.dateCreated.getTime())).toBe(false);

    const fetched = await client.messages(sids[0] ?? '').fetch();
    expect(fetched).toMatchObject({
      sid: sids[0],
      body: 'm1',
      accountSid: ACCOUNT,
      direction: 'outbound-api',
    });

    const missing = await client
      .messages(`SM${'f'.repeat(32)}`)
      .fetch()
      .then(
        () => undefined,
        (err: { status?: number; code?: number }) => err,
      );
    expect(missing).toMatchObject({ status: 404, code: 20404 });
  });

  it('works from the configuration defaults when TWILIO_API_BASE_URL points at a default sandbox', async () => {
    const defaults = await startTwilioSandbox();
    try {
      const sender = createSmsSender(
        loadConfig({
          NODE_ENV: 'test',
          TWILIO_API_BASE_URL: defaults.url,
          TWILIO_REQUEST_TIMEOUT_MS: '2000',
        }),
      );
      const result = await sender.send({ to: '+33612345678', body: 'Code 654321' });
      expect(defaults.messages()).toEqual([
        expect.objectContaining({
          sid: result.sid,
          to: '+33612345678',
          from: '+15005550006',
          body: 'Code 654321',
        }),
      ]);
    } finally {
      await defaults.stop();
    }
  });
});

describe('Twilio SMS adapter when Twilio is unreachable', () => {
  const settingsFor = (url: string, timeoutMs: number): TwilioSmsSettings => ({
    accountSid: ACCOUNT,
    authToken: TOKEN,
    apiBaseUrl: url,
    timeoutMs,
    defaultFrom: FROM,
  });

  it('fails fast with SMS_UNAVAILABLE when nothing listens, without leaking the token', async () => {
    const port = await freePort();
    const sender = createTwilioSmsSender(settingsFor(`http://127.0.0.1:${port}`, 2000));
    const started = Date.now();
    const err = await failure(() => sender.send({ to: '+14155552671', body: 'hi' }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err.code).toBe(SmsErrorCode.SMS_UNAVAILABLE);
    expect((err.cause as Error).message).toBe('Twilio request failed (ECONNREFUSED)');
    expectNoSecret(err, TOKEN);
  });

  it('gives up after the configured timeout when Twilio accepts but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const sender = createTwilioSmsSender(settingsFor(`http://127.0.0.1:${port}`, 300));
      const started = Date.now();
      const err = await failure(() => sender.send({ to: '+14155552671', body: 'hi' }));
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(2000);
      expect(err.code).toBe(SmsErrorCode.SMS_UNAVAILABLE);
      expectNoSecret(err, TOKEN);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('maps a Twilio server error (5xx) to SMS_UNAVAILABLE', async () => {
    const failing = http.createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 20503, message: 'Service Unavailable', more_info: '', status: 503 }));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const { port } = failing.address() as net.AddressInfo;
    try {
      const sender = createTwilioSmsSender(settingsFor(`http://127.0.0.1:${port}`, 2000));
      const err = await failure(() => sender.send({ to: '+14155552671', body: 'hi' }));
      expect(err.code).toBe(SmsErrorCode.SMS_UNAVAILABLE);
      expect((err.cause as Error).message).toContain('HTTP 503');
    } finally {
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
