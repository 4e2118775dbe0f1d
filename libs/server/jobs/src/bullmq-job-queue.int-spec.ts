import { Redis } from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  AppError,
  ErrorCategory,
  createLogger,
  createRuntime,
  currentCorrelationId,
  runWithContext,
  type Runtime,
} from '@pa/server-core';
import { createTestDatabase, createTestRuntime, testConfig, testServiceUrls } from '@pa/server-testing';
import { createJobBackend } from './bullmq-backend';
import { createJobQueue, createJobWorkers } from './bullmq-job-queue';
import type { JobContext, JobQueue, JobWorkers } from './job-queue';

// A job of the tests' own, added the way a feature adds one (declaration merging).
declare module './job-payloads' {
  interface JobPayloads {
    'test.work': { n: number; failTimes?: number; permanent?: boolean; sleepMs?: number };
  }
}

type Mode = 'redis' | 'postgres';

async function runtimeFor(mode: Mode, overrides: Record<string, string> = {}) {
  if (mode === 'redis') {
    const t = await createTestRuntime({ entities: [], migrations: [] }, overrides);
    return { runtime: t.runtime, cleanup: t.cleanup };
  }
  // The single-process default: no Redis at all, jobs in PostgreSQL.
  const database = await createTestDatabase('jobs');
  const config = testConfig({ DATABASE_URL: database.url, ...overrides });
  const runtime = await createRuntime({
    config,
    logger: createLogger({ level: config.LOG_LEVEL, name: 'test' }),
    infrastructure: {
      databaseUrl: database.url,
      databaseMode: 'external',
      redisUrl: undefined,
      redisMode: 'single-process',
    },
    parts: { entities: [], migrations: [] },
  });
  return {
    runtime,
    cleanup: async () => {
      await runtime.close();
      await database.drop();
    },
  };
}

async function waitFor<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 25));
    last = await read();
  }
  return last;
}

async function metricValue(runtime: Runtime, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await runtime.metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = (metric?.values as { labels: Record<string, string>; value: number }[] | undefined)?.find(
    (v) => Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l),
  );
  return value?.value ?? 0;
}

