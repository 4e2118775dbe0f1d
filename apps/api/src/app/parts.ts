import { SystemInfo, StatusResolver, coreMigrations, statusRules, type RuleMap } from '@pa/server-core';
import type { NonEmptyArray } from 'type-graphql';
import { User, authMigrations } from '@pa/server-auth';

/** What the API is made of: each feature lib adds its entities, migrations, resolvers and shield rules. */
export const apiParts = {
  entities: [SystemInfo, User],
  migrations: [...coreMigrations, ...authMigrations],
  resolvers: [StatusResolver] as NonEmptyArray<new (...args: never[]) => unknown>,
  rules: [statusRules] as RuleMap[],
};
