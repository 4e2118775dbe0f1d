import webpush from 'web-push';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startPushSandbox, type PushSandbox, type SandboxSubscription } from '@pa/push-sandbox';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import type { PushPayload } from '@pa/server-push';
import { startTestApi, type TestApi } from './test-api';
import { as, signUp, type Person } from './people';

/**
 * The real API and worker on PostgreSQL and Redis, sending pushes to the local push service stand-in
 * (which checks each VAPID JWT and decrypts each payload with the subscription's private key).
 */
export interface PushStack {
  t: TestApi;
  sandbox: PushSandbox;
  worker: WorkerAppHandle;
  /** Someone with no quiet hours (the default ones would hold pushes at night). */
  person(): Promise<Person>;
  /** A browser of theirs, subscribed through the API. */
  device(p: Person, name?: string): Promise<{ sub: SandboxSubscription; id: string }>;
  /** What a device was shown, decrypted, in order. */
  payloads(sub: SandboxSubscription): PushPayload[];
  close(): Promise<void>;
}

export async function startPushStack(env: Record<string, string> = {}): Promise<PushStack> {
  const vapid = webpush.generateVAPIDKeys();
  const sandbox = await startPushSandbox({ port: 0, vapidPublicKey: vapid.publicKey });
  const t = await startTestApi({
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:push-tests@example.test',
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
    JOBS_BACKOFF_MS: '50',
    REDIS_COMMAND_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'error',
    ...env,
  });
  const mail: SmtpMailSender = createSmtpMailSender({ ...t.config, SMTP_URL: 'smtp://127.0.0.1:9' });
  const worker = await startWorker({ runtime: t.runtime, mail });
  return {
    t,
    sandbox,
    worker,
    async person() {
      const p = await signUp(t);
      await t.runtime.dataSource.query(
        `UPDATE preferences SET quiet_hours_start = NULL, quiet_hours_end = NULL WHERE user_id = $1`,
        [p.id],
      );
      return p;
    },
    async device(p, name = 'Phone') {
      const sub = sandbox.subscribe();
      const res = await as<{ subscribePush: { id: string } }>(
        t,
        p,
        `mutation S($input: SubscribePushInput!) { subscribePush(input: $input) { id } }`,
        { input: { endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, deviceName: name } },
      );
      const id = res.body.data?.subscribePush.id;
      if (!id) throw new Error(JSON.stringify(res.body.errors));
      return { sub, id };
    },
    payloads: (sub) => sandbox.messages(sub.id).map((m) => JSON.parse(m.payload) as PushPayload),
    async close() {
      await worker.stop();
      mail.close();
      await t.close();
      await sandbox.stop();
    },
  };
}
