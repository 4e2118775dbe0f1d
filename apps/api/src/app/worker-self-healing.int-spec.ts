import { findRedisServer, startRedisServer, type SpawnedRedis } from '@pa/server-core';
import { ConversationService } from '@pa/server-conversations';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { gql, waitFor } from '@pa/server-testing';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, type Person } from '../testing/people';

// The bounds these tests hold the worker to (docs/reliability.md, "Self-healing bounds").
const STORE_CHECK_MS = 1000;
const SWEEP_INTERVAL_S = 5;

describe('the worker heals itself when Redis loses its data (own redis-server, SIGKILLed)', () => {
  let redis: SpawnedRedis;
  let t: TestApi;
  let catcher: SmtpCatcher;
  let mail: SmtpMailSender;
  let worker: WorkerAppHandle;

  beforeAll(async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('this test needs redis-server on PATH');
    redis = await startRedisServer(binary);
    t = await startTestApi({
      REDIS_URL: redis.url,
      JOBS_STORE_CHECK_MS: String(STORE_CHECK_MS),
      JOBS_SWEEP_INTERVAL_S: String(SWEEP_INTERVAL_S),
      JOBS_BACKOFF_MS: '100',
    });
    catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
    mail = createSmtpMailSender({ ...t.config, SMTP_URL: catcher.smtpUrl });
    worker = await startWorker({ runtime: t.runtime, mail });
    await worker.reconciled;
  });
  afterAll(async () => {
    await worker?.stop();
    mail?.close();
    await catcher?.stop();
    await t?.close();
    await redis?.stop();
  });

  async function quietPerson(): Promise<Person> {
    const p = await signUp(t);
    await t.runtime.dataSource.query(
      `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
      [p.id],
    );
    return p;
  }

  async function restartRedisEmpty(): Promise<void> {
    await redis.kill();
    const binary = findRedisServer() ?? 'redis-server';
    redis = await startRedisServer(binary, undefined, 10_000, redis.port);
  }

  const count = async (sql: string, params: unknown[]) =>
    ((await t.runtime.dataSource.query(sql, params)) as { n: number }[])[0]?.n ?? 0;

  it('fires a reminder queued before Redis restarted empty, once, on time, without a worker restart', async () => {
    const p = await quietPerson();
    const dueAt = new Date(Date.now() + 4000);
    const created = await gql<{ createReminder: { id: string } }>(
      t.url,
      `mutation C($input: CreateReminderInput!) { createReminder(input: $input) { id } }`,
      { input: { text: 'take the meds', dueAt: dueAt.toISOString() } },
      p.headers,
    );
    expect(created.body.errors).toBeUndefined();

    // The delayed job lived only in Redis: a crash without persistence forgets it.
    await restartRedisEmpty();

    const delivered = () =>
      count(`SELECT count(*)::int AS n FROM messages WHERE user_id = $1 AND body LIKE '⏰%take the meds%'`, [
        p.id,
      ]);
    await waitFor(delivered, (n) => n >= 1, 15_000);
    const late = Date.now() - dueAt.getTime();
    // Bound: the reconnect (≤ 2 s) + one sentinel check, then the job's own remaining delay.
    expect(late).toBeLessThan(2000 + STORE_CHECK_MS + 2000);
    // A sweep later, still once.
    await new Promise((r) => setTimeout(r, SWEEP_INTERVAL_S * 1000 + 500));
    expect(await delivered()).toBe(1);
  }, 40_000);

  it('answers a stored message whose reply job was never queued, within a sweep interval', async () => {
    const p = await quietPerson();
    const conversations = new ConversationService(t.runtime.dataSource, t.runtime.pubSub);
    const conversation = await conversations.create(p.id, 'Lost work');
    // Stored, but the enqueue that follows it never happened (a crash right after the commit).
    const { message } = await conversations.send(p.id, {
      conversationId: conversation.id,
      body: 'todo: water the plants',
      clientId: `lost-${Date.now()}`,
    });
    const stored = Date.now();
    const replies = () =>
      count(`SELECT count(*)::int AS n FROM messages WHERE user_id = $1 AND client_id = $2`, [
        p.id,
        `reply-${message.id}`,
      ]);
    await waitFor(replies, (n) => n >= 1, SWEEP_INTERVAL_S * 1000 + 5000);
    expect(Date.now() - stored).toBeLessThan(SWEEP_INTERVAL_S * 1000 + 3000);
    await new Promise((r) => setTimeout(r, SWEEP_INTERVAL_S * 1000 + 500));
    expect(await replies()).toBe(1);
  }, 40_000);
});
