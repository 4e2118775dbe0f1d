import { SystemInfo, StatusResolver, coreMigrations, statusRules, type RuleMap } from '@pa/server-core';
import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver, BackupCode, MfaFactor, User, authMigrations, authRules } from '@pa/server-auth';
import {
  AuditLogResolver,
  PersonalAccessToken,
  PersonalAccessTokenResolver,
  UserAuditResolver,
  rbacMigrations,
  rbacRules,
  tokenRules,
} from '@pa/server-rbac';
import {
  AdminUsersResolver,
  ConsentResolver,
  PrivacyResolver,
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
  Appointment,
  AppointmentResolver,
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
import {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookResolver,
  webhookRules,
  webhooksMigrations,
} from '@pa/server-webhooks';

/** A migration's timestamp: the digits its class name ends with. */
const timestampOf = (name: string) => Number(/(\d{13})$/.exec(name)?.[1] ?? 0);

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
    Appointment,
    ReminderDelivery,
    PushDevice,
    PersonalAccessToken,
    WebhookEndpoint,
    WebhookDelivery,
  ],
  // In the order they run (by timestamp): a lib's later migration comes after other libs' first ones.
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
    ...webhooksMigrations,
  ].sort((a, b) => timestampOf(a.name) - timestampOf(b.name)),
  resolvers: [
    StatusResolver,
    AuthResolver,
    AuditLogResolver,
    UserAuditResolver,
    UsersResolver,
    AdminUsersResolver,
    PrivacyResolver,
    ConsentResolver,
    ConversationResolver,
    MessageResolver,
    TaskResolver,
    ReminderResolver,
    AppointmentResolver,
    PhoneNumberResolver,
    ReminderAlertResolver,
    PushResolver,
    PersonalAccessTokenResolver,
    WebhookResolver,
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
    tokenRules,
    webhookRules,
  ] as RuleMap[],
};
