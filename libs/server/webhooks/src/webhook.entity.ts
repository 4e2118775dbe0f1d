import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The events an endpoint subscribes to (GraphQL names; the values are a delivery's `type`). */
export enum WebhookEventEnum {
  MESSAGE_RECEIVED = 'message.received',
  REMINDER_FIRED = 'reminder.fired',
  REMINDER_ACKNOWLEDGED = 'reminder.acknowledged',
  TASK_COMPLETED = 'task.completed',
  SMS_RECEIVED = 'sms.received',
}
registerEnumType(WebhookEventEnum, {
  name: 'WebhookEvent',
  description: 'An event a webhook endpoint may subscribe to.',
  valuesConfig: {
    MESSAGE_RECEIVED: {
      description: 'A new message in one of your conversations (yours or the assistant’s).',
    },
    REMINDER_FIRED: { description: 'A reminder of yours rang.' },
    REMINDER_ACKNOWLEDGED: { description: 'You answered a reminder that rang (done, snoozed, dismissed).' },
    TASK_COMPLETED: { description: 'A task of yours was marked done.' },
    SMS_RECEIVED: { description: 'A text from your phone reached your number.' },
  },
});

export enum WebhookDeliveryStatusEnum {
  PENDING = 'pending',
  RETRYING = 'retrying',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Queued, not tried yet.' },
    RETRYING: { description: 'Failed at least once; will be tried again.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Given up (a 4xx other than 429, or every attempt used).' },
  },
});

@Entity({ name: 'webhook_deliveries' })
@ObjectType({ description: 'One event sent (or being sent) to one endpoint: the delivery log.' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The log entry’s id.' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @Column({ name: 'event_id', type: 'text' })
  @Field(() => String, { description: 'The event’s id, also sent as the `X-PA-Event-Id` header.' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  @Field(() => String, { description: 'The event’s type, e.g. task.completed or webhook.test.' })
  eventType!: string;

  @Column({ type: 'text' })
  @Field(() => WebhookDeliveryStatusEnum, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatusEnum;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt, if one came back.' })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (short, never a secret).',
  })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in ms.' })
  durationMs!: number | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it.' })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the event was first queued for this endpoint.' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'webhook_endpoints' })
@ObjectType({
  description:
    'An address of yours that receives signed events (outgoing webhook). The signing secret is shown once, at creation or rotation.',
})
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The endpoint’s id.' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Where events are POSTed (https://).' })
  url!: string;

  @Column({ type: 'text', array: true })
  @Field(() => [WebhookEventEnum], { description: 'The events it receives.' })
  events!: WebhookEventEnum[];

  @Column({ name: 'secret_sealed', type: 'bytea', select: false })
  secretSealed!: Buffer;

  @Column({ name: 'secret_hint', type: 'text' })
  @Field(() => String, { description: 'The first characters of the signing secret, to recognise it.' })
  secretHint!: string;

  @Column({ name: 'consecutive_failures', type: 'int' })
  @Field(() => Int, {
    description: 'Deliveries failed in a row (each after its retries); 0 after a success.',
  })
  consecutiveFailures!: number;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set while disabled: nothing is delivered to it.' })
  disabledAt!: Date | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why it is disabled: `by_owner`, or `too_many_failures` (it was failing; you were emailed).',
  })
  disabledReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;

  /** Loaded with the list (one query for every endpoint), read by the `deliveries` field. */
  recentDeliveries?: WebhookDelivery[];
}

@ObjectType({ description: 'An endpoint with its signing secret, shown this once: copy it now.' })
export class WebhookEndpointWithSecret {
  @Field(() => String, { description: 'The signing secret, `whsec_…`: verify each delivery with it.' })
  secret!: string;

  @Field(() => WebhookEndpoint, { description: 'The endpoint as it will be listed.' })
  webhookEndpoint!: WebhookEndpoint;
}
