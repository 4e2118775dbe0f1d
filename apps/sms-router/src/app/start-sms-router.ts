import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { Counter } from 'prom-client';
import {
  CoreErrorCode,
  HttpDrain,
  checkDatabase,
  coreError,
  correlation,
  httpErrorHandler,
  metricsAccess,
  productMetrics,
  sendError,
  type Runtime,
} from '@pa/server-core';
import { queueReply } from '@pa/server-assistant';
import { ConversationService } from '@pa/server-conversations';
import { createJobQueue, type JobQueue } from '@pa/server-jobs';
import { WebhookPublisher, connectWebhookEvents } from '@pa/server-webhooks';
import { SmsOutbox, SmsRouter, smsWebhookRouter, smsWebhookSettings } from '@pa/server-sms-routing';

export interface StartSmsRouterOptions {
  runtime: Runtime;
  /** Default SMS_ROUTER_PORT (0: any free port). */
  port?: number;
  host?: string;
  /** Queues the assistant's answer to a routed text (default: the `assistant.reply` job). */
  queueReply?: (messageId: string, queue: JobQueue) => Promise<unknown>;
}

export interface SmsRouterHandle {
  url: string;
  router: SmsRouter;
  queue: JobQueue;
  stop(): Promise<void>;
}

const counters = new WeakMap<object, Counter<'route' | 'outcome'>>();

/**
 * The SMS router: Twilio's webhooks in, nothing slow on the way (store once, answer, queue). Any
 * number of replicas can run side by side: MessageSid uniqueness in PostgreSQL makes them agree.
 */
export async function startSmsRouter(options: StartSmsRouterOptions): Promise<SmsRouterHandle> {
  const { runtime } = options;
  const { config, logger, dataSource: ds, pubSub, metrics } = runtime;
  const settings = smsWebhookSettings(config);
  const queue = createJobQueue(runtime);
  const product = productMetrics(metrics);
  const conversations = new ConversationService(ds, pubSub, product);
  // Texts in raise `sms.received` (and `message.received`) webhook events.
  const webhookEvents = new WebhookPublisher(ds, queue, config, logger, metrics.registry);
  connectWebhookEvents(webhookEvents, { conversations });
  const outbox = new SmsOutbox(ds, queue, logger, config.SMS_REPLIES_PER_HOUR, product);
  const router = new SmsRouter(
    ds,
    conversations,
    outbox,
    logger,
    (id) => (options.queueReply ?? ((messageId, q) => queueReply(q, messageId)))(id, queue),
    product,
  );
  let counter = counters.get(metrics.registry);
  if (!counter) {
    counter = new Counter({
      name: 'pa_sms_webhooks_total',
      help: 'Twilio webhooks by route and outcome (forbidden = bad signature)',
      labelNames: ['route', 'outcome'] as const,
      registers: [metrics.registry],
    });
    counters.set(metrics.registry, counter);
  }
  const count = counter;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(helmet());
  app.use(correlation);
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () =>
      end({ method: req.method, route: req.route ? req.path : 'unmatched', status: String(res.statusCode) }),
    );
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const database = await checkDatabase(ds, 2000);
    const redis = await runtime.checkRedis(2000);
    const ok = database.ok && redis.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: { database, redis } });
  });
  app.get('/metrics', async (req, res) => {
    const access = metricsAccess(config, req.headers.authorization);
    if (access === 'hidden') return sendError(res, coreError(CoreErrorCode.NOT_FOUND));
    if (access === 'unauthorized') return sendError(res, coreError(CoreErrorCode.FORBIDDEN));
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    smsWebhookRouter({
      router,
      authToken: config.TWILIO_AUTH_TOKEN,
      baseUrl: settings.baseUrl,
      logger,
      count: (route, outcome) => count.inc({ route, outcome }),
    }),
  );
  app.use(httpErrorHandler(logger));

  const server = http.createServer();
  // SIGTERM: the listener stops first, a webhook already on its way is answered (503 + Retry-After when
  // it arrives late), keep-alive connections are ended, and the process exits within SHUTDOWN_TIMEOUT_MS.
  const drain = new HttpDrain(server);
  server.on('request', drain.guard(app));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.SMS_ROUTER_PORT, options.host ?? config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? config.HOST}:${port}`;
  logger.info({ url, webhooks: settings.smsUrl }, 'SMS router listening');
  let stopping: Promise<void> | undefined;
  return {
    url,
    router,
    queue,
    stop() {
      stopping ??= (async () => {
        const graceful = await drain.drain(config.SHUTDOWN_TIMEOUT_MS);
        if (!graceful) logger.warn('SMS router drain cut requests still in flight');
        await router.settled();
        await webhookEvents.settled();
        await queue.close();
      })();
      return stopping;
    },
  };
}
