import type { PushService } from './push.service';

declare module '@pa/server-core' {
  interface Services {
    push: PushService;
  }
}

export type {
  PushOptions,
  PushPayload,
  PushSendResult,
  PushSender,
  PushTarget,
  PushUrgency,
} from './push.port';
export { pushSettingsFromConfig, isP256PublicKey, type PushSettings } from './push.config';
export { createWebPushSender, classifyPushStatus, parseRetryAfter } from './web-push.adapter';
export { PushDevice } from './push-device.entity';
export { SubscribePushInput } from './push.inputs';
export { PushService, PUSH_MAX_ATTEMPTS } from './push.service';
export { pushOptionsFor } from './push-rows';
export { pushMetrics, type PushMetrics } from './push.metrics';
export { PushResolver } from './push.resolver';
export { pushRules } from './push.rules';
export { pushMigrations } from './migrations';
export { PushErrorCode, pushError } from './push.errors';
export { devVapidKeys, withDevVapidKeys } from './vapid-keys';
export { createPushService, registerPushJobs } from './push.wiring';
