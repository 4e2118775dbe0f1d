import type { DataSource } from 'typeorm';
import { Counter, type Registry } from 'prom-client';
import type { WebhookEventType } from '@pa/shared-domain';
import type { Logger } from '@pa/server-core';
import type { JobQueue } from '@pa/server-jobs';
import { enqueueDelivery, type WebhookDeliverySettings } from './webhook-delivery.jobs';
import { eventIdOf } from './webhook-keys';

/** Something that happened to a person, for their webhooks. */
export interface WebhookEvent {
  type: WebhookEventType;
  userId: string;
  /** What makes the event itself (e.g. `task:<id>:<done at>`): the same key is the same event. */
  key: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

const counters = new WeakMap<Registry, Counter<'type' | 'outcome'>>();

function eventCounter(registry: Registry): Counter<'type' | 'outcome'> {
  let counter = counters.get(registry);
  if (!counter) {
    counter = new Counter({
      name: 'pa_webhook_events_total',
      help: 'Webhook events by type and outcome (queued: deliveries enqueued; dropped: not queued, store down)',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    });
    counters.set(registry, counter);
  }
  return counter;
}

/**
 * The one way product code raises webhook events. `publish` returns at once and never throws: the
 * person's endpoints subscribed to the event are read and one delivery job per endpoint is queued in
 * the background. A failure (PostgreSQL or the job store down) is logged and counted as `dropped`;
 * the person's own write has already succeeded and is never undone or delayed by it.
 */
export class WebhookPublisher {
  private readonly pending = new Set<Promise<void>>();
  private readonly buffered: WebhookEvent[] = [];
  private readonly events: Counter<'type' | 'outcome'>;

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobQueue,
    private readonly settings: WebhookDeliverySettings,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.events = eventCounter(registry);
  }

  /**
   * Events published in the same turn of the event loop are read and queued together (one reminder
   * batch stores a hundred messages, each announced on its own: one read of endpoints per message
   * was 2,000 reads for 2,000 reminders, see docs/benchmarks.md).
   */
  publish(event: WebhookEvent): void {
    this.buffered.push(event);
    if (this.buffered.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const events = this.buffered.splice(0, this.buffered.length);
    this.publishMany(events);
  }

  /**
   * Like `publish`, for many events at once (the reminders of one due second): their people's
   * endpoints are read in one statement, so a burst of 10,000 reminders costs a hundred reads, not
   * ten thousand, and does not take the pool from the reminders themselves.
   */
  publishMany(events: WebhookEvent[]): void {
    if (events.length === 0) return;
    const work = this.fanOut(events).catch((err: unknown) => {
      for (const event of events) this.events.inc({ type: event.type, outcome: 'dropped' });
      this.logger.warn(
        { err: { message: (err as Error).message }, type: events[0]?.type, count: events.length },
        'webhook events not queued',
      );
    });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Waits for the events published so far to be queued (shutdown, tests). */
  async settled(): Promise<void> {
    this.flush();
    for (let i = 0; i < 100 && this.pending.size > 0; i += 1) await Promise.allSettled([...this.pending]);
  }

  private async fanOut(events: WebhookEvent[]): Promise<void> {
    const endpoints = (await this.ds.query(
      `SELECT id, user_id, events FROM webhook_endpoints WHERE user_id = ANY($1::uuid[]) AND disabled_at IS NULL`,
      [[...new Set(events.map((e) => e.userId))]],
    )) as { id: string; user_id: string; events: string[] }[];
    if (endpoints.length === 0) return;
    const byUser = new Map<string, typeof endpoints>();
    for (const e of endpoints) byUser.set(e.user_id, [...(byUser.get(e.user_id) ?? []), e]);
    for (const event of events) {
      const subscribed = (byUser.get(event.userId) ?? []).filter((e) => e.events.includes(event.type));
      if (subscribed.length === 0) continue;
      const eventId = eventIdOf(`${event.type}:${event.key}`);
      for (const e of subscribed)
        await enqueueDelivery(this.jobs, this.settings, {
          endpointId: e.id,
          userId: event.userId,
          eventId,
          type: event.type,
          occurredAt: event.occurredAt.toISOString(),
          data: event.data,
        });
      this.events.inc({ type: event.type, outcome: 'queued' });
    }
  }
}
