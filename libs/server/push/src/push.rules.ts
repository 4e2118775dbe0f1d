import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwner } from '@pa/server-rbac';

const readOwn = hasPermission('preferences:read:own');
const updateOwn = hasPermission('preferences:update:own');

export const pushRules: RuleMap = {
  // The VAPID public key is public by design (every browser that subscribes receives it).
  Query: { pushPublicKey: allow, pushDevices: readOwn },
  Mutation: {
    subscribePush: updateOwn,
    unsubscribePush: updateOwn,
    removePushDevice: updateOwn,
    sendTestPush: updateOwn,
  },
  PushDevice: isOwner('push_device'),
};
