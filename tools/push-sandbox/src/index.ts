export {
  startPushSandbox,
  type FailureRule,
  type PushSandbox,
  type PushSandboxOptions,
  type SandboxPushMessage,
  type SandboxSubscription,
} from './push-sandbox.server';
export { decryptAes128gcm, newSubscriberKeys, verifyVapid, type SubscriberKeys } from './web-push-crypto';
