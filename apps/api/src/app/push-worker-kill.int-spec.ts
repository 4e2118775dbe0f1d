import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import webpush from 'web-push';
import type { Queue } from 'bullmq';
import { createJobBackend } from '@pa/server-jobs';
import type { Runtime } from '@pa/server-core';
import { startPushSandbox, type PushSandbox } from '@pa/push-sandbox';
import { testServiceUrls, waitFor } from '@pa/server-testing';
import type { PushPayload } from '@pa/server-push';
import { waitForOutput } from '../testing/child-output';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, signUp } from '../testing/people';

const WORKER = path.resolve(__dirname, '../../../../dist/server/apps/worker/src/main.js');

// A worker process SIGKILLed in the middle of an escalation step (its push sent, the push service
// not yet answered): the job's lock lapses, another worker process runs the step again, and the
// person still gets that nudge once. Needs the dist build (`npx nx run api:build`).
describe('escalation survives a SIGKILLed worker without doubling a nudge', () => {
  let sandbox: PushSandbox;
  let t: TestApi;
  const workers: ChildProcess[] = [];
  const vapid = webpush.generateVAPIDKeys();

  beforeAll(async () => {
    sandbox = await startPushSandbox({ port: 0 });
    t = await startTestApi({
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: 'mailto:push-tests@example.test',
      RATE_LIMIT_REGISTER_PER_HOUR: '10000',
      REDIS_COMMAND_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'error',
    });
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await t?.close();
    await sandbox?.stop();
  });

  function startWorkerProcess(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [WORKER], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: t.config.DATABASE_URL ?? '',
        REDIS_URL: testServiceUrls().redisUrl,
        REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX,
        SMTP_URL: 'smtp://127.0.0.1:9',
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:push-tests@example.test',
        DB_MIGRATE_ON_START: 'false',
        WORKER_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    return waitForOutput(child, /"worker ready"/, 30_000).then(() => child);
  }

  it('one nudge for the step, although the worker that sent it died before the answer', async () => {
    let worker = await startWorkerProcess();
    const p = await signUp(t);
    await t.runtime.dataSource.query(
      `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL, escalation = $2 WHERE user_id = $1`,
      [p.id, JSON.stringify([{ afterMinutes: 1, channel: 'push' }])],
    );
    const sub = sandbox.subscribe();
    await as(t, p, `mutation S($input: SubscribePushInput!) { subscribePush(input: $input) { id } }`, {
      input: { endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, deviceName: 'Phone' },
    });
    const created = await as<{ createReminder: { id: string } }>(
      t,
      p,
      `mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }`,
      { input: { text: 'stand up', dueAt: new Date(Date.now() + 300).toISOString() } },
    );
    const id = created.body.data?.createReminder.id ?? '';
    const pushes = () => sandbox.messages(sub.id).map((m) => JSON.parse(m.payload) as PushPayload);
    await waitFor(pushes, (m) => m.length === 1, 30_000);

    // The push service now takes 60 s to answer; the step's push is sent and the worker is killed.
    sandbox.hold(sub.id, 60_000);
    const queue = escalationQueue(t.runtime);
    try {
      const [step] = await waitFor(
        async () =>
          (await queue.getDelayed()).filter((j) => (j.data as { reminderId?: string }).reminderId === id),
        (jobs) => jobs.length === 1,
      );
      await step?.promote();
      await waitFor(pushes, (m) => m.length === 2, 30_000);
      worker.kill('SIGKILL');
      await new Promise((r) => worker.once('exit', r));

      // Another worker takes over; the step's job is stalled (lock lost) and runs again there.
      worker = await startWorkerProcess();
      const done = await waitFor(
        async () => (step?.id ? await queue.getJob(step.id) : undefined),
        (j) => !!j?.finishedOn,
        90_000,
      );
      expect(done?.finishedOn).toBeGreaterThan(0);
    } finally {
      await queue.close();
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(pushes().map((m) => m.step)).toEqual([0, 1]);
    const rows = (await t.runtime.dataSource.query(
      `SELECT step, channel FROM reminder_deliveries WHERE reminder_id = $1 ORDER BY step, channel`,
      [id],
    )) as { step: number; channel: string }[];
    expect(rows).toEqual([
      { step: 0, channel: 'in_app' },
      { step: 0, channel: 'push' },
      { step: 1, channel: 'push' },
    ]);
    worker.kill('SIGTERM');
  }, 180_000);
});

/** The escalation queue as BullMQ's Queue: these tests run on Redis, whose handle is one (to promote jobs). */
function escalationQueue(runtime: Runtime): Queue {
  return createJobBackend(runtime).queue('reminder.escalate', {}) as unknown as Queue;
}
