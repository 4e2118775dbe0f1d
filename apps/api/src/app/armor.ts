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
    // `__typename` is not free: 200 of them are 200 resolutions (armor exempts it by default).
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, allowList: [] },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    // Tokens are limited by Apollo's own parser (`parseOptions` below): a syntax error or an oversized
    // document is then GRAPHQL_PARSE_FAILED with HTTP 400. Armor's plugin parses first and throws,
    // which Apollo answers with 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const wsValidationRules: ValidationRule[] = [...specifiedRules, ...protection.validationRules];
  return {
    apollo: { ...protection, parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS } },
    wsValidationRules,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
  };
}

const SUGGESTION = /\s*Did you mean .*\?$/;

/** Field suggestions leak the schema when introspection is off: strip them (armor does this on HTTP only). */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
