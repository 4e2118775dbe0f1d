import { Writable } from 'node:stream';
import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  isLeafType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { createLogger, createMemoryPubSub } from '@pa/server-core';
import { gql, wsClient } from '@pa/server-testing';
import { buildApiSchema } from './schema';
import { startTestApi, type TestApi } from '../testing/test-api';

// Generated from the schema: every string a client can send (each String or ID argument, and each
// String or ID field of an input object, nested and in lists) carrying a NUL is refused with
// VALIDATION_FAILED, over HTTP and WebSocket, for everyone (no sign-in needed to be refused), with
// no 500 and no error logged. A new field is covered the day it appears.
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});

let t: TestApi;
let schema: GraphQLSchema;
beforeAll(async () => {
  t = await startTestApi({}, createLogger({ level: 'info', name: 'test' }, sink));
  schema = (await buildApiSchema(createMemoryPubSub())).unshielded;
});
afterAll(() => t.close());

interface Case {
  name: string;
  operation: 'query' | 'mutation' | 'subscription';
  document: string;
  variables: Record<string, unknown>;
}

const STRINGS = new Set(['String', 'ID']);

/** Every way to put `bad` in a value of this type: [description, value]. */
function placements(type: GraphQLInputType, bad: string, depth = 0): [string, unknown][] {
  if (type instanceof GraphQLNonNull) return placements(type.ofType, bad, depth);
  if (type instanceof GraphQLList)
    return placements(type.ofType, bad, depth).map(([d, v]) => [`[${d}]`, [v]]);
  if (type instanceof GraphQLScalarType) return STRINGS.has(type.name) ? [['', bad]] : [];
  if (type instanceof GraphQLInputObjectType && depth < 4) {
    return Object.values(type.getFields()).flatMap((f) =>
      placements(f.type, bad, depth + 1).map(([d, v]): [string, unknown] => [
        `.${f.name}${d}`,
        { [f.name]: v },
      ]),
    );
  }
  return [];
}

function cases(bad: string): Case[] {
  const out: Case[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  for (const [operation, root] of roots) {
    if (!(root instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(root.getFields())) {
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `${operation} Case(${declared}) { ${field.name}(${passed})${selection} }`;
      for (const arg of field.args) {
        for (const [where, value] of placements(arg.type, bad)) {
          out.push({
            name: `${operation} ${field.name}(${arg.name}${where})`,
            operation,
            document,
            variables: { [arg.name]: value },
          });
        }
      }
    }
  }
  return out;
}

const codeOf = (errors: readonly unknown[] | undefined) =>
  (errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;

describe('invalid text in any string argument', () => {
  it('the schema has string arguments to test, nested ones included', () => {
    const all = cases('\u0000');
    expect(all.length).toBeGreaterThan(40);
    expect(all.some((c) => c.name.includes('.'))).toBe(true);
    expect(all.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^mutation login\(input\.email\)$/),
        expect.stringMatching(/^mutation sendMessage\(/),
        expect.stringMatching(/^mutation createTask\(/),
        expect.stringMatching(/^mutation createReminder\(/),
      ]),
    );
  });

  it('refuses NUL with VALIDATION_FAILED over HTTP, for every field (no 500)', async () => {
    const wrong: string[] = [];
    for (const c of cases('\u0000').filter((x) => x.operation !== 'subscription')) {
      const res = await gql(t.url, c.document, c.variables);
      if (res.status !== 400 || codeOf(res.body.errors) !== 'VALIDATION_FAILED')
        wrong.push(`${c.name}: ${res.status} ${codeOf(res.body.errors)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses NUL with VALIDATION_FAILED over WebSocket, subscriptions included', async () => {
    const client = wsClient(t.url);
    const wrong: string[] = [];
    try {
      for (const c of cases('\u0000')) {
        const code = await new Promise<string | undefined>((resolve) => {
          const stop = client.subscribe(
            { query: c.document, variables: c.variables },
            {
              next: (r) => {
                stop();
                resolve(codeOf(r.errors));
              },
              error: (e) => resolve(codeOf(Array.isArray(e) ? e : [])),
              complete: () => resolve('COMPLETED'),
            },
          );
        });
        if (code !== 'VALIDATION_FAILED') wrong.push(`${c.name}: ${code}`);
      }
    } finally {
      await client.dispose();
    }
    expect(wrong).toEqual([]);
  });

  it('refuses other control characters, lone surrogates and escaped literals; keeps tab and newlines', async () => {
    const login = cases('x').find((c) => c.name === 'mutation login(input.email)');
    if (!login) throw new Error('no login case');
    for (const bad of ['a\u001Bb', 'a\u007Fb', '\uD800', 'x\uDC00y', 'a\u0008']) {
      const res = await gql(t.url, login.document, { input: { email: bad } });
      expect([bad, res.status, codeOf(res.body.errors)]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
    const literal = await gql(
      t.url,
      'mutation { login(input: { email: "a\\u0000b", password: "p" }) { sessionId } }',
    );
    expect([literal.status, codeOf(literal.body.errors)]).toEqual([400, 'VALIDATION_FAILED']);
    // Tab, newline, carriage return and real astral characters (an emoji: a surrogate pair) pass the edge.
    const fine = await gql(t.url, login.document, {
      input: { email: 'a\tb\nc\r😀@example.test', password: 'lantern-cactus-orbit-violin' },
    });
    expect(codeOf(fine.body.errors)).not.toBe('VALIDATION_FAILED');
  });

  it('logged no error and no stack for any of it', () => {
    const errors = lines.filter((l) => /"level":(50|60)/.test(l) || /\bat .*\.[jt]s:\d+/.test(l));
    expect(errors).toEqual([]);
  });
});
