import type { Runtime } from '@pa/server-core';
import type { JobQueue, JobWorkers } from '@pa/server-jobs';
import { pushSettingsFromConfig } from './push.config';
import { pushMetrics } from './push.metrics';
import { PushService } from './push.service';
import { createWebPushSender } from './web-push.adapter';
import type { PushSender } from './push.port';

/** The push service of this process (off, with a null key, when no VAPID keys are configured). */
export function createPushService(
  runtime: Pick<Runtime, 'config' | 'dataSource' | 'logger' | 'metrics'>,
  queue: JobQueue | null,
  sender?: PushSender,
): PushService {
  const settings = pushSettingsFromConfig(runtime.config);
  return new PushService(
    runtime.dataSource,
    settings,
    settings ? (sender ?? createWebPushSender(settings)) : null,
    runtime.logger,
    queue,
    pushMetrics(runtime.metrics),
  );
}

/** The worker's push processor: retries of pushes a push service asked us to send later. */
export function registerPushJobs(workers: JobWorkers, push: PushService): void {
  workers.register('push.send', (job) => push.retry(job), { concurrency: 8 });
}
