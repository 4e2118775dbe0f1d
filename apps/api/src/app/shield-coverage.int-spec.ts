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
import { createHash, randomBytes } from 'node:crypto';
import { createMemoryPubSub, mergeRules } from '@pa/server-core';
import { collect, gql, wsClient } from '@pa/server-testing';
import { TOKEN_SCOPE_PRESETS, type Role } from '@pa/shared-domain';
import { signUp } from '../testing/people';
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
  // The terms, privacy notice and SMS notice (kind, version, link): the sign-up form shows them.
  'Query.legalDocuments',
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

describe('a personal access token never reaches beyond its scopes', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000', RATE_LIMIT_TOKEN_PER_MINUTE: '100000' });
  });
  afterAll(() => t.close());

  /** A token stored as the service stores one, with exactly `scopes` (none is allowed here, on purpose). */
  async function tokenOf(role: Role, scopes: string[]): Promise<Record<string, string>> {
    const p = await signUp(t, { role });
    const token = `pat_${randomBytes(32).toString('base64url')}`;
    await t.runtime.dataSource.query(
      `INSERT INTO personal_access_tokens (user_id, name, token_hash, hint, scopes, expires_at)
       VALUES ($1, 'probe', $2, 'pat_…', $3, now() + interval '1 day')`,
      [p.id, createHash('sha256').update(token).digest('hex'), scopes],
    );
    return { authorization: `Bearer ${token}` };
  }

  const REFUSED = ['TOKEN_SCOPE_MISSING', 'SESSION_REQUIRED', 'FORBIDDEN'];

  async function leaksOf(headers: Record<string, string>, roots: ('Query' | 'Mutation')[]) {
    const leaks: string[] = [];
    for (const root of roots) {
      const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
      for (const field of Object.values(type?.getFields() ?? {})) {
        if (PUBLIC.has(`${root}.${field.name}`)) continue;
        const args = field.args
          .filter((a) => a.type instanceof GraphQLNonNull)
          .map((a) => `${a.name}: ${literal(a.type)}`);
        const op = `${root === 'Mutation' ? 'mutation' : 'query'} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field)} }`;
        const res = await gql(t.url, op, undefined, headers);
        const code = res.body.errors?.[0]?.extensions?.['code'];
        const data = res.body.data as Record<string, unknown> | null | undefined;
        if (!REFUSED.includes(String(code)) || (data && data[field.name] != null))
          leaks.push(`${root}.${field.name}: ${String(code)}`);
      }
    }
    return leaks;
  }

  it('refuses every non-public operation to a token with no scope, for each role, over HTTP', async () => {
    const leaks: string[] = [];
    for (const role of ['user', 'administrator'] as const)
      leaks.push(
        ...(await leaksOf(await tokenOf(role, []), ['Query', 'Mutation'])).map((l) => `${role}: ${l}`),
      );
    expect(leaks).toEqual([]);
  }, 120_000);

  it('refuses every mutation to an administrator’s read-only token', async () => {
    const readOnly = [...(TOKEN_SCOPE_PRESETS['read-only'] ?? [])];
    expect(await leaksOf(await tokenOf('administrator', readOnly), ['Mutation'])).toEqual([]);
  }, 120_000);

  it('refuses every non-public subscription to a token with no scope, over WebSocket', async () => {
    const headers = await tokenOf('administrator', []);
    const client = wsClient(t.url, { connectionParams: { authorization: headers['authorization'] } });
    const leaks: string[] = [];
    try {
      for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
        if (PUBLIC.has(`Subscription.${field.name}`)) continue;
        const args = field.args
          .filter((a) => a.type instanceof GraphQLNonNull)
          .map((a) => `${a.name}: ${literal(a.type)}`);
        const op = `subscription { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field)} }`;
        const got = await collect(client, op, 1, 3000).catch((err: unknown) => [{ errors: [String(err)] }]);
        const text = JSON.stringify(got);
        if (!REFUSED.some((c) => text.includes(c)) || got.some((r) => (r as { data?: unknown }).data))
          leaks.push(`Subscription.${field.name}: ${text.slice(0, 200)}`);
      }
    } finally {
      await client.dispose();
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});
