import { SystemInfo, StatusResolver, coreMigrations, statusRules, type RuleMap } from '@pa/server-core';
import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver, BackupCode, MfaFactor, User, authMigrations, authRules } from '@pa/server-auth';

/** What the API is made of: each feature lib adds its entities, migrations, resolvers and shield rules. */
export const apiParts = {
  entities: [SystemInfo, User, MfaFactor, BackupCode],
  migrations: [...coreMigrations, ...authMigrations],
  resolvers: [StatusResolver, AuthResolver] as NonEmptyArray<new (...args: never[]) => unknown>,
  rules: [statusRules, authRules] as RuleMap[],
};
