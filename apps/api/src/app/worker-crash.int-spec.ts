import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gql, testServiceUrls, waitFor } from '@pa/server-testing';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { waitForOutput } from '../testing/child-output';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp } from '../testing/people';

const MAIN = path.resolve(__dirname, '../../../../dist/server/apps/worker/src/main.js');
// JOBS_LOCK_MS + JOBS_STALLED_CHECK_MS with the defaults (docs/reliability.md).
const RECOVERY_BOUND_MS = 5000 + 4000;

describe('a worker that dies mid-job (dist build, SIGKILL)', () => {
  let t: TestApi;
  let catcher: SmtpCatcher;
  let llm: Server;
  const held: ServerResponse[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
    // A model endpoint that never answers: the first worker is stuck inside the job when it is killed.
    llm = createServer((_req: IncomingMessage, res: ServerResponse) => void held.push(res));
    await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const res of held) res.destroy();
    await new Promise((resolve) => llm?.close(resolve));
    await catcher?.stop();
    await t?.close();
  });

  function startWorkerProcess(extra: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: t.database.url,
        REDIS_URL: testServiceUrls().redisUrl,
        REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX,
        SMTP_URL: catcher.smtpUrl,
        SHUTDOWN_TIMEOUT_MS: '2000',
        // Two workers at once: each its own free ops port.
        WORKER_PORT: '0',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(child);
    return child;
  }

  it('has its job retried by another worker within JOBS_LOCK_MS + JOBS_STALLED_CHECK_MS, answered once', async () => {
    const p = await signUp(t);
    // The model path answers premium people only (assistant:advanced:own).
    await t.runtime.dataSource.query(
      `INSERT INTO user_roles (user_id, role) VALUES ($1, 'premium')
       ON CONFLICT (user_id) DO UPDATE SET role = 'premium'`,
      [p.id],
    );
    const doomed = startWorkerProcess({
      ASSISTANT_LLM_URL: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`,
      ASSISTANT_LLM_TIMEOUT_MS: '60000',
    });
    await waitForOutput(doomed, /"worker started"/, 20_000);
    const conversation = await gql<{ createConversation: { id: string } }>(
      t.url,
      `mutation { createConversation(title: "Crash") { id } }`,
      undefined,
      p.headers,
    );
    const conversationId = conversation.body.data?.createConversation.id ?? '';
    const sent = await gql<{ sendMessage: { id: string } }>(
      t.url,
      `mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      {
        input: {
          conversationId,
          body: 'I feel lost today, where do I start?',
          clientId: `crash-${Date.now()}`,
        },
      },
      p.headers,
    );
    const messageId = sent.body.data?.sendMessage.id ?? '';
    expect(messageId).not.toBe('');
    // The job is running in the doomed worker (it is waiting for the model).
    await waitFor(
      () => held.length,
      (n) => n >= 1,
      10_000,
    );
    // Another replica, already running, must take the job over once the first one's lock lapses.
    const survivor = startWorkerProcess({});
    await waitForOutput(survivor, /"worker started"/, 20_000);

    const killedAt = Date.now();
    doomed.kill('SIGKILL');
    const replies = async () =>
      (
        (await t.runtime.dataSource.query(
          `SELECT count(*)::int AS n FROM messages WHERE user_id = $1 AND client_id = $2`,
          [p.id, `reply-${messageId}`],
        )) as { n: number }[]
      )[0]?.n ?? 0;
    await waitFor(replies, (n) => n >= 1, RECOVERY_BOUND_MS + 6000);
    const recoveredMs = Date.now() - killedAt;
    // The bound plus the answer itself: the survivor's first reply (a cold brain, its first queries)
    // took up to ~3 s on a 2-core CI machine (12.2 s once against the 11 s this allowed before).
    expect(recoveredMs).toBeLessThan(RECOVERY_BOUND_MS + 4000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await replies()).toBe(1);
  }, 60_000);
});
