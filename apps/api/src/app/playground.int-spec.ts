import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { gql, wsClient } from '@pa/server-testing';
import { exampleTabs, type ExampleTab } from './playground-examples';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, ACCEPTED_CONSENTS } from '../testing/people';

// Every example operation of the playground runs as it is shown, against a real API: a schema
// change that breaks one fails here. Variables an example says to paste from another's answer
// (a new conversation's id, a refresh token) are filled the same way from that answer.

const EXAMPLE_TABS = exampleTabs();
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const operationsOf = (tab: ExampleTab) =>
  parse(tab.query).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );

function pick(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** What a subscription delivers within `ms` (its first result at most), errors included. */
function firstWithin(
  client: ReturnType<typeof wsClient>,
  query: string,
  variables: Record<string, unknown>,
  ms: number,
  extensions?: Record<string, unknown>,
): Promise<{ errors?: unknown }[]> {
  return new Promise((resolve) => {
    const got: { errors?: unknown }[] = [];
    const stop = client.subscribe(
      { query, variables, ...(extensions ? { extensions } : {}) },
      {
        next: (v) => {
          got.push(v as { errors?: unknown });
          stop();
          resolve(got);
        },
        error: (err) => resolve([...got, { errors: err }]),
        complete: () => resolve(got),
      },
    );
    setTimeout(() => {
      stop();
      resolve(got);
    }, ms);
  });
}

/** Posts a whole document with the operation to run named, as GraphiQL does. */
async function runNamed(
  query: string,
  operationName: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
}

async function headersFor(tab: ExampleTab): Promise<Record<string, string>> {
  if (tab.audience === 'anyone') return {};
  const p = await signUp(t, { role: tab.audience === 'administrator' ? 'administrator' : 'user' });
  return p.headers;
}

describe('playground examples', () => {
  it('are grouped in tabs covering sign-in, me, conversations, sending and listening, tasks, numbers, webhooks and administrators', () => {
    expect(EXAMPLE_TABS.map((tab) => tab.title)).toEqual([
      'Sign in',
      'Me and tokens',
      'Conversations',
      'Send and listen',
      'Tasks and reminders',
      'Numbers and usage',
      'Webhooks',
      'Administrators',
    ]);
    for (const tab of EXAMPLE_TABS)
      for (const op of operationsOf(tab)) {
        expect(op.name?.value).toBeTruthy();
        // Each operation has its own comment line right above it.
        const at = tab.query.indexOf(`${op.operation} ${op.name?.value ?? ''}`);
        expect([op.name?.value, tab.query.slice(0, at).trimEnd().split('\n').pop()?.startsWith('#')]).toEqual(
          [op.name?.value, true],
        );
      }
  });

  it.each(EXAMPLE_TABS.map((tab) => [tab.title, tab] as const))(
    'runs every operation of the "%s" tab as shown, without an error',
    async (_title, tab) => {
      if (tab.audience === 'anyone') {
        // The account the sign-in example's variables name.
        const reg = await gql(
          t.url,
          'mutation R($input: RegisterInput!) { register(input: $input) { sessionId } }',
          {
            input: {
              email: tab.variables['email'],
              password: tab.variables['password'],
              displayName: 'Example',
              timeZone: 'Europe/Paris',
              ...ACCEPTED_CONSENTS,
            },
          },
          { 'x-forwarded-for': '203.0.113.251' },
        );
        expect(reg.body.errors).toBeUndefined();
      }
      const headers = await headersFor(tab);
      const answers = new Map<string, unknown>();
      const failures: string[] = [];
      for (const op of operationsOf(tab)) {
        const name = op.name?.value ?? '';
        const variables = { ...tab.variables };
        for (const [key, from] of Object.entries(tab.fills ?? {}))
          if (answers.has(from.operation)) variables[key] = pick(answers.get(from.operation), from.path);
        if (op.operation === 'subscription') {
          const client = wsClient(t.url, headers['authorization'] ? { connectionParams: headers } : {});
          try {
            // A live feed may stay quiet: what must not come is an error (validation, auth, arguments).
            const got = await firstWithin(client, print(op), variables, 1500);
            if (got.some((r) => r.errors)) failures.push(`${name}: ${JSON.stringify(got)}`);
          } finally {
            await client.dispose();
          }
          continue;
        }
        // The whole tab's document, as GraphiQL sends it, with the operation picked by name.
        const res = await runNamed(tab.query, name, variables, headers);
        if (res.body.errors) failures.push(`${name}: ${JSON.stringify(res.body.errors)}`);
        answers.set(name, res.body.data);
      }
      expect(failures).toEqual([]);
    },
    90_000,
  );
});

describe('the playground page', () => {
  it('opens on the examples, one tab per group, and keeps queries, variables and headers out of the URL and storage', async () => {
    const html = await (await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    const json =
      /<script type="application\/json" id="playground-options">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    const options = JSON.parse(json) as {
      query?: string;
      defaultTabs?: { query: string; variables: string }[];
    };
    expect(options.query).toBe(EXAMPLE_TABS[0]?.query);
    expect(options.defaultTabs?.map((tab) => tab.query)).toEqual(EXAMPLE_TABS.map((tab) => tab.query));
    expect(options.defaultTabs?.map((tab) => Object.keys(JSON.parse(tab.variables) as object))).toEqual(
      EXAMPLE_TABS.map((tab) => Object.keys(tab.variables)),
    );
    const init = await (await fetch(`${t.url}/graphql/playground/init.js`)).text();
    expect(init).toContain('options.onEditQuery = function () {}');
    expect(init).toContain('options.shouldPersistHeaders = false');
    expect(init).toContain('options.storage = {');
    expect(init).not.toMatch(/localStorage\.|sessionStorage\.|replaceState\(/);
  });
});

describe('subscriptions from the playground', () => {
  it('sign the socket in from the headers GraphiQL sends with the operation, and refuse a bad one', async () => {
    const p = await signUp(t);
    const client = wsClient(t.url);
    try {
      const events: unknown[] = [];
      const done = new Promise<void>((resolve, reject) => {
        client.subscribe(
          {
            query: 'subscription { todayChanged { what } }',
            extensions: { headers: { Authorization: p.headers['authorization'] } },
          },
          {
            next: (v) => {
              events.push(v);
              resolve();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      await new Promise((r) => setTimeout(r, 300));
      await gql(t.url, 'mutation { createTask(title: "from the playground") { id } }', undefined, p.headers);
      await done;
      expect(events).toEqual([{ data: { todayChanged: { what: 'tasks' } } }]);
    } finally {
      await client.dispose();
    }
    const other = wsClient(t.url);
    try {
      const refused = await firstWithin(other, 'subscription { todayChanged { what } }', {}, 2000, {
        headers: { authorization: 'Bearer not-a-real-token-at-all' },
      });
      expect(JSON.stringify(refused)).toContain('UNAUTHENTICATED');
    } finally {
      await other.dispose();
    }
  });
});
