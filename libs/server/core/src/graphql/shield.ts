import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
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

/**
 * Wraps the schema in graphql-shield: deny by default, typed errors pass through unchanged. The
 * shield only wraps `resolve`, which for a subscription runs per event; the same rule is applied
 * to the subscription's set-up too, so a refused caller never starts listening.
 */
export function applyShield(schema: GraphQLSchema, ...maps: RuleMap[]): GraphQLSchema {
  const rules = mergeRules(...maps);
  const options = {
    fallbackRule: deny,
    fallbackError: coreError(CoreErrorCode.FORBIDDEN),
    allowExternalErrors: true,
    // No contextual cache: every check runs per request and per subscription event.
    debug: false,
  };
  const shielded = applyMiddleware(schema, shield(rules, options));
  guardSubscriptionSetup(shielded, rules as Record<string, unknown>, options.fallbackError);
  return shielded;
}

interface ResolvableRule {
  resolve(
    parent: unknown,
    args: unknown,
    ctx: unknown,
    info: GraphQLResolveInfo,
    options: object,
  ): Promise<unknown>;
}

const isResolvable = (value: unknown): value is ResolvableRule =>
  typeof value === 'object' && value !== null && typeof (value as ResolvableRule).resolve === 'function';

function guardSubscriptionSetup(schema: GraphQLSchema, rules: Record<string, unknown>, fallbackError: Error) {
  const type = schema.getSubscriptionType();
  if (!type) return;
  const typeRules = rules[type.name];
  const shieldOptions = { debug: false, allowExternalErrors: true, fallbackError, fallbackRule: deny };
  for (const field of Object.values(type.getFields())) {
    const subscribe = field.subscribe;
    if (!subscribe) continue;
    const candidate = isResolvable(typeRules)
      ? typeRules
      : ((typeRules as Record<string, unknown> | undefined)?.[field.name] ??
        (typeRules as Record<string, unknown> | undefined)?.['*']);
    const rule: ResolvableRule = isResolvable(candidate) ? candidate : (deny as unknown as ResolvableRule);
    field.subscribe = async (parent, args, ctx, info) => {
      const verdict = await rule.resolve(parent, args, ctx, info, shieldOptions);
      if (verdict === true) return subscribe(parent, args, ctx, info);
      throw verdict instanceof Error ? verdict : fallbackError;
    };
  }
}
