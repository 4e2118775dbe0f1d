import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { createMemoryPubSub, mergeRules } from '@pa/server-core';
import { gql } from '@pa/server-testing';
import { apiParts } from './parts';
import { buildApiSchema } from './schema';
import { startTestApi, type TestApi } from '../testing/test-api';

// Operations anyone may call without signing in. Everything else must refuse an anonymous caller.
const PUBLIC = new Set([
  'Query.serverStatus',
  'Query.systemInfo',
  'Subscription.heartbeat',
  'Mutation.register',
  'Mutation.login',
  'Mutation.refreshSession',
  'Mutation.verifyEmail',
  'Mutation.requestPasswordReset',
  'Mutation.resetPassword',
  'Mutation.sendPasswordResetSms',
  // The VAPID public key is public; a notification's Done / Snooze carries its own signed capability.
  'Query.pushPublicKey',
  'Mutation.reminderActionByToken',
]);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = (await buildApiSchema(createMemoryPubSub())).unshielded;
});

const rules = mergeRules(...apiParts.rules) as Record<string, unknown>;
const roots = ['Query', 'Mutation', 'Subscription'];

describe('shield coverage, generated from the schema', () => {
  it('has an explicit rule for every root field and for every object type (nothing rests on the fallback)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const typeRules = rules[type.name];
      if (roots.includes(type.name)) {
        for (const field of Object.keys(type.getFields())) {
          if (!typeRules || !(field in (typeRules as object))) missing.push(`${type.name}.${field}`);
        }
      } else if (!typeRules) {
        missing.push(type.name);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** A syntactically valid literal for a required argument (values are nonsense on purpose). */
function literal(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return literal(type.ofType);
  if (type instanceof GraphQLList) return `[${literal(type.ofType)}]`;
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.name ?? 'X';
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (type instanceof GraphQLScalarType && ['Int', 'Float'].includes(type.name)) return '1';
  if (type instanceof GraphQLScalarType && type.name === 'Boolean') return 'true';
  if (type instanceof GraphQLScalarType && type.name === 'DateTimeISO') return '"2020-01-01T00:00:00.000Z"';
  return '"00000000-0000-4000-8000-000000000000"';
}

function selection(field: GraphQLField<unknown, unknown>): string {
  let type = field.type;
  while (type instanceof GraphQLNonNull || type instanceof GraphQLList) type = type.ofType;
  if (!(type instanceof GraphQLObjectType)) return '';
  const leaf = Object.values(type.getFields()).find((f) => {
    let t = f.type;
    while (t instanceof GraphQLNonNull || t instanceof GraphQLList) t = t.ofType;
    return t instanceof GraphQLScalarType || t instanceof GraphQLEnumType;
  });
  return `{ ${leaf?.name ?? '__typename'} }`;
}

describe('every non-public operation refuses an anonymous caller', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.close());

  it('answers UNAUTHENTICATED and no data for each of them, over HTTP', async () => {
    const leaks: string[] = [];
    for (const root of ['Query', 'Mutation'] as const) {
      const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
      for (const field of Object.values(type?.getFields() ?? {})) {
        if (PUBLIC.has(`${root}.${field.name}`)) continue;
        const args = field.args
          .filter((a) => a.type instanceof GraphQLNonNull)
          .map((a) => `${a.name}: ${literal(a.type)}`);
        const op = `${root === 'Mutation' ? 'mutation' : 'query'} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field)} }`;
        const res = await gql(t.url, op);
        const code = res.body.errors?.[0]?.extensions?.['code'];
        const data = res.body.data as Record<string, unknown> | null | undefined;
        if (code !== 'UNAUTHENTICATED' || (data && data[field.name] != null))
          leaks.push(`${root}.${field.name}: ${String(code)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
