import { ApolloArmor } from '@escape.tech/graphql-armor';
import { specifiedRules, type ValidationRule } from 'graphql';
import type { AppConfig } from '@pa/server-core';

type ArmorConfig = Pick<
  AppConfig,
  | 'GRAPHQL_MAX_DEPTH'
  | 'GRAPHQL_MAX_ALIASES'
  | 'GRAPHQL_MAX_COST'
  | 'GRAPHQL_MAX_TOKENS'
  | 'GRAPHQL_MAX_DIRECTIVES'
>;

/** graphql-armor limits, one definition for HTTP (Apollo plugins) and WebSocket (validation rules). */
export function createArmor(config: ArmorConfig) {
  const protection = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const wsValidationRules: ValidationRule[] = [...specifiedRules, ...protection.validationRules];
  return { apollo: protection, wsValidationRules, maxTokens: config.GRAPHQL_MAX_TOKENS };
}

const SUGGESTION = /\s*Did you mean .*\?$/;

/** Field suggestions leak the schema when introspection is off: strip them (armor does this on HTTP only). */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
