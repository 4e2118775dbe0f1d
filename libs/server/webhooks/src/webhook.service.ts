import { randomBytes, randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { WEBHOOK_LIMITS, WEBHOOK_TEST_EVENT, isWebhookEventType } from '@pa/shared-domain';
import { isUuid, type AppConfig } from '@pa/server-core';
import type { SecretBox } from '@pa/server-auth';
import type { JobQueue } from '@pa/server-jobs';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook-url';
import { WebhookDelivery, WebhookEndpoint, type WebhookEventEnum } from './webhook.entity';
import { WebhookErrorCode, webhookError } from './webhook.errors';
import { eventIdOf, secretContext } from './webhook-keys';
import { enqueueDelivery, type WebhookDeliverySettings } from './webhook-delivery.jobs';

/** What a person sends to register or change an endpoint. */
export interface WebhookEndpointInput {
  url?: string | null;
  events?: readonly string[] | null;
}

/** An endpoint with its secret in clear, returned once (creation, rotation). */
export interface EndpointWithSecret {
  secret: string;
  endpoint: WebhookEndpoint;
}

/** Loopback (and plain http to it) only in development and tests; production refuses private ranges. */
export function urlPolicyOf(config: Pick<AppConfig, 'NODE_ENV'>): WebhookUrlPolicy {
  return { allowLoopback: config.NODE_ENV !== 'production' };
}

/**
 * A person's webhook endpoints: every read and write is scoped by owner (another person's endpoint
 * reads as not found). URLs are checked against private ranges (SSRF) at registration; the delivery
 * checks again (a name may resolve elsewhere later).
 */
export class WebhookService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly jobs: JobQueue,
    private readonly settings: WebhookDeliverySettings,
    private readonly policy: WebhookUrlPolicy,
  ) {}

  /** The person's endpoints, oldest first, each with its recent deliveries (two queries in all). */
  async list(userId: string): Promise<WebhookEndpoint[]> {
    const endpoints = await this.ds
      .getRepository(WebhookEndpoint)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
    if (endpoints.length === 0) return [];
    const deliveries = (await this.ds.query(
      `SELECT id FROM (
         SELECT d.id, row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.created_at DESC, d.id) AS n
           FROM webhook_deliveries d WHERE d.endpoint_id = ANY($1::uuid[])) t
        WHERE n <= $2`,
      [endpoints.map((e) => e.id), WEBHOOK_LIMITS.recentDeliveries],
    )) as { id: string }[];
    // An empty id list must read nothing (not every row).
    const rows =
      deliveries.length === 0
        ? []
        : await this.ds.getRepository(WebhookDelivery).find({
            where: { id: In(deliveries.map((d) => d.id)) },
            order: { createdAt: 'DESC', id: 'ASC' },
          });
    for (const e of endpoints) e.recentDeliveries = rows.filter((d) => d.endpointId === e.id);
    return endpoints;
  }

  /** Recent deliveries of one endpoint (when it was not loaded through `list`). */
  async deliveries(endpointId: string, limit: number = WEBHOOK_LIMITS.recentDeliveries) {
    return this.ds.getRepository(WebhookDelivery).find({
      where: { endpointId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: Math.max(1, Math.min(limit, WEBHOOK_LIMITS.recentDeliveries)),
    });
  }

  /** Registers an endpoint; the secret is returned this once. */
  async create(userId: string, input: WebhookEndpointInput): Promise<EndpointWithSecret> {
    const url = await this.checkedUrl(input.url);
    const events = this.checkedEvents(input.events);
    const id = randomUUID();
    const secret = newSecret();
    await this.ds.transaction(async (m) => {
      // One person's registrations are serialised, so the limit holds under concurrent calls.
      await m.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM webhook_endpoints WHERE user_id = $1`, [
        userId,
      ])) as [{ n: number }];
      if (n >= WEBHOOK_LIMITS.perPerson) throw webhookError(WebhookErrorCode.WEBHOOK_LIMIT_REACHED);
      await m.query(
        `INSERT INTO webhook_endpoints (id, user_id, url, events, secret_sealed, secret_hint)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, userId, url, events, this.box.seal(secret, secretContext(id)), hintOf(secret)],
      );
    });
    return { secret, endpoint: await this.get(userId, id) };
  }

  /** Changes the URL and/or the events of an endpoint. */
  async update(userId: string, id: string, input: WebhookEndpointInput): Promise<WebhookEndpoint> {
    await this.get(userId, id);
    const url = input.url == null ? null : await this.checkedUrl(input.url);
    const events = input.events == null ? null : this.checkedEvents(input.events);
    await this.ds.query(
      `UPDATE webhook_endpoints SET url = COALESCE($3, url), events = COALESCE($4, events), updated_at = now()
        WHERE id = $1 AND user_id = $2`,
      [id, userId, url, events],
    );
    return this.get(userId, id);
  }

  /** Disables (nothing is delivered) or enables an endpoint; enabling clears its failure count. */
  async setEnabled(userId: string, id: string, enabled: boolean): Promise<WebhookEndpoint> {
    const endpoint = await this.get(userId, id);
    // A URL that resolved publicly once may not any more: checked again before it is used again.
    if (enabled) await this.checkedUrl(endpoint.url);
    await this.ds.query(
      enabled
        ? `UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0,
             updated_at = now() WHERE id = $1 AND user_id = $2`
        : `UPDATE webhook_endpoints SET disabled_at = COALESCE(disabled_at, now()),
             disabled_reason = COALESCE(disabled_reason, 'by_owner'), updated_at = now()
           WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return this.get(userId, id);
  }

  /** Deletes an endpoint and its delivery log; queued deliveries find it gone and do nothing. */
  async delete(userId: string, id: string): Promise<string> {
    const [rows] = (
      isUuid(id)
        ? await this.ds.query(`DELETE FROM webhook_endpoints WHERE id = $1 AND user_id = $2 RETURNING id`, [
            id,
            userId,
          ])
        : [[]]
    ) as [unknown[], number];
    if (rows.length === 0) throw webhookError(WebhookErrorCode.WEBHOOK_NOT_FOUND);
    return id;
  }

  /** A new signing secret, returned once; the old one stops signing at once. */
  async rotateSecret(userId: string, id: string): Promise<EndpointWithSecret> {
    await this.get(userId, id);
    const secret = newSecret();
    await this.ds.query(
      `UPDATE webhook_endpoints SET secret_sealed = $3, secret_hint = $4, updated_at = now()
        WHERE id = $1 AND user_id = $2`,
      [id, userId, this.box.seal(secret, secretContext(id)), hintOf(secret)],
    );
    return { secret, endpoint: await this.get(userId, id) };
  }

  /** Queues a `webhook.test` event to one endpoint (even a disabled one); returns its event id. */
  async sendTest(userId: string, id: string): Promise<string> {
    const endpoint = await this.get(userId, id);
    const eventId = eventIdOf(`test:${randomUUID()}`);
    await enqueueDelivery(this.jobs, this.settings, {
      endpointId: endpoint.id,
      userId,
      eventId,
      type: WEBHOOK_TEST_EVENT,
      occurredAt: new Date().toISOString(),
      data: { endpointId: endpoint.id, message: 'This is a test event from your assistant.' },
    });
    return eventId;
  }

  /** One of the person's endpoints, or WEBHOOK_NOT_FOUND. */
  async get(userId: string, id: string, m: EntityManager | DataSource = this.ds): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id) ? await m.getRepository(WebhookEndpoint).findOneBy({ id, userId }) : null;
    if (!endpoint) throw webhookError(WebhookErrorCode.WEBHOOK_NOT_FOUND);
    return endpoint;
  }

  private async checkedUrl(raw: string | null | undefined): Promise<string> {
    const text = (raw ?? '').trim();
    if (text.length === 0 || text.length > WEBHOOK_LIMITS.urlMaxLength)
      throw webhookError(WebhookErrorCode.WEBHOOK_URL_INVALID, { reason: 'not_a_url' });
    const check = await checkWebhookUrl(text, this.policy);
    if (!check.ok) throw webhookError(WebhookErrorCode.WEBHOOK_URL_INVALID, { reason: check.problem });
    return check.url.toString();
  }

  private checkedEvents(raw: readonly string[] | null | undefined): WebhookEventEnum[] {
    const events = [...new Set(raw ?? [])].sort();
    if (events.length === 0 || !events.every(isWebhookEventType))
      throw webhookError(WebhookErrorCode.WEBHOOK_EVENTS_INVALID);
    return events as WebhookEventEnum[];
  }
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const hintOf = (secret: string) => `${secret.slice(0, 10)}…`;
