import type { Runtime } from '@pa/server-core';
import type { MailSender } from '@pa/server-mail';
import {
  createEmailSendProcessor,
  createIdempotencyStore,
  createJobQueue,
  createJobWorkers,
  type JobQueue,
  type JobsConfig,
} from '@pa/server-jobs';

export interface StartWorkerOptions {
  runtime: Runtime;
  mail: MailSender;
  /** Overrides of the JOBS_* settings (tests use short backoffs). */
  settings?: Partial<JobsConfig>;
  /** How long stop() waits for running jobs. Default SHUTDOWN_TIMEOUT_MS. */
  drainTimeoutMs?: number;
}

export interface WorkerAppHandle {
  /** The worker's own producer (its queues' depth is reported in metrics through it). */
  queue: JobQueue;
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
    logger.info({ backend: queue.backend, idempotency: idempotency.kind }, 'worker ready');
  } catch (err) {
    await workers.stop(0);
    await queue.close();
    throw err;
  }

  let stopping: Promise<{ drained: boolean }> | undefined;
  return {
    queue,
    stop() {
      stopping ??= (async () => {
        const result = await workers.stop(options.drainTimeoutMs ?? config.SHUTDOWN_TIMEOUT_MS);
        await queue.close();
        return result;
      })();
      return stopping;
    },
  };
}