describe.each<Mode>(['redis', 'postgres'])('BullMQ job queue on %s', (mode) => {
  let runtime: Runtime;
  let cleanup: () => Promise<void>;
  let queue: JobQueue;
  let workers: JobWorkers | undefined;
  const settings = { JOBS_ATTEMPTS: 3, JOBS_BACKOFF_MS: 100, JOBS_CONCURRENCY: 2 };

  beforeEach(async () => {
    ({ runtime, cleanup } = await runtimeFor(mode));
    queue = createJobQueue(runtime, { settings });
  });
  // A job cut by stop() would otherwise keep the test process alive while it sleeps.
  const timers: NodeJS.Timeout[] = [];
  afterEach(async () => {
    for (const t of timers.splice(0)) clearTimeout(t);
    await workers?.stop(1000);
    workers = undefined;
    await queue.close();
    await cleanup();
  });

  /** Starts a worker whose runs are recorded; failTimes / permanent / sleepMs steer each job. */
  function startWorkers() {
    const runs: { n: number; attempt: number; at: number }[] = [];
    workers = createJobWorkers(runtime, { settings, queue });
    workers.register('test.work', async (payload, ctx: JobContext) => {
      runs.push({ n: payload.n, attempt: ctx.attempt, at: Date.now() });
      if (payload.sleepMs) await new Promise((r) => timers.push(setTimeout(r, payload.sleepMs)));
      if (payload.permanent) throw new AppError('TEST_BAD', ErrorCategory.BAD_INPUT, 'bad input');
      if (ctx.attempt <= (payload.failTimes ?? 0)) throw new Error(`fail ${ctx.attempt}`);
    });
    return runs;
  }

  it(`reports which store it uses`, () => {
    expect(queue.backend).toBe(mode);
  });

  it('forgets the waiting, delayed and finished jobs that name someone, and only those', async () => {
    const someone = 'a1b2c3d4-0000-4000-8000-00000000e5e5';
    await queue.enqueue('test.work', { n: 1, who: someone } as never, { jobId: `w-${someone}` });
    await queue.enqueue('test.work', { n: 2 }, { jobId: `d-${someone}`, delayMs: 3_600_000 });
    await queue.enqueue('test.work', { n: 3 }, { jobId: 'other-person', delayMs: 3_600_000 });
    expect(
      await queue.forget(['test.work', 'never.used', 'a.b', 'c.d', 'e.f', 'g.h', 'i.j'], [someone]),
    ).toBe(2);
    expect(await queue.counts('test.work')).toMatchObject({ waiting: 0, delayed: 1 });
    expect(await queue.forget(['test.work'], [someone])).toBe(0);
  });

  it('forgets finished jobs while a worker runs the queue', async () => {
    const someone = 'a1b2c3d4-0000-4000-8000-00000000f6f6';
    const runs = startWorkers();
    await queue.enqueue('test.work', { n: 1 }, { jobId: `done-${someone}` });
    await waitFor(
      () => queue.counts('test.work'),
      (c) => c.completed === 1,
    );
    expect(runs).toHaveLength(1);
    expect(await queue.forget(['test.work'], [someone])).toBe(1);
    expect(await queue.counts('test.work')).toMatchObject({ completed: 0 });
  });

  it('runs an enqueued job once, and the same jobId enqueued twice makes one job', async () => {
    const runs = startWorkers();
    const first = await queue.enqueue('test.work', { n: 1 }, { jobId: 'same-id' });
    const second = await queue.enqueue('test.work', { n: 2 }, { jobId: 'same-id' });
    expect(second.jobId).toBe(first.jobId);
    // An id BullMQ would refuse (a colon) works too, and is just as idempotent.
    await queue.enqueue('test.work', { n: 3 }, { jobId: 'reminder:7' });
    await queue.enqueue('test.work', { n: 4 }, { jobId: 'reminder:7' });
    await waitFor(
      () => runs.length,
      (n) => n >= 2,
    );
    const counts = await waitFor(
      () => queue.counts('test.work'),
      (c) => c.completed === 2,
    );
    expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(runs.map((r) => r.n).sort()).toEqual([1, 3]);
    expect(await metricValue(runtime, 'pa_jobs_processed_total', { queue: 'test.work' })).toBe(2);
  });

  it('retries a failing job with exponential backoff, then completes it', async () => {
    const runs = startWorkers();
    await queue.enqueue('test.work', { n: 1, failTimes: 2 });
    await waitFor(
      () => queue.counts('test.work'),
      (c) => c.completed === 1,
    );
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    const [a, b, c] = runs.map((r) => r.at) as [number, number, number];
    // 100 ms, then 200 ms (a little slack below for timer rounding).
    expect(b - a).toBeGreaterThanOrEqual(90);
    expect(c - b).toBeGreaterThanOrEqual(190);
    expect(await metricValue(runtime, 'pa_jobs_failed_total', { queue: 'test.work', final: 'false' })).toBe(
      2,
    );
    expect(await metricValue(runtime, 'pa_jobs_retried_total', { queue: 'test.work' })).toBe(2);
  });

  it('keeps a job that used up its attempts in the failed set, listed with its reason', async () => {
    const runs = startWorkers();
    const { jobId } = await queue.enqueue('test.work', { n: 1, failTimes: 99 });
    await waitFor(
      () => queue.counts('test.work'),
      (c) => c.failed === 1,
    );
    expect(runs).toHaveLength(3);
    const failed = await queue.listFailed('test.work');
    expect(failed).toEqual([
      expect.objectContaining({ jobId, name: 'test.work', attemptsMade: 3, failedReason: 'fail 3' }),
    ]);
    expect(await metricValue(runtime, 'pa_jobs_failed_total', { queue: 'test.work', final: 'true' })).toBe(1);
  });

  it('fails a job at once, without retries, when its input can never work', async () => {
    const runs = startWorkers();
    await queue.enqueue('test.work', { n: 1, permanent: true });
    await waitFor(
      () => queue.counts('test.work'),
      (c) => c.failed === 1,
    );
    expect(runs).toHaveLength(1);
    const [failed] = await queue.listFailed('test.work');
    expect(failed?.failedReason).toBe('TEST_BAD: bad input');
  });

  it('holds a delayed job until its time', async () => {
    const runs = startWorkers();
    const enqueuedAt = Date.now();
    await queue.enqueue('test.work', { n: 1 }, { delayMs: 500 });
    expect((await queue.counts('test.work')).delayed).toBe(1);
    await waitFor(
      () => runs.length,
      (n) => n === 1,
    );
    expect((runs[0]?.at ?? 0) - enqueuedAt).toBeGreaterThanOrEqual(450);
  });

  it('reports queue depth by state in pa_jobs_depth at scrape time', async () => {
    for (let n = 0; n < 3; n += 1) await queue.enqueue('test.work', { n }, { delayMs: 60_000 });
    await queue.enqueue('test.work', { n: 9 });
    const text = await runtime.metrics.registry.metrics();
    expect(text).toContain('pa_jobs_depth{queue="test.work",state="delayed"} 3');
    expect(text).toContain('pa_jobs_depth{queue="test.work",state="waiting"} 1');
    expect(text).toContain('pa_jobs_depth{queue="test.work",state="failed"} 0');
  });

  it('reports the age of the oldest waiting job in pa_jobs_oldest_waiting_seconds', async () => {
    queue.observe('test.work');
    const oldest = () => metricValue(runtime, 'pa_jobs_oldest_waiting_seconds', { queue: 'test.work' });
    expect(await oldest()).toBe(0);
    await queue.enqueue('test.work', { n: 1 });
    // A delayed job is not waiting yet: it does not count.
    await queue.enqueue('test.work', { n: 2 }, { delayMs: 60_000 });
    await new Promise((r) => setTimeout(r, 1200));
    await queue.enqueue('test.work', { n: 3 });
    const age = await oldest();
    expect(age).toBeGreaterThanOrEqual(1.1);
    expect(age).toBeLessThan(10);
    // Once nothing waits (the worker took them), the age drops back to 0.
    startWorkers();
    await waitFor(oldest, (v) => v === 0);
  });

  it('counts a delayed job past its due time as waiting since then (no worker promoted it)', async () => {
    queue.observe('test.work');
    const oldest = () => metricValue(runtime, 'pa_jobs_oldest_waiting_seconds', { queue: 'test.work' });
    await queue.enqueue('test.work', { n: 1 }, { delayMs: 60_000 });
    expect(await oldest()).toBe(0);
    await queue.enqueue('test.work', { n: 2 }, { delayMs: 100 });
    await new Promise((r) => setTimeout(r, 1300));
    const age = await oldest();
    expect(age).toBeGreaterThanOrEqual(1.1);
    expect(age).toBeLessThan(10);
    startWorkers();
    await waitFor(oldest, (v) => v === 0);
  });

  it('runs a job in the correlation id of the request that queued it, without it in the payload', async () => {
    const seen: { id: string | undefined; payload: unknown }[] = [];
    workers = createJobWorkers(runtime, { settings, queue });
    workers.register('test.work', async (payload) => {
      seen.push({ id: currentCorrelationId(), payload });
    });
    await runWithContext({ correlationId: 'req-correlation-0001' }, () =>
      queue.enqueue('test.work', { n: 1 }),
    );
    await queue.enqueue('test.work', { n: 2 });
    await waitFor(
      () => seen.length,
      (n) => n === 2,
    );
    const byN = new Map(seen.map((s) => [(s.payload as { n: number }).n, s]));
    expect(byN.get(1)).toEqual({ id: 'req-correlation-0001', payload: { n: 1 } });
    // Queued outside any request: a fresh id of its own, so the job's lines still group together.
    expect(byN.get(2)?.payload).toEqual({ n: 2 });
    expect(byN.get(2)?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('on stop, lets a running job finish within the bound', async () => {
    const runs = startWorkers();
    await queue.enqueue('test.work', { n: 1, sleepMs: 600 });
    await waitFor(
      () => runs.length,
      (n) => n === 1,
    );
    const started = Date.now();
    const result = await workers?.stop(5000);
    expect(result).toEqual({ drained: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect((await queue.counts('test.work')).completed).toBe(1);
  });

  it('on stop, cuts a job that outlives the bound instead of hanging', async () => {
    const runs = startWorkers();
    await queue.enqueue('test.work', { n: 1, sleepMs: 8000 });
    await waitFor(
      () => runs.length,
      (n) => n === 1,
    );
    const started = Date.now();
    expect(await workers?.stop(300)).toEqual({ drained: false });
    expect(Date.now() - started).toBeLessThan(2000);
    // Not completed: its lock lapses and a worker will run it again.
    expect((await queue.counts('test.work')).completed).toBe(0);
  });

  it('fails an enqueue fast with JOBS_UNAVAILABLE when the store is unreachable', async () => {
    const dead =
      mode === 'redis'
        ? ({ ...runtime, redis: new Redis(1, '127.0.0.1', { lazyConnect: true }) } as Runtime)
        : ({
            ...runtime,
            dataSource: { options: { url: 'postgres://x@127.0.0.1:1/x' } } as DataSource,
          } as Runtime);
    const unreachable = createJobQueue(dead, { backend: createJobBackend(dead) });
    const started = Date.now();
    try {
      await expect(unreachable.enqueue('test.work', { n: 1 })).rejects.toMatchObject({
        code: 'JOBS_UNAVAILABLE',
      });
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await unreachable.close();
    }
  });

  it('keeps its data in its own namespace', async () => {
    await queue.enqueue('test.work', { n: 1 }, { delayMs: 60_000 });
    if (mode === 'redis') {
      const raw = new Redis(testServiceUrls().redisUrl);
      try {
        const keys = await raw.keys(`${runtime.config.REDIS_KEY_PREFIX}bull:test.work:*`);
        expect(keys.length).toBeGreaterThan(0);
      } finally {
        raw.disconnect();
      }
    } else {
      const url = (runtime.dataSource.options as { url: string }).url;
      const pg = new Client({ connectionString: url });
      await pg.connect();
      try {
        const { rows } = await pg.query<{ n: string }>(
          `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'pa_jobs' AND table_name = 'job'`,
        );
        expect(rows[0]?.n).toBe('1');
      } finally {
        await pg.end();
      }
    }
  });
});
