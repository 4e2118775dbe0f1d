import { SystemInfo, StatusResolver, coreMigrations, statusRules, type RuleMap } from '@pa/server-core';
import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver, BackupCode, MfaFactor, User, authMigrations, authRules } from '@pa/server-auth';
import { AuditLogResolver, UserAuditResolver, rbacMigrations, rbacRules } from '@pa/server-rbac';
import {
  AdminUsersResolver,
  UserPreferences,
  UsersResolver,
  usersMigrations,
  usersRules,
} from '@pa/server-users';
import {
  Conversation,
  ConversationResolver,
  Message,
  MessageResolver,
  conversationsMigrations,
  conversationsRules,
} from '@pa/server-conversations';
import {
  Reminder,
  ReminderAlertResolver,
  ReminderDelivery,
  ReminderResolver,
  reminderDeliveryMigrations,
  reminderDeliveryRules,
  Task,
  TaskResolver,
  assistantMigrations,
  assistantRules,
} from '@pa/server-assistant';
import { PhoneNumberResolver, smsMigrations, smsRules } from '@pa/server-sms-routing';
import { PushDevice, PushResolver, pushMigrations, pushRules } from '@pa/server-push';

/** What the API is made of: each feature lib adds its entities, migrations, resolvers and shield rules. */
export const apiParts = {
  entities: [
    SystemInfo,
    User,
    MfaFactor,
    BackupCode,
    UserPreferences,
    Conversation,
    Message,
    Task,
    Reminder,
    ReminderDelivery,
    PushDevice,
  ],
  migrations: [
    ...coreMigrations,
    ...authMigrations,
    ...rbacMigrations,
    ...usersMigrations,
    ...conversationsMigrations,
    ...assistantMigrations,
    ...smsMigrations,
    ...reminderDeliveryMigrations,
    ...pushMigrations,
  ],
  resolvers: [
    StatusResolver,
    AuthResolver,
    AuditLogResolver,
    UserAuditResolver,
    UsersResolver,
    AdminUsersResolver,
    ConversationResolver,
    MessageResolver,
    TaskResolver,
    ReminderResolver,
    PhoneNumberResolver,
    ReminderAlertResolver,
    PushResolver,
  ] as NonEmptyArray<new (...args: never[]) => unknown>,
  rules: [
    statusRules,
    authRules,
    rbacRules,
    usersRules,
    conversationsRules,
    assistantRules,
    smsRules,
    reminderDeliveryRules,
    pushRules,
  ] as RuleMap[],
};
