import { SystemInfo, StatusResolver, coreMigrations, statusRules, type RuleMap } from '@pa/server-core';
import type { NonEmptyArray } from 'type-graphql';

/** What the API is made of: each feature lib adds its entities, migrations, resolvers and shield rules. */
export const apiParts = {
  entities: [SystemInfo],
  migrations: [...coreMigrations],
  resolvers: [StatusResolver] as NonEmptyArray<new (...args: never[]) => unknown>,
  rules: [statusRules] as RuleMap[],
};
