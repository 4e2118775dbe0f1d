import { productMetrics, startOpsServer, type OpsServer, type Runtime } from '@pa/server-core';
import {
  ActionTokens,
  AssistantService,
  BuiltInBrain,
  ReminderDeliveryService,
  registerReminderDeliveryJobs,
  GatedBrain,
  OpenAiCompatibleBrain,
  QueueReminderScheduler,
  ReminderService,
  TaskService,
  queueNextCheckIn,
  reconcileAssistantJobs,
  registerAssistantJobs,
  sweepAssistantJobs,
  type AssistantBrain,
} from '@pa/server-assistant';
import { ConversationService } from '@pa/server-conversations';
import { AuthService, SecretBox } from '@pa/server-auth';
import {
  WebhookPublisher,
  connectWebhookEvents,
  reminderFiredEvent,
  registerWebhookJobs,
  urlPolicyOf,
} from '@pa/server-webhooks';
import { AccessService } from '@pa/server-rbac';
// Also brings the preferencesChanged topic (declared by the users library) into the typed topic map.
import {
  AccountDeletion,
  AccountEraser,
  DataExportBuilder,
  RetentionService,
  forgetQueuedJobs,
  registerErasureJobs,
  registerExportJobs,
  removeExportFiles,
} from '@pa/server-users';
import type { MailSender } from '@pa/server-mail';
import {
  NumberService,
  SmsOutbox,
  createTwilioAccount,
  reconcileSmsJobs,
  registerSmsJobs,
  smsWebhookSettings,
} from '@pa/server-sms-routing';
import { createSmsSender, twilioSmsSettingsFromConfig } from '@pa/server-sms';
import {
  createPushService,
  pushMetrics,
  registerPushJobs,
  type PushPayload,
  type PushSender,
} from '@pa/server-push';
import {
  createEmailSendProcessor,
  createIdempotencyStore,
  createJobQueue,
  createJobWorkers,
  watchJobStore,
  type JobQueue,
  type JobStoreWatch,
  type JobsConfig,
} from '@pa/server-jobs';

export interface StartWorkerOptions {
  runtime: Runtime;
  mail: MailSender;
  /** Overrides of the JOBS_* settings (tests use short backoffs). */
  settings?: Partial<JobsConfig>;
  /** How long stop() waits for running jobs. Default SHUTDOWN_TIMEOUT_MS. */
  drainTimeoutMs?: number;
  /** The clock of the assistant (tests inject one). */
  now?: () => Date;
  /** Another Web Push sender (benchmarks); default: web-push with the configured VAPID keys. */
  pushSender?: PushSender;
  /**
   * Serve `/healthz`, `/readyz` and `/metrics` on this port (0: any free one). Without it the worker
   * opens no port (it runs inside another process that serves them, e.g. tests).
   */
  port?: number;
}

export interface WorkerAppHandle {
  /** The worker's own producer (its queues' depth is reported in metrics through it). */
  queue: JobQueue;
  /** The assistant as this worker runs it. */
  assistant: AssistantService;
  /** Settles once the queue has been reconciled with PostgreSQL (reminders, check-ins, unanswered messages). */
  reconciled: Promise<unknown>;
  /** Watches the job store while the worker runs (Redis data loss, periodic sweep). */
  storeWatch: JobStoreWatch;
  /** Base URL of the operations port (`/healthz`, `/readyz`, `/metrics`) when `port` was given. */
  opsUrl: string | undefined;
  /**
   * Stops taking jobs, waits for the running ones (bounded by drainTimeoutMs; past it they are cut and
   * retried later by any worker), closes the queues. Does not close the runtime or the mail sender.
   */
  stop(): Promise<{ drained: boolean }>;
}

