import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
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

const DIST = path.resolve(__dirname, '../../../../dist/server/apps');
const API_MAIN = path.join(DIST, 'api/src/main.js');
const WORKER_MAIN = path.join(DIST, 'worker/src/main.js');
const ROUTER_MAIN = path.join(DIST, 'sms-router/src/main.js');

/** One span as an OTLP/HTTP JSON export carries it, with the exporting process's service name. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean | undefined>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

// OTLP JSON carries ids as hex; accept base64 too (the protobuf-JSON mapping) so the test reads either.
const hexId = (id: string | undefined) =>
  !id ? '' : /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
const valueOf = (v: OtlpValue) =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.doubleValue));

/** A local OTLP/HTTP receiver (JSON): what the SDK's exporter really sends, collected span by span. */
async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue;
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({
              service: service ?? '',
              traceId: hexId(s.traceId),
              spanId: hexId(s.spanId),
              parentSpanId: hexId(s.parentSpanId),
              name: s.name,
              kind: s.kind,
              attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, valueOf(a.value)])),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('tracing across the API, the queue and the worker (dist build, real processes)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let database: TestDatabase;
  const children: ChildProcess[] = [];
  const output = new Map<ChildProcess, string>();
  const prefix = `test:tracing:${process.pid}:`;

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await new Promise((resolve) => receiver?.server.close(resolve));
    await database?.drop();
    await deleteKeys(testServiceUrls().redisUrl, prefix);
  });

  function start(main: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [main], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        REDIS_URL: testServiceUrls().redisUrl,
        REDIS_KEY_PREFIX: prefix,
        SHUTDOWN_TIMEOUT_MS: '3000',
        WORKER_PORT: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    output.set(child, '');
    const keep = (c: Buffer) => output.set(child, (output.get(child) ?? '') + c.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  }

  it('gives one sendMessage, its assistant.reply job and their database work one trace id', async () => {
    receiver = await startOtlpReceiver();
    database = await createTestDatabase('tracing');
    const port = await freePort();
    const api = start(API_MAIN, { PORT: String(port), LOG_LEVEL: 'info' });
    await waitForOutput(api, /"api ready"/, 60_000);
    // The API migrated the database; the worker answers messages in it. Debug: its job lines show.
    const worker = start(WORKER_MAIN, { LOG_LEVEL: 'debug', SMTP_URL: 'smtp://127.0.0.1:9' });
    await waitForOutput(worker, /"worker started"/, 60_000);

    const url = `http://127.0.0.1:${port}`;
    const registered = await gql<{ register: { accessToken: string } }>(
      url,
      `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email: `traced.${process.pid}@example.test`,
          password: TEST_PASSWORD,
          displayName: 'Traced',
          timeZone: 'Europe/Paris',
          ...ACCEPTED_CONSENTS,
          refreshTokenIn: 'BODY',
        },
      },
    );
    const token = registered.body.data?.register.accessToken;
    if (!token) throw new Error(`sign-up failed: ${JSON.stringify(registered.body.errors)}`);
    const auth = { authorization: `Bearer ${token}` };
    const created = await gql<{ createConversation: { id: string } }>(
      url,
      'mutation CreateConversation { createConversation { id } }',
      {},
      auth,
    );
    const conversationId = created.body.data?.createConversation.id;
    // A body that must not reach any span: variables are never recorded.
    const secretBody = `remind me about the tracing-secret-${process.pid}`;
    const sent = await gql<{ sendMessage: { id: string } }>(
      url,
      `mutation SendMessage($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body: secretBody, clientId: `trace-${process.pid}` } },
      auth,
    );
    const messageId = sent.body.data?.sendMessage.id;
    if (!messageId) throw new Error(`sendMessage failed: ${JSON.stringify(sent.body.errors)}`);

    // The worker stored the answer (its client id names the message it answers).
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await waitFor(
        async () =>
          (await client.query(`SELECT 1 FROM messages WHERE client_id = $1`, [`reply-${messageId}`]))
            .rowCount,
        (n) => n === 1,
        20_000,
      );
    } finally {
      await client.end();
    }
    // A clean stop flushes what each process still buffers.
    expect(await stopChild(worker)).toBe(0);
    expect(await stopChild(api)).toBe(0);

    const { spans } = receiver;
    const isPostgres = (s: ReceivedSpan) =>
      (s.attributes['db.system.name'] ?? s.attributes['db.system']) === 'postgresql';
    const execute = spans.find((s) => s.service === 'pa-api' && s.name === 'mutation SendMessage');
    if (!execute) {
      throw new Error(
        `no "mutation SendMessage" span among: ${spans.map((s) => `${s.service}/${s.name}`).join(', ')}`,
      );
    }
    const traceId = execute.traceId;
    const trace = spans.filter((s) => s.traceId === traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (s: ReceivedSpan) => {
      const out: ReceivedSpan[] = [];
      let at = byId.get(s.parentSpanId);
      for (let i = 0; at && i < 100; i++) {
        out.push(at);
        at = byId.get(at.parentSpanId);
      }
      return out;
    };

    // The GraphQL operation is named, its document kept with no variable values.
    expect(execute.attributes['graphql.operation.name']).toBe('SendMessage');
    expect(JSON.stringify(spans)).not.toContain('tracing-secret');
    // The HTTP request the operation came in on is its ancestor (one tree from the edge).
    expect(ancestors(execute).some((s) => s.service === 'pa-api' && s.kind === 2)).toBe(true);
    // The API's PostgreSQL work for this request is in the trace.
    expect(trace.some((s) => s.service === 'pa-api' && isPostgres(s))).toBe(true);
    // The enqueue (PRODUCER, kind 4) and the worker's job (CONSUMER, kind 5) below it.
    const publish = trace.find((s) => s.service === 'pa-api' && s.name === 'assistant.reply publish');
    expect(publish?.kind).toBe(4);
    const job = trace.find((s) => s.service === 'pa-worker' && s.name === 'assistant.reply process');
    if (!job) {
      throw new Error(
        `no worker job span in trace ${traceId}: ${trace.map((s) => `${s.service}/${s.name}`).join(', ')}`,
      );
    }
    expect(job.kind).toBe(5);
    expect(job.parentSpanId).toBe(publish?.spanId);
    expect(ancestors(job)).toContain(publish);
    // The worker's database work for the job hangs under the job span.
    const workerQueries = trace.filter((s) => s.service === 'pa-worker' && isPostgres(s));
    expect(workerQueries.length).toBeGreaterThan(0);
    for (const q of workerQueries) expect(ancestors(q)).toContain(job);
    // The worker's log lines written inside the job carry the trace id.
    const jobLines = (output.get(worker) ?? '')
      .split('\n')
      .filter((l) => l.includes('"job done"'))
      .map((l) => JSON.parse(l) as { traceId?: string; queue?: string });
    expect(jobLines.find((l) => l.queue === 'assistant.reply')?.traceId).toBe(traceId);
  }, 180_000);
});

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

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  // What a process loads decides what it costs: with tracing off, not one module of the SDK.
  function loadedOtelModules(env: Record<string, string>): string[] {
    const script = `
      require(${JSON.stringify(path.join(DIST, 'api/src/instrument.js'))});
      require(${JSON.stringify(path.join(DIST, 'api/src/index.js'))});
      const names = Object.keys(require.cache)
        .map((f) => /node_modules\\/(@opentelemetry\\/[^/]+)\\//.exec(f)?.[1])
        .filter(Boolean);
      process.stdout.write(JSON.stringify([...new Set(names)].sort()));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', ...env },
      timeout: 30_000,
    });
    return JSON.parse(out.toString()) as string[];
  }

  it('loads no module of the OpenTelemetry SDK, only the API package', () => {
    const off = loadedOtelModules({});
    expect(off.filter((m) => m !== '@opentelemetry/api')).toEqual([]);
    // The same check sees the SDK when tracing is on (so it can fail).
    const on = loadedOtelModules({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(on).toEqual(
      expect.arrayContaining(['@opentelemetry/sdk-trace-node', '@opentelemetry/instrumentation-pg']),
    );
  });
});
