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
import { waitForOutput } from '../testing/child-output';
import { TEST_PASSWORD, ACCEPTED_CONSENTS } from '../testing/people';
import {
  API_MAIN,
  WORKER_MAIN,
  startOtlpReceiver,
  stopChild,
  type ReceivedSpan,
} from '../testing/otlp-receiver';

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
