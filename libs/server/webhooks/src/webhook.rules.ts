import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwnerOr } from '@pa/server-rbac';

const read = hasPermission('webhook:read:own');
const write = hasPermission('webhook:write:own');

// Every person (and administrator) manages their own endpoints; a token needs the webhook scopes.
// The service scopes every read and write by the caller; the type rule is the second lock.
export const webhookRules: RuleMap = {
  Query: { webhookEndpoints: read },
  Mutation: {
    createWebhookEndpoint: write,
    updateWebhookEndpoint: write,
    setWebhookEndpointEnabled: write,
    deleteWebhookEndpoint: write,
    rotateWebhookSecret: write,
    sendTestWebhookEvent: write,
  },
  WebhookEndpoint: isOwnerOr('user:manage:any', 'webhook'),
  // Returned only to the caller who just created or rotated it.
  WebhookEndpointWithSecret: write,
  // Reached only through an endpoint of the caller's (the rule above).
  WebhookDelivery: allow,
};
