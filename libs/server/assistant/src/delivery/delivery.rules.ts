import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwner } from '@pa/server-rbac';

const readReminders = hasPermission('reminder:read:own');
const writeReminders = hasPermission('reminder:write:own');

export const reminderDeliveryRules: RuleMap = {
  Query: { dueReminders: readReminders },
  Mutation: {
    acknowledgeReminder: writeReminders,
    // No session: the signed action token is the capability (checked by the service), rate-limited per IP.
    reminderActionByToken: allow,
  },
  Subscription: { reminderAlerts: readReminders },
  ReminderDelivery: isOwner('reminder'),
  ReminderAlert: isOwner('reminder'),
};
