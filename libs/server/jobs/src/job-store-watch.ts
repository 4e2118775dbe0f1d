import { randomUUID } from 'node:crypto';
import type { Runtime } from '@pa/server-core';

/** Sentinel of the job store (under REDIS_KEY_PREFIX): gone means Redis lost its data. */
export const JOB_STORE_SENTINEL_KEY = 'jobs:store-sentinel';

export interface JobStoreWatchOptions {
  runtime: Runtime;
  /** Re-queues everything from PostgreSQL (the store lost its jobs). Must be idempotent. */
  reconcile: () => Promise<unknown>;
  /** Re-queues what is due and not queued, within a bounded lookback. Must be idempotent. */
  sweep: () => Promise<unknown>;
  /** How often the sentinel is checked (also at every Redis reconnect). */
  checkEveryMs: number;
  /** How often the sweep runs. */
  sweepEveryMs: number;
}

export interface JobStoreWatch {
  /** Plants the sentinel (call before the start-up reconciliation, so a loss after it is seen). */
  readonly planted: Promise<void>;
  /** Runs one sentinel check now; resolves true when it found the store empty and reconciled. */
  check(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Watches the job store while the worker runs. With Redis, a sentinel key is planted; when it is gone
 * (a restart without persistence, a flush, a failover to an empty replica) one worker wins `SET NX`
 * and re-queues everything from PostgreSQL. Checked at every reconnect and every `checkEveryMs`.
 * A sweep on its own timer catches anything due and not queued, whatever the store.
 */
export function watchJobStore(options: JobStoreWatchOptions): JobStoreWatch {
  const { runtime, reconcile, sweep } = options;
  const { logger } = runtime;
  const redis = runtime.redis;
  const token = randomUUID();
  let stopped = false;
  let running: Promise<boolean> | undefined;

  const plant = async (): Promise<boolean> => {
    if (!redis) return false;
    return (await redis.set(JOB_STORE_SENTINEL_KEY, token, 'NX')) === 'OK';
  };
  const planted = plant().then(
    () => undefined,
    (err: unknown) => logger.warn({ err: { message: (err as Error).message } }, 'job store sentinel not set'),
  );

  const checkOnce = async (): Promise<boolean> => {
    await planted;
    if (stopped || !redis || redis.status !== 'ready') return false;
    // Only the worker whose SET NX wins reconciles: the others see the new sentinel.
    if (!(await plant())) return false;
    logger.warn('the job store lost its data (Redis restarted empty?): re-queuing from PostgreSQL');
    try {
      await reconcile();
    } catch (err) {
      // Not done (e.g. the producer not reconnected yet): the next check must try again.
      await redis.del(JOB_STORE_SENTINEL_KEY).catch(() => undefined);
      throw err;
    }
    return true;
  };
  const check = (): Promise<boolean> => {
    running ??= checkOnce()
      .catch((err: unknown) => {
        logger.error({ err }, 'job store check failed (retried at the next check)');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  let sweeping: Promise<unknown> | undefined;
  const runSweep = () => {
    if (stopped || sweeping) return;
    sweeping = sweep()
      .catch((err: unknown) => logger.error({ err }, 'job sweep failed (retried at the next one)'))
      .finally(() => {
        sweeping = undefined;
      });
  };

  const onReady = () => void check();
  redis?.on('ready', onReady);
  const checkTimer = redis ? setInterval(() => void check(), options.checkEveryMs) : undefined;
  checkTimer?.unref();
  const sweepTimer = setInterval(runSweep, options.sweepEveryMs);
  sweepTimer.unref();

  return {
    planted,
    check,
    async stop() {
      stopped = true;
      redis?.off('ready', onReady);
      if (checkTimer) clearInterval(checkTimer);
      clearInterval(sweepTimer);
      await Promise.allSettled([running, sweeping]);
    },
  };
}
