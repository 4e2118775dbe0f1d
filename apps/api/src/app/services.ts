import { AuthService, SecretBox } from '@pa/server-auth';
import { WebhookPublisher, WebhookService, connectWebhookEvents, urlPolicyOf } from '@pa/server-webhooks';
import { createJobQueue, type JobQueue } from '@pa/server-jobs';
import { AccessService, AuditLogService, PersonalAccessTokenService } from '@pa/server-rbac';
import {
  AccountDeletion,
  AccountErasureService,
  AdminUsersService,
  ConsentService,
  DataExportService,
  PreferencesService,
  ProfileService,
  forgetQueuedJobs,
  removeExportFiles,
} from '@pa/server-users';
import { ConversationService, MessageSearchService } from '@pa/server-conversations';
import {
  ActionTokens,
  QueueReminderScheduler,
  ReminderAlertService,
  ReminderService,
  TaskService,
  AppointmentService,
  queueReply,
} from '@pa/server-assistant';
import { createPushService } from '@pa/server-push';
import { productMetrics, type Runtime, type Services } from '@pa/server-core';
import {
  NumberService,
  SmsUsageService,
  registerSmsMetrics,
  createTwilioAccount,
  smsWebhookSettings,
} from '@pa/server-sms-routing';
import { twilioSmsSettingsFromConfig } from '@pa/server-sms';

declare module '@pa/server-core' {
  interface Services {
    /** Where the API queues background work (emails, SMS, reminders) for the worker. */
    jobs: JobQueue;
    /** Raises webhook events from the API's writes (queued for the worker, never failing the write). */
    webhookEvents: WebhookPublisher;
  }
}

/** The feature services resolvers reach through `ctx.services`, one set per API instance. */
export function createServices(runtime: Runtime): Services {
  const { dataSource: ds, pubSub, logger, config } = runtime;
  const jobs = createJobQueue(runtime);
  const product = productMetrics(runtime.metrics);
  const auth = new AuthService(runtime, jobs);
  const access = new AccessService(ds, pubSub, logger, runtime.redis);
  access.start();
  const tokens = new PersonalAccessTokenService(
    ds,
    access,
    auth.audit,
    auth.rateLimits,
    pubSub,
    logger,
    runtime.redis,
  );
  // `Authorization: Bearer pat_…` (HTTP and WebSocket) is checked by the tokens feature.
  auth.personalAccessTokens = (token, client) => tokens.authenticate(token, client);
  const preferences = new PreferencesService(ds, auth.audit, pubSub);
  // Administrators can watch the audit trail live.
  auth.audit.recorded.push((id) => pubSub.publish('auditEntryAdded', { id }));
  // A new account gets its role and preferences in the transaction that creates it.
  auth.hooks.created.push(
    (m, user) => access.assignRole(m, user.id, 'user', null),
    (m, user, afterCommit) => {
      // The worker schedules the first check-in from the new preferences.
      afterCommit(() => pubSub.publish('preferencesChanged', { userId: user.id }));
      return preferences.createDefaults(m, user.id);
    },
  );
  const conversations = new ConversationService(ds, pubSub, product);
  // Every message a person sends gets an answer from the assistant, in the worker (one job per message).
  conversations.messageSent.push(async ({ message }) => {
    await queueReply(jobs, message.id).catch((err: unknown) =>
      // The message is stored; the worker's reconciliation queues the answer if this enqueue was lost.
      logger.error({ err, messageId: message.id }, 'assistant reply not queued'),
    );
  });
  // The first administrator of an installation: the configured address, once it is proven.
  auth.hooks.emailVerified.push(async (m, user, afterCommit) => {
    if (!config.INITIAL_ADMIN_EMAIL || user.email !== config.INITIAL_ADMIN_EMAIL) return;
    await access.assignRole(m, user.id, 'administrator', null);
    logger.warn({ userId: user.id }, 'INITIAL_ADMIN_EMAIL verified: this account is now an administrator');
    afterCommit(() => {
      access.changed(user.id).catch((err: unknown) => logger.error({ err }, 'access change not announced'));
    });
  });
  const numbers = new NumberService(
    ds,
    createTwilioAccount(twilioSmsSettingsFromConfig(config)),
    smsWebhookSettings(config),
    logger,
  );
  registerSmsMetrics(runtime.metrics, ds);
  const reminders = new ReminderService(ds, pubSub, new QueueReminderScheduler(jobs));
  const tasks = new TaskService(ds, pubSub, product);
  const reminderAlerts = new ReminderAlertService(
    ds,
    pubSub,
    reminders,
    new ActionTokens(config.JWT_SECRET, config.JWT_ISSUER),
    undefined,
    product,
  );
  const webhookBox = SecretBox.fromConfig(config);
  const webhookEvents = new WebhookPublisher(ds, jobs, config, logger, runtime.metrics.registry);
  connectWebhookEvents(webhookEvents, { conversations, tasks, reminders });
  const deletion = new AccountDeletion(ds, auth, access, logger);
  // A deleted account's numbers go back to the pool (their texts and costs stay in the usage logs).
  deletion.before.push((m, userId) => numbers.releaseAllOf(m, userId));
  deletion.before.push(removeExportFiles(config.DATA_DIR));
  // Their queued and kept jobs (check-ins, mails to their address) go with them.
  deletion.after.push(forgetQueuedJobs(jobs));
  const accountErasure = new AccountErasureService(ds, auth, auth.audit, jobs, webBaseUrl(config), logger);
  // Signing in during the grace period keeps the account (the email says so).
  auth.hooks.signedIn.push(async (userId) => {
    await accountErasure.cancel(userId, undefined, 'sign_in');
  });
  return {
    jobs,
    auth,
    numbers,
    smsUsage: new SmsUsageService(ds, config.SMS_COST_CURRENCY),
    access,
    auditLog: new AuditLogService(ds),
    tokens,
    conversations,
    tasks,
    reminders,
    appointments: new AppointmentService(ds),
    reminderAlerts,
    webhooks: new WebhookService(ds, webhookBox, jobs, config, urlPolicyOf(config)),
    webhookEvents,
    push: createPushService(runtime, jobs),
    messageSearch: new MessageSearchService(ds),
    preferences,
    profile: new ProfileService(ds, auth.audit, pubSub),
    adminUsers: new AdminUsersService(ds, auth, access, auth.audit, deletion),
    accountErasure,
    dataExports: new DataExportService(ds, auth, auth.audit, jobs, config.DATA_DIR),
    consents: new ConsentService(ds),
  };
}

/** Where links in emails point: the web app. */
function webBaseUrl(config: Runtime['config']): string {
  const { PUBLIC_WEB_URL, HOST, PORT } = config;
  return (PUBLIC_WEB_URL ?? `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${PORT}`).replace(/\/$/, '');
}

/** Releases what the services hold (queue connections, listeners). */
export async function closeServices(services: Services): Promise<void> {
  await services.access.stop();
  await services.webhookEvents.settled();
  await services.jobs.close();
}
