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
