import type { DataSource } from 'typeorm';
import { PUSH_DEVICES_MAX } from '@pa/shared-domain';
import { isUuid, type Logger } from '@pa/server-core';
import type { JobQueue } from '@pa/server-jobs';
import { validationFailed } from '@pa/server-users';
import type { PushDevice } from './push-device.entity';
import { COLUMNS, pushOptionsFor, toDevice, type Row, type TargetRow } from './push-rows';
import { PushErrorCode, pushError } from './push.errors';
import type { PushMetrics } from './push.metrics';
import type { PreparedPush, PushOptions, PushPayload, PushSendResult, PushSender } from './push.port';
import { PreparedPushes } from './prepared-pushes';
import type { PushSettings } from './push.config';
import { checkSubscription } from './push-validation';

declare module '@pa/server-jobs' {
  interface JobPayloads {
    /** Send one push again after a 429/5xx (attempt n of PUSH_MAX_ATTEMPTS; the id names the attempt). */
    'push.send': {
      deviceId: string;
      payload: string;
      kind: PushPayload['kind'];
      ttlSeconds: number;
      urgency: PushOptions['urgency'];
      topic: string | null;
      key: string;
      attempt: number;
    };
  }
}

/** Tries per push (the first send and 4 retries), then it is given up and recorded as a failure. */
export const PUSH_MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 2000;
/** Requests to push services at once from one batch (enough to hide their latency, not a flood). */
const PUSH_SENDS_IN_FLIGHT = 64;
/** Pushes encrypted between two yields to the event loop when preparing (~30 ms of CPU). */
const PREPARE_CHUNK = 100;

/**
 * A person's push devices and the sending to them. A push goes to every device; 404/410 deletes the
 * subscription, 429/5xx/network failures are retried by a `push.send` job (bounded, honouring
 * Retry-After), any other answer is recorded and not retried.
 */
export class PushService {
  private readonly prepared = new PreparedPushes();

  constructor(
    private readonly ds: DataSource,
    private readonly settings: PushSettings | null,
    private readonly sender: PushSender | null,
    private readonly logger: Logger,
    private readonly queue: JobQueue | null = null,
    private readonly metrics: PushMetrics | null = null,
  ) {}

  /** The VAPID public key browsers subscribe with; null when push is off. */
  get publicKey(): string | null {
    return this.settings?.publicKey ?? null;
  }

  get enabled(): boolean {
    return !!this.settings && !!this.sender;
  }

  async list(userId: string): Promise<PushDevice[]> {
    const rows = (await this.ds.query(
      `SELECT ${COLUMNS} FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 100`,
      [userId],
    )) as Row[];
    return rows.map(toDevice);
  }

