import type { WebhookService } from './webhook.service';

declare module '@pa/server-core' {
  interface Services {
    /** Outgoing webhooks: a person's endpoints and their delivery log. */
    webhooks: WebhookService;
  }
}

export {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhookSignature,
} from './webhook-signature';
export {
  checkWebhookUrl,
  isForbiddenAddress,
  type WebhookUrlCheck,
  type WebhookUrlPolicy,
  type WebhookUrlProblem,
} from './webhook-url';
export {
  WebhookDelivery,
  WebhookDeliveryStatusEnum,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventEnum,
} from './webhook.entity';
export { WebhookErrorCode, webhookError } from './webhook.errors';
export { WebhookService, urlPolicyOf, type WebhookEndpointInput } from './webhook.service';
export { WebhookResolver } from './webhook.resolver';
export { webhookRules } from './webhook.rules';
export { webhooksMigrations } from './migrations';
export { eventIdOf } from './webhook-keys';
export { WebhookPublisher, type WebhookEvent } from './webhook-publisher';
export {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  createWebhookDeliveryProcessor,
  enqueueDelivery,
  registerWebhookJobs,
  type WebhookDeliverPayload,
  type WebhookDeliveryDeps,
  type WebhookDeliverySettings,
} from './webhook-delivery.jobs';
export {
  connectWebhookEvents,
  messageEvents,
  reminderAcknowledgedEvent,
  reminderFiredEvent,
  taskCompletedEvents,
  type WebhookEventSources,
} from './webhook-events';
