import { int, slice } from '../schema';

/** Background jobs (libs/server/jobs, apps/worker). */
export const jobsConfig = slice({
  WORKER_PORT: {
    schema: int(0, 65535).default(8004),
    doc: "Port of the worker's `/healthz`, `/readyz` and `/metrics` (0: any free port). `npm start` uses a free one when taken.",
  },
  JOBS_ATTEMPTS: {
    schema: int(1, 50).default(5),
    doc: 'Attempts per background job before it is kept in the failed set.',
  },
  JOBS_BACKOFF_MS: {
    schema: int(10, 3_600_000).default(2000),
    doc: 'Delay before the first retry of a failed job; doubles at each attempt (exponential backoff).',
  },
  JOBS_CONCURRENCY: {
    schema: int(1, 100).default(5),
    doc: 'Jobs of one queue a worker process runs at the same time.',
  },
  JOBS_KEEP_COMPLETED: {
    schema: int(0, 100_000).default(1000),
    doc: 'Completed jobs kept per queue (older ones are trimmed).',
  },
  JOBS_KEEP_FAILED: {
    schema: int(1, 10_000_000).default(100_000),
    doc: 'Failed jobs kept per queue for inspection and replay.',
  },
  JOBS_LOCK_MS: {
    schema: int(1000, 600_000).default(5000),
    doc: 'Lock of a running job, renewed every half of it: a worker that dies mid-job loses it after this long (a live one renews it, so nothing runs twice).',
  },
  JOBS_STALLED_CHECK_MS: {
    schema: int(1000, 600_000).default(4000),
    doc: 'How often workers look for jobs whose lock lapsed (a crashed worker): such a job is retried within JOBS_LOCK_MS + JOBS_STALLED_CHECK_MS (9 s by default).',
  },
  JOBS_MAX_STALLED: {
    schema: int(0, 20).default(2),
    doc: 'Times a job may be recovered from a crashed worker before it is failed for good.',
  },
  JOBS_STORE_CHECK_MS: {
    schema: int(500, 600_000).default(5000),
    doc: 'How often the worker checks that Redis still holds the queues (a sentinel key; also at every reconnect). When Redis lost its data, the worker re-queues everything from PostgreSQL at once.',
  },
  JOBS_SWEEP_INTERVAL_S: {
    schema: int(5, 86_400).default(60),
    doc: 'How often the worker re-queues, from PostgreSQL, work that is due and not queued (reminders, check-ins, unanswered messages, unsent texts).',
  },
  JOBS_SWEEP_LOOKBACK_MINUTES: {
    schema: int(1, 7 * 1440).default(1440),
    doc: 'How far back the periodic sweep looks for due work (older missed work is left alone).',
  },
  JOBS_IDEMPOTENCY_TTL_S: {
    schema: int(60, 90 * 86_400).default(7 * 86_400),
    doc: 'How long a processed idempotency key (e.g. a sent email) is remembered, so a retried or re-queued job does not act twice.',
  },
});