  /**
   * Stores a browser's subscription for the caller, upserted by endpoint (a browser re-subscribing keeps
   * its row; an endpoint another account held moves to the caller: the browser now belongs to them).
   * Also turns the PUSH reminder channel on: allowing notifications on a device is asking for them.
   */
  async subscribe(
    userId: string,
    input: { endpoint: string; p256dh: string; auth: string; deviceName: string },
  ): Promise<PushDevice> {
    if (!this.settings) throw pushError(PushErrorCode.PUSH_DISABLED);
    const sub = checkSubscription(input, this.settings.httpsOnly);
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('push-devices:' || $1))`, [userId]);
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1 AND endpoint <> $2`,
        [userId, sub.endpoint],
      )) as [{ n: number }];
      if (n >= PUSH_DEVICES_MAX)
        throw validationFailed({ endpoint: `At most ${PUSH_DEVICES_MAX} devices: remove one first.` });
      const [row] = (await m.query(
        `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, device_name)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
           auth = EXCLUDED.auth, device_name = EXCLUDED.device_name, failure_count = 0,
           created_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id THEN push_subscriptions.created_at ELSE clock_timestamp() END,
           last_success_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id THEN push_subscriptions.last_success_at END,
           last_failure_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id THEN push_subscriptions.last_failure_at END,
           updated_at = clock_timestamp()
         RETURNING ${COLUMNS}`,
        [userId, sub.endpoint, sub.p256dh, sub.auth, sub.deviceName],
      )) as Row[];
      await m.query(
        `UPDATE preferences SET reminder_channels = array_append(reminder_channels, 'push'), updated_at = now()
          WHERE user_id = $1 AND NOT ('push' = ANY (reminder_channels))`,
        [userId],
      );
      return toDevice(row as Row);
    });
  }

  /** Forgets the caller's subscription for this endpoint (the browser unsubscribed). */
  async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
    const [, count] = (await this.ds.query(
      `DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2`,
      [userId, endpoint.trim().slice(0, 4096)],
    )) as [unknown, number];
    return count > 0;
  }

  /** Removes one of the caller's devices (another person's reads as not found). */
  async remove(userId: string, id: string): Promise<boolean> {
    const [, count] = isUuid(id)
      ? ((await this.ds.query(`DELETE FROM push_subscriptions WHERE id = $1 AND user_id = $2`, [
          id,
          userId,
        ])) as [unknown, number])
      : [null, 0];
    if (count === 0) throw pushError(PushErrorCode.PUSH_DEVICE_NOT_FOUND);
    return true;
  }

  /** How many devices a person has (a nudge falls back to in-app only when none). */
  async deviceCount(userId: string): Promise<number> {
    const [row] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1`,
      [userId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * Sends `payload` to every device of a person, now; failures worth retrying are queued. Resolves to
   * the number of devices whose push service accepted it. `key` names this push (retries are keyed by it).
   */
  async sendToPerson(userId: string, payload: PushPayload, key: string): Promise<number> {
    const [reached] = await this.sendToPeople([{ userId, payload, key }]);
    return reached ?? 0;
  }

  /**
   * `sendToPerson` for many pushes at once (reminders due on the same second): one read of the
   * devices and one write of the successes for the lot, at most PUSH_SENDS_IN_FLIGHT requests to push
   * services at a time. Resolves to the devices reached per push, in order.
   */
  async sendToPeople(pushes: { userId: string; payload: PushPayload; key: string }[]): Promise<number[]> {
    if (!this.sender || pushes.length === 0) return pushes.map(() => 0);
    const devices = await this.devicesOf(pushes.map((p) => p.userId));
    const sends = pushes.flatMap((p, index) => {
      const body = JSON.stringify(p.payload);
      const options = pushOptionsFor(p.payload);
      return (devices.get(p.userId) ?? []).map((target) => ({ index, target, body, options, push: p }));
    });
    const reached = pushes.map(() => 0);
    const accepted: string[] = [];
    let next = 0;
    const lane = async () => {
      while (next < sends.length) {
        const s = sends[next++];
        if (!s) break;
        const result = await this.sendOne(
          s.target,
          s.body,
          s.options,
          s.push.payload.kind,
          s.push.key,
          1,
          false,
          this.takePrepared(s.push.key, s.target, s.body),
        );
        if (result.outcome === 'sent') {
          reached[s.index] = (reached[s.index] ?? 0) + 1;
          accepted.push(s.target.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PUSH_SENDS_IN_FLIGHT, sends.length) }, lane));
    if (accepted.length > 0)
      await this.ds
        .query(
          `UPDATE push_subscriptions SET last_success_at = clock_timestamp(), failure_count = 0 WHERE id = ANY($1::uuid[])`,
          [accepted],
        )
        .catch((err: unknown) => this.logger.error({ err }, 'push successes not recorded'));
    return reached;
  }

  /**
   * Encrypts pushes ahead of their time, for every device of their people (one read of the devices):
   * `sendToPeople` with the same key and payload then only posts them. The CPU of RFC 8291 encryption
   * (an ECDH per message) is spent before a burst of reminders rather than during it. Yields to the
   * event loop between chunks, and stops at `until` (what is left is encrypted when sent). Resolves to
   * how many were prepared.
   */
  async prepare(
    pushes: { userId: string; payload: PushPayload; key: string }[],
    until = Infinity,
  ): Promise<number> {
    const sender = this.sender;
    if (!sender?.prepare || !sender.sendPrepared || pushes.length === 0) return 0;
    const devices = await this.devicesOf(pushes.map((p) => p.userId));
    let prepared = 0;
    for (const [i, p] of pushes.entries()) {
      if (i % PREPARE_CHUNK === 0 && i > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (Date.now() >= until) break;
      }
      const body = JSON.stringify(p.payload);
      const options = pushOptionsFor(p.payload);
      for (const target of devices.get(p.userId) ?? []) {
        try {
          this.prepared.put(p.key, target.id, body, target, sender.prepare(target, body, options));
          this.metrics?.prepared.inc({ outcome: 'prepared' });
          prepared += 1;
        } catch (err) {
          // A key the encryption refuses: the send will try again, and fail on its own terms.
          this.logger.debug({ err, deviceId: target.id }, 'push not prepared');
        }
      }
    }
    return prepared;
  }

  /** The push prepared for this key and device, if it still fits (counted either way). */
  private takePrepared(key: string, target: TargetRow, body: string): PreparedPush | undefined {
    const prepared = this.prepared.take(key, target.id, body, target);
    if (prepared === 'stale') this.metrics?.prepared.inc({ outcome: 'stale' });
    else if (prepared) this.metrics?.prepared.inc({ outcome: 'used' });
    return prepared === 'stale' ? undefined : prepared;
  }

  /** Each person's devices, oldest first, at most PUSH_DEVICES_MAX each (one read). */
  private async devicesOf(userIds: string[]): Promise<Map<string, TargetRow[]>> {
    const rows = (await this.ds.query(
      `SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ANY($1::uuid[])
        ORDER BY user_id, created_at`,
      [[...new Set(userIds)]],
    )) as (TargetRow & { user_id: string })[];
    const devices = new Map<string, TargetRow[]>();
    for (const r of rows) {
      const list = devices.get(r.user_id) ?? [];
      if (list.length < PUSH_DEVICES_MAX) list.push(r);
      devices.set(r.user_id, list);
    }
    return devices;
  }

  /** The `push.send` job: one retry of one push to one device (a deleted device is skipped). */
  async retry(job: {
    deviceId: string;
    payload: string;
    kind: PushPayload['kind'];
    ttlSeconds: number;
    urgency: PushOptions['urgency'];
    topic: string | null;
    key: string;
    attempt: number;
  }): Promise<void> {
    const [target] = (await this.ds.query(
      `SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE id = $1`,
      [job.deviceId],
    )) as TargetRow[];
    if (!target) return;
    const options: PushOptions = {
      ttlSeconds: job.ttlSeconds,
      urgency: job.urgency,
      ...(job.topic ? { topic: job.topic } : {}),
    };
    await this.sendOne(target, job.payload, options, job.kind, job.key, job.attempt);
  }

  private async sendOne(
    target: TargetRow,
    body: string,
    options: PushOptions,
    kind: PushPayload['kind'],
    key: string,
    attempt: number,
    recordSuccess = true,
    prepared?: PreparedPush,
  ): Promise<PushSendResult> {
    const sender = this.sender;
    if (!sender) return { outcome: 'rejected', status: 0 };
    const result =
      prepared && sender.sendPrepared
        ? await sender.sendPrepared(prepared)
        : await sender.send(target, body, options);
    this.metrics?.pushes.inc({ outcome: result.outcome, kind });
    try {
      // A batch records its successes in one statement (see sendToPeople).
      if (result.outcome !== 'sent' || recordSuccess) await this.record(target.id, result);
      if (result.outcome === 'retry')
        await this.queueRetry(target.id, body, options, kind, key, attempt, result);
    } catch (err) {
      this.logger.error({ err, deviceId: target.id }, 'push outcome not recorded');
    }
    if (result.outcome !== 'sent')
      this.logger.info(
        { deviceId: target.id, outcome: result.outcome, status: result.status, attempt },
        'push not accepted',
      );
    return result;
  }

  private async record(deviceId: string, result: PushSendResult): Promise<void> {
    if (result.outcome === 'sent') {
      await this.ds.query(
        `UPDATE push_subscriptions SET last_success_at = clock_timestamp(), failure_count = 0 WHERE id = $1`,
        [deviceId],
      );
    } else if (result.outcome === 'gone') {
      await this.ds.query(`DELETE FROM push_subscriptions WHERE id = $1`, [deviceId]);
    } else {
      await this.ds.query(
        `UPDATE push_subscriptions SET last_failure_at = clock_timestamp(), failure_count = failure_count + 1 WHERE id = $1`,
        [deviceId],
      );
    }
  }

  private async queueRetry(
    deviceId: string,
    payload: string,
    options: PushOptions,
    kind: PushPayload['kind'],
    key: string,
    attempt: number,
    result: { retryAfterMs?: number },
  ): Promise<void> {
    if (attempt >= PUSH_MAX_ATTEMPTS || !this.queue) {
      this.metrics?.pushes.inc({ outcome: 'gave_up', kind });
      this.logger.warn({ deviceId, key, attempt }, 'push given up after its retries');
      return;
    }
    const backoff = RETRY_BASE_MS * 2 ** (attempt - 1);
    const delayMs = Math.max(backoff, result.retryAfterMs ?? 0);
    const next = attempt + 1;
    await this.queue.enqueue(
      'push.send',
      {
        deviceId,
        payload,
        kind,
        ttlSeconds: options.ttlSeconds,
        urgency: options.urgency,
        topic: options.topic ?? null,
        key,
        attempt: next,
      },
      // One job per push, device and attempt: a retried job never sends the same attempt twice.
      { jobId: `push-${key}-${deviceId}-a${next}`, delayMs, attempts: 1 },
    );
  }
}
