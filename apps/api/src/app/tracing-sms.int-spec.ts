import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import {
  createTestDatabase,
  deleteKeys,
  gql,
  testServiceUrls,
  waitFor,
  type TestDatabase,
} from '@pa/server-testing';
import { freePort } from '@pa/server-core';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { waitForOutput } from '../testing/child-output';
import { TEST_PASSWORD, ACCEPTED_CONSENTS } from '../testing/people';
import { API_MAIN, WORKER_MAIN, ROUTER_MAIN, startOtlpReceiver, stopChild } from '../testing/otlp-receiver';

describe('tracing a text: Twilio webhook → router → reply job → sms.send job → Twilio (real processes)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let database: TestDatabase;
  let sandbox: TwilioSandbox;
  const children: ChildProcess[] = [];
  const prefix = `test:tracing-sms:${process.pid}:`;
  const output = new Map<ChildProcess, string>();

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await sandbox?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
    await database?.drop();
    await deleteKeys(testServiceUrls().redisUrl, prefix);
  });

  it('gives the inbound webhook, both jobs and the outgoing SDK request one trace id', async () => {
    receiver = await startOtlpReceiver();
    database = await createTestDatabase('tracing_sms');
    sandbox = await startTwilioSandbox({ port: 0, statusCallbackDelayMs: 20 });
    const [apiPort, routerPort] = [await freePort(), await freePort()];
    const env = {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: testServiceUrls().redisUrl,
      REDIS_KEY_PREFIX: prefix,
      SHUTDOWN_TIMEOUT_MS: '3000',
      TWILIO_API_BASE_URL: sandbox.url,
      SMS_ROUTER_PORT: String(routerPort),
      WORKER_PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    };
    const start = (main: string, extra: Record<string, string>) => {
      const child = spawn(process.execPath, [main], {
        env: { ...env, ...extra },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      output.set(child, '');
      const keep = (c: Buffer) => output.set(child, (output.get(child) ?? '') + c.toString());
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      return child;
    };
    const api = start(API_MAIN, { PORT: String(apiPort), LOG_LEVEL: 'info' });
    await waitForOutput(api, /"api ready"/, 60_000);
    const router = start(ROUTER_MAIN, { LOG_LEVEL: 'info' });
    const worker = start(WORKER_MAIN, { LOG_LEVEL: 'info', SMTP_URL: 'smtp://127.0.0.1:9' });
    await Promise.all([
      waitForOutput(router, /"SMS router listening"/, 60_000),
      waitForOutput(worker, /"worker started"/, 60_000),
    ]);

    // A person with a verified phone and a number of their own (bought from the sandbox by the API).
    const url = `http://127.0.0.1:${apiPort}`;
    const registered = await gql<{ register: { accessToken: string; user: { id: string } } }>(
      url,
      `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
      {
        input: {
          email: `texted.${process.pid}@example.test`,
          password: TEST_PASSWORD,
          displayName: 'Texted',
          timeZone: 'Europe/Paris',
          ...ACCEPTED_CONSENTS,
          refreshTokenIn: 'BODY',
        },
      },
    );
    const data = registered.body.data?.register;
    if (!data) throw new Error(`sign-up failed: ${JSON.stringify(registered.body.errors)}`);
    const phone = `+3361${String(process.pid % 1000).padStart(3, '0')}9901`;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
        [data.user.id, phone],
      );
    } finally {
      await client.end();
    }
    const claimed = await gql<{ claimPhoneNumber: { phoneNumber: string } }>(
      url,
      'mutation Claim { claimPhoneNumber { phoneNumber } }',
      {},
      { authorization: `Bearer ${data.accessToken}` },
    );
    const number = claimed.body.data?.claimPhoneNumber.phoneNumber;
    if (!number) throw new Error(`claim failed: ${JSON.stringify(claimed.body.errors)}`);

    // The phone texts the number; the sandbox calls the router's webhook, signed, as Twilio does.
    const sent = await fetch(`${sandbox.url}/sandbox/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: phone, to: number, body: 'buy oat milk' }),
    });
    expect(sent.status).toBe(202);
    await waitFor(
      () => sandbox.messages({ to: phone, from: number }).length,
      (n) => n > 0,
      30_000,
    );
    // The router's spans left long before (batches go every second). Its exit code is not this test's
    // business: after webhook traffic it is cut at the shutdown bound with or without tracing (an open
    // finding, see docs/operations.md).
    await stopChild(router);
    for (const c of [worker, api]) {
      const code = await stopChild(c);
      if (code !== 0) throw new Error(`a process exited ${code}:\n${(output.get(c) ?? '').slice(-3000)}`);
    }

    const { spans } = receiver;
    const reply = spans.find((s) => s.service === 'pa-worker' && s.name === 'assistant.reply process');
    if (!reply)
      throw new Error(`no reply job span: ${spans.map((s) => `${s.service}/${s.name}`).join(', ')}`);
    const trace = spans.filter((s) => s.traceId === reply.traceId);
    const names = trace.map((s) => `${s.service}/${s.name}/${s.kind}`);
    // The router's webhook request (SERVER) started it and queued the reply (PRODUCER).
    expect(names).toEqual(
      expect.arrayContaining([
        'pa-sms-router/POST/2',
        'pa-sms-router/assistant.reply publish/4',
        'pa-worker/sms.send publish/4',
        'pa-worker/sms.send process/5',
      ]),
    );
    // The twilio SDK's request to Twilio (CLIENT) inside the sms.send job.
    const send = trace.find((s) => s.name === 'sms.send process');
    const outgoing = trace.filter((s) => s.service === 'pa-worker' && s.kind === 3 && s.name === 'POST');
    expect(outgoing.some((s) => s.parentSpanId === send?.spanId)).toBe(true);
  }, 180_000);
});
