import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { CoreErrorCode, coreError } from '../errors/app-error';

/** A resource's rules: per type, a rule for the whole type or per field. */
export type RuleMap = Record<string, IRules>;

/** Merges feature rule maps; a type or field named twice is a programming error. */
export function mergeRules(...maps: RuleMap[]): IRules {
  const out: Record<string, Record<string, unknown> | unknown> = {};
  for (const map of maps) {
    for (const [type, rules] of Object.entries(map)) {
      const existing = out[type];
      if (existing === undefined) {
        out[type] = rules;
      } else if (
        typeof existing === 'object' &&
        typeof rules === 'object' &&
        !('resolve' in (rules as object))
      ) {
        for (const field of Object.keys(rules as object)) {
          if (field in (existing as object))
            throw new Error(`shield: rule for ${type}.${field} defined twice`);
        }
        out[type] = { ...(existing as object), ...(rules as object) };
      } else {
        throw new Error(`shield: rules for ${type} defined twice`);
      }
    }
  }
  return out as IRules;
}

/** Wraps the schema in graphql-shield: deny by default, typed errors pass through unchanged. */
export function applyShield(schema: GraphQLSchema, ...maps: RuleMap[]): GraphQLSchema {
  const permissions = shield(mergeRules(...maps), {
    fallbackRule: deny,
    fallbackError: coreError(CoreErrorCode.FORBIDDEN),
    allowExternalErrors: true,
    // No contextual cache: every check runs per request and per subscription event.
    debug: false,
  });
  return applyMiddleware(schema, permissions);
}