/** Starts every job processor of the product over an already connected runtime. */
export async function startWorker(options: StartWorkerOptions): Promise<WorkerAppHandle> {
  const { runtime, mail, settings } = options;
  const { config, logger } = runtime;
  const queue = createJobQueue(runtime, { ...(settings ? { settings } : {}) });
  const workers = createJobWorkers(runtime, { ...(settings ? { settings } : {}), queue });
  const now = options.now ?? (() => new Date());
  const { dataSource: ds, pubSub } = runtime;
  const builtIn = new BuiltInBrain();
  // The model path answers only people whose role grants assistant:advanced:own (premium).
  const brain: AssistantBrain = config.ASSISTANT_LLM_URL
    ? new GatedBrain({
        advanced: new OpenAiCompatibleBrain({
          baseUrl: config.ASSISTANT_LLM_URL,
          ...(config.ASSISTANT_LLM_API_KEY ? { apiKey: config.ASSISTANT_LLM_API_KEY } : {}),
          model: config.ASSISTANT_LLM_MODEL,
          timeoutMs: config.ASSISTANT_LLM_TIMEOUT_MS,
          fallback: builtIn,
        }),
        basic: builtIn,
      })
    : builtIn;
  const product = productMetrics(runtime.metrics);
  const scheduler = new QueueReminderScheduler(queue, () => now().getTime());
  const reminders = new ReminderService(ds, pubSub, scheduler, now);
  const conversations = new ConversationService(ds, pubSub, product);
  const tasks = new TaskService(ds, pubSub, product);
  // The assistant's messages, the tasks it closes and the reminders answered in chat or by SMS raise
  // webhook events, like the API's writes.
  const webhookEvents = new WebhookPublisher(ds, queue, config, logger, runtime.metrics.registry);
  connectWebhookEvents(webhookEvents, { conversations, tasks, reminders });
  const assistant = new AssistantService(ds, brain, conversations, tasks, reminders, logger, now, product);
  const webhooks = smsWebhookSettings(config);
  const account = createTwilioAccount(twilioSmsSettingsFromConfig(config));
  const outbox = new SmsOutbox(ds, queue, logger, config.SMS_REPLIES_PER_HOUR, product);
  const checkEveryMs = config.SMS_WEBHOOK_CHECK_MINUTES * 60_000;
  const numbers = new NumberService(ds, account, webhooks, logger, now);
  // Erasures people asked for, once their grace period is over: the administrators' deletion path.
  const auth = new AuthService(runtime, queue, () => now().getTime());
  const deletion = new AccountDeletion(
    ds,
    auth,
    new AccessService(ds, pubSub, logger, runtime.redis),
    logger,
  );
  deletion.before.push((m, userId) => numbers.releaseAllOf(m, userId));
  deletion.before.push(removeExportFiles(config.DATA_DIR));
  deletion.after.push(forgetQueuedJobs(queue));
  const retention = new RetentionService(ds, () => now().getTime());
  const exports = new DataExportBuilder(ds, queue, config.DATA_DIR, webBaseUrl(config), logger, () =>
    now().getTime(),
  );
  const eraser = new AccountEraser(ds, deletion, auth.audit, logger, () => now().getTime());
  const push = createPushService(runtime, queue, options.pushSender);
  const lateness = pushMetrics(runtime.metrics).lateness;
  // Every reminder goes one path: in-app alert, push to each device, SMS when chosen, then escalation.
  const delivery = new ReminderDeliveryService(
    ds,
    pubSub,
    queue,
    {
      push,
      text: {
        textable: (userIds) => outbox.textable(userIds),
        send: async (userId, key, body, messageId) =>
          (await outbox.textPerson(userId, key, body, messageId)) === 'queued',
      },
    },
    new ActionTokens(config.JWT_SECRET, config.JWT_ISSUER, now),
    logger,
    now,
    (channel, seconds) => lateness.observe({ channel }, seconds),
    product,
  );
  // Check-ins and their follow-ups also reach the person's devices (push), beside SMS when chosen.
  // The check-in's gentle follow-up (the check-in's own push goes with its alert, see checkInDelivered).
  const pushFollowUp = async (message: { id: string; userId: string; body: string }) => {
    const [prefs] = (await ds.query(`SELECT reminder_channels FROM preferences WHERE user_id = $1`, [
      message.userId,
    ])) as { reminder_channels: string[] }[];
    if (!prefs?.reminder_channels.includes('push')) return;
    const payload: PushPayload = {
      v: 1,
      kind: 'checkin',
      reminderId: null,
      title: 'Check-in',
      body: message.body,
      tag: 'checkin',
      url: '/chat',
      occurrenceDueAt: null,
      step: 0,
      actionToken: null,
    };
    await push.sendToPerson(message.userId, payload, `followup-${message.id}`);
  };
  let preferenceEvents: AsyncIterator<unknown> | undefined;
  try {
    const idempotency = await createIdempotencyStore(runtime);
    workers.register(
      'email.send',
      createEmailSendProcessor({
        mail,
        idempotency,
        ttlMs: config.JOBS_IDEMPOTENCY_TTL_S * 1000,
        // Longer than the adapter's own bound on one send (3 × SMTP_TIMEOUT_MS).
        leaseMs: Math.max(60_000, config.SMTP_TIMEOUT_MS * 4),
      }),
    );
    // Fails start-up now, not at the first job, when the store is unreachable.
    await queue.counts('email.send');
    registerAssistantJobs({
      queue,
      workers,
      assistant,
      logger,
      now: () => now().getTime(),
      // Answers to texts go back by SMS; reminders and check-ins too when the person chose SMS.
      hooks: {
        replied: (sourceId, reply) => outbox.replyBySms(sourceId, reply),
        remindersDue: (items, until) => delivery.prepareMany(items, until),
        remindersFired: (fired) => {
          webhookEvents.publishMany(
            fired.map((f) => reminderFiredEvent(f.reminder, f.occurrenceDueAt, f.message.id)),
          );
          return delivery.dispatchMany(
            fired.map((f) => ({
              reminder: f.reminder,
              occurrenceDueAt: f.occurrenceDueAt,
              messageId: f.message.id,
            })),
          );
        },
        notified: (kind, message) =>
          Promise.all([
            outbox.notify(message),
            kind === 'followup'
              ? pushFollowUp(message).catch((err: unknown) => logger.error({ err }, 'follow-up push failed'))
              : undefined,
            // A check-in rings in the open app like a reminder (Open / Dismiss), recorded as a delivery,
            // and on the person's devices with a push that answers it.
            kind === 'checkin'
              ? delivery
                  .checkInDelivered(message.id)
                  .catch((err: unknown) => logger.error({ err }, 'check-in alert failed'))
              : undefined,
          ]),
      },
    });
    registerReminderDeliveryJobs(workers, delivery);
    registerErasureJobs(workers, eraser);
    registerExportJobs(workers, exports);
    registerPushJobs(workers, push);
    registerWebhookJobs(workers, {
      ds,
      box: SecretBox.fromConfig(config),
      jobs: queue,
      settings: config,
      policy: urlPolicyOf(config),
      logger,
    });
    registerSmsJobs({
      ds,
      queue,
      workers,
      outbox,
      sender: createSmsSender(config),
      account,
      numbers,
      statusCallbackUrl: webhooks.statusCallbackUrl,
      checkEveryMs,
      logger,
      now: () => now().getTime(),
    });
    // A changed check-in time or zone: the next check-in is queued for the new time (the old job
    // finds it no longer due and does nothing).
    const events = pubSub.subscribe('preferencesChanged')[Symbol.asyncIterator]();
    preferenceEvents = events;
    void (async () => {
      for (;;) {
        const next = await events.next();
        if (next.done) return;
        const { userId } = next.value;
        await queueNextCheckIn(queue, assistant, userId, now(), () => now().getTime()).catch((err: unknown) =>
          logger.error({ err, userId }, 'next check-in not queued'),
        );
      }
    })().catch((err: unknown) => logger.error({ err }, 'preferences listener stopped'));
    logger.info({ backend: queue.backend, idempotency: idempotency.kind, brain: brain.name }, 'worker ready');
  } catch (err) {
    await preferenceEvents?.return?.();
    await workers.stop(0);
    await queue.close();
    throw err;
  }
  const tick = () => now().getTime();
  const lookbackMs = config.JOBS_SWEEP_LOOKBACK_MINUTES * 60_000;
  // Due work within the lookback that is not queued (a lost enqueue, a flushed store).
  const privacySweep = async () => ({
    erased: await eraser.eraseAllDue(),
    exportsExpired: await exports.expire(),
    retention: await retention.run(),
  });
  const sweep = async () => ({
    ...(await sweepAssistantJobs({ ds, queue, assistant, scheduler, logger, lookbackMs, now: tick })),
    ...(await reconcileSmsJobs({ ds, queue, outbox, checkEveryMs, lookbackMs, now: tick })),
    // Due erasures whose job was lost, expired export files and the retention rules (docs/privacy.md).
    privacy: await privacySweep().catch((err: unknown) => {
      logger.error({ err }, 'privacy sweep failed');
      return null;
    }),
  });
  // Everything: future reminders and check-ins, the SMS chains, and what is due (the sweep).
  const reconcile = async () => {
    const assistantCounts = await reconcileAssistantJobs({
      ds,
      queue,
      assistant,
      reminders,
      scheduler,
      logger,
      now: tick,
    });
    const smsCounts = await reconcileSmsJobs({ ds, queue, outbox, checkEveryMs, now: tick });
    const swept = await sweep();
    return { ...assistantCounts, ...smsCounts, swept };
  };
  const storeWatch = watchJobStore({
    runtime,
    reconcile,
    sweep,
    checkEveryMs: config.JOBS_STORE_CHECK_MS,
    sweepEveryMs: config.JOBS_SWEEP_INTERVAL_S * 1000,
  });
  // The sentinel first: a loss during the start-up reconciliation is then seen by the next check.
  const reconciled = storeWatch.planted
    .then(reconcile)
    .catch((err: unknown) => logger.error({ err }, 'assistant reconciliation failed'));

  let ops: OpsServer | undefined;
  if (options.port !== undefined) {
    try {
      ops = await startOpsServer({
        runtime,
        port: options.port,
        // Ready when the job store answers too (the worker is useless without it).
        ready: async () => {
          await queue.counts('email.send');
          return { ok: true };
        },
      });
      logger.info({ url: ops.url }, 'worker health and metrics listening');
    } catch (err) {
      await storeWatch.stop();
      await preferenceEvents?.return?.();
      await workers.stop(0);
      await queue.close();
      throw err;
    }
  }

  let stopping: Promise<{ drained: boolean }> | undefined;
  return {
    queue,
    assistant,
    reconciled,
    storeWatch,
    opsUrl: ops?.url,
    stop() {
      stopping ??= (async () => {
        await storeWatch.stop();
        await preferenceEvents?.return?.();
        const result = await workers.stop(options.drainTimeoutMs ?? config.SHUTDOWN_TIMEOUT_MS);
        await webhookEvents.settled();
        await queue.close();
        // Last: /readyz and /metrics answer while the worker drains.
        await ops?.close();
        return result;
      })();
      return stopping;
    },
  };
}

/** Where links in emails point: the web app. */
function webBaseUrl(config: Runtime['config']): string {
  const { PUBLIC_WEB_URL, HOST, PORT } = config;
  return (PUBLIC_WEB_URL ?? `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${PORT}`).replace(/\/$/, '');
}
