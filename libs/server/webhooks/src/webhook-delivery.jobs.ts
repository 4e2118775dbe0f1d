import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { DataSource, EntityManager } from 'typeorm';
import { WEBHOOK_TEST_EVENT } from '@pa/shared-domain';
import type { AppConfig, Logger } from '@pa/server-core';
import type { SecretBox } from '@pa/server-auth';
import type { JobProcessor, JobQueue, JobWorkers } from '@pa/server-jobs';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook-url';
import { secretContext } from './webhook-keys';

/** An endpoint's state after one more failure. */
interface FailureRow {
  just_disabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  user_id: string;
  url: string;
}

/** Payload of `webhook.deliver`: one event to one endpoint (dates as ISO strings). */
export interface WebhookDeliverPayload {
  endpointId: string;
  userId: string;
  /** Fixed by what the event is about: the same event twice is the same delivery. */
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

declare module '@pa/server-jobs' {
  interface JobPayloads {
    'webhook.deliver': WebhookDeliverPayload;
  }
}

export type WebhookDeliverySettings = Pick<
  AppConfig,
  'WEBHOOK_MAX_ATTEMPTS' | 'WEBHOOK_BACKOFF_MS' | 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_DISABLE_AFTER_FAILURES'
>;

/** Headers every delivery carries beside the signature. */
export const EVENT_ID_HEADER = 'x-pa-event-id';
export const EVENT_TYPE_HEADER = 'x-pa-event-type';
export const ATTEMPT_HEADER = 'x-pa-delivery-attempt';

/**
 * Queues one delivery. The job id is the (endpoint, event) pair: the same event queued twice while
 * the first job is kept adds nothing, and the delivery log's unique pair covers the time after.
 */
export async function enqueueDelivery(
  jobs: JobQueue,
  settings: WebhookDeliverySettings,
  payload: WebhookDeliverPayload,
): Promise<void> {
  await jobs.enqueue('webhook.deliver', payload, {
    jobId: `wh.${payload.endpointId}.${payload.eventId}`,
    attempts: settings.WEBHOOK_MAX_ATTEMPTS,
    backoffMs: settings.WEBHOOK_BACKOFF_MS,
  });
}

/** What one HTTP attempt came to. */
interface Attempt {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** Worth trying again: network error, timeout, 5xx, 429. */
  retryable: boolean;
  ok: boolean;
}

/** A retryable attempt failed: BullMQ retries the job with backoff. */
class RetryLater extends Error {}

export interface WebhookDeliveryDeps {
  ds: DataSource;
  box: SecretBox;
  /** Where the owner's notice goes (`email.send`). */
  jobs: JobQueue;
  settings: WebhookDeliverySettings;
  policy: WebhookUrlPolicy;
  logger: Logger;
  /** Seconds since the epoch, for the signature (tests may fake the clock). */
  nowSeconds?: () => number;
}

/** The worker's `webhook.deliver` processor. */
export function createWebhookDeliveryProcessor(deps: WebhookDeliveryDeps): JobProcessor<'webhook.deliver'> {
  const { ds, box, settings, policy, logger } = deps;
  const nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return async (p, ctx) => {
    const [endpoint] = (await ds.query(
      `SELECT id, user_id, url, secret_sealed, disabled_at FROM webhook_endpoints WHERE id = $1`,
      [p.endpointId],
    )) as { id: string; user_id: string; url: string; secret_sealed: Buffer; disabled_at: Date | null }[];
    // Deleted since, or handed to nobody else: nothing to do.
    if (!endpoint || endpoint.user_id !== p.userId) return;
    const test = p.type === WEBHOOK_TEST_EVENT;
    if (endpoint.disabled_at && !test) return;
    const [log] = (await ds.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT (endpoint_id, event_id) DO UPDATE SET updated_at = now()
       RETURNING id, status`,
      [p.endpointId, p.eventId, p.type],
    )) as { id: string; status: string }[];
    // A duplicate of an event already delivered (or given up on): delivered once.
    if (!log || log.status === 'delivered' || log.status === 'failed') return;

    const attempt = await attemptDelivery(p, ctx.attempt, endpoint.url, () =>
      box.open(endpoint.secret_sealed, secretContext(endpoint.id)).toString('utf8'),
    );
    const final = attempt.ok || !attempt.retryable || ctx.attempt >= ctx.maxAttempts;
    const status = attempt.ok ? 'delivered' : final ? 'failed' : 'retrying';
    // The delivery's outcome and the endpoint's run of failures change together: a reader never sees
    // a failed delivery not yet counted, and a crash between the two cannot lose the count.
    const failure = await ds.transaction(async (m) => {
      await m.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, status = $2, status_code = $3, error = $4,
                duration_ms = $5, delivered_at = CASE WHEN $2 = 'delivered' THEN now() END, updated_at = now()
          WHERE id = $1`,
        [log.id, status, attempt.statusCode, attempt.error, attempt.durationMs],
      );
      // A test event never counts for or against the endpoint: it is the owner checking it.
      if (test || !final) return undefined;
      if (attempt.ok) {
        await m.query(`UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1`, [endpoint.id]);
        return undefined;
      }
      return countFailure(m, endpoint.id);
    });
    if (attempt.ok) return;
    if (!final) throw new RetryLater(attempt.error ?? `status ${attempt.statusCode}`);
    if (failure) await noticeIfDisabled(endpoint.id, failure);
    ctx.logger.warn(
      { endpointId: endpoint.id, eventId: p.eventId, statusCode: attempt.statusCode, error: attempt.error },
      'webhook delivery failed for good',
    );
  };

  async function attemptDelivery(
    p: WebhookDeliverPayload,
    attemptNumber: number,
    url: string,
    secret: () => string,
  ): Promise<Attempt> {
    const started = Date.now();
    // Checked again now: the name may resolve elsewhere than at registration (DNS rebinding). The
    // request then goes to the address just checked, never to a fresh lookup.
    const check = await checkWebhookUrl(url, policy);
    if (!check.ok)
      return {
        ok: false,
        retryable: false,
        statusCode: null,
        error: `refused: ${check.problem}`,
        durationMs: 0,
      };
    const body = JSON.stringify({ id: p.eventId, type: p.type, createdAt: p.occurredAt, data: p.data });
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'PersonalAssistant-Webhooks/1',
      [EVENT_ID_HEADER]: p.eventId,
      [EVENT_TYPE_HEADER]: p.type,
      [ATTEMPT_HEADER]: String(attemptNumber),
      [SIGNATURE_HEADER]: signWebhook(secret(), body, nowSeconds()),
    };
    try {
      const res = await post(
        check.url,
        check.addresses[0] as string,
        body,
        headers,
        settings.WEBHOOK_TIMEOUT_MS,
      );
      const code = res.statusCode ?? 0;
      const ok = code >= 200 && code < 300;
      return {
        ok,
        retryable: code >= 500 || code === 429,
        statusCode: code,
        error: ok ? null : `HTTP ${code}`,
        durationMs: Date.now() - started,
      };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      return {
        ok: false,
        retryable: true,
        statusCode: null,
        error: (e.code ?? e.message).slice(0, 200),
        durationMs: Date.now() - started,
      };
    }
  }

  /** One more failed delivery in a row; past the threshold the endpoint is disabled. */
  async function countFailure(m: EntityManager, endpointId: string): Promise<FailureRow | undefined> {
    const [[row]] = (await m.query(
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,
              disabled_at = CASE WHEN consecutive_failures + 1 >= $2 THEN COALESCE(disabled_at, now()) ELSE disabled_at END,
              disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 AND disabled_at IS NULL
                                     THEN 'too_many_failures' ELSE disabled_reason END,
              updated_at = now()
        WHERE id = $1
        RETURNING consecutive_failures, disabled_at, disabled_reason,
                  (consecutive_failures = $2) AS just_disabled, user_id, url`,
      [endpointId, settings.WEBHOOK_DISABLE_AFTER_FAILURES],
    )) as [FailureRow[], number];
    return row;
  }

  /** The owner of an endpoint that this failure just disabled is told, once. */
  async function noticeIfDisabled(endpointId: string, row: FailureRow): Promise<void> {
    if (!row.just_disabled || row.disabled_reason !== 'too_many_failures' || !row.disabled_at) return;
    const [user] = (await ds.query(`SELECT email FROM users WHERE id = $1`, [row.user_id])) as {
      email: string;
    }[];
    if (!user) return;
    const host = new URL(row.url).host;
    await deps.jobs
      .enqueue('email.send', {
        to: user.email,
        subject: 'A webhook endpoint of yours was turned off',
        text:
          `Deliveries to your webhook endpoint at ${host} failed ${settings.WEBHOOK_DISABLE_AFTER_FAILURES} times in a row, ` +
          `so we stopped sending to it. Nothing is lost on our side: fix the receiver, then enable the endpoint again ` +
          `(and use "send a test event" to check it).`,
        idempotencyKey: `webhook-disabled-${endpointId}-${row.disabled_at.getTime()}`,
      })
      .catch((err: unknown) => logger.error({ err, endpointId }, 'webhook disabled notice not queued'));
  }
}

/** POSTs to `url` connecting to `address` (already checked), bounded by `timeoutMs` end to end. */
function post(
  url: URL,
  address: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<IncomingMessage> {
  const family = isIP(address) === 6 ? 6 : 4;
  // The connection goes to the vetted address whatever the name resolves to now (TLS still checks
  // the certificate against the name).
  const lookup = ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        timeout: timeoutMs,
      },
      (res) => {
        // The answer's body is not read beyond a little (a receiver may send anything back).
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) res.destroy();
        });
        res.on('end', () => resolve(res));
        res.on('error', () => resolve(res));
        res.on('close', () => resolve(res));
      },
    );
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}

/** Registers the delivery processor on the worker. */
export function registerWebhookJobs(workers: JobWorkers, deps: WebhookDeliveryDeps): void {
  workers.register('webhook.deliver', createWebhookDeliveryProcessor(deps));
}
