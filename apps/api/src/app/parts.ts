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

/** What the API is made of: each feature lib adds its entities, migrations, resolvers and shield rules. */
export const apiParts = {
  entities: [SystemInfo, User, MfaFactor, BackupCode, UserPreferences, Conversation, Message],
  migrations: [
    ...coreMigrations,
    ...authMigrations,
    ...rbacMigrations,
    ...usersMigrations,
    ...conversationsMigrations,
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
  ] as NonEmptyArray<new (...args: never[]) => unknown>,
  rules: [statusRules, authRules, rbacRules, usersRules, conversationsRules] as RuleMap[],
};
