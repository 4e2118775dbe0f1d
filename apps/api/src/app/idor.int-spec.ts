import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { createMemoryPubSub, runWithContext } from '@pa/server-core';
import { gql, wsClient } from '@pa/server-testing';
import type { Permission, Role } from '@pa/shared-domain';
import { can, permissionsOf } from '@pa/shared-domain';
import { AuthorEnum } from '@pa/server-conversations';
import { buildApiSchema } from './schema';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, signUp, type Person } from '../testing/people';

// Generated from the schema: every Query, Mutation and Subscription field is called by person A (as
// nobody, user, premium and administrator) with person B's ids, over HTTP and WebSocket. B's data
// must never come back and B's account must not change, except where the permission matrix grants
// the role a cross-user permission (then the answer must show B, proving the check can see a leak).
// A new field is covered the day it appears: it is assumed to be own-data-only until listed here.
const CROSS_USER: Record<string, Permission> = {
  'Query.users': 'user:read:any',
  'Query.user': 'user:read:any',
  'Query.auditLog': 'audit:read:any',
  'Subscription.auditEntryAdded': 'audit:read:any',
  'Mutation.setUserRole': 'role:assign:any',
  'Mutation.disableUser': 'user:manage:any',
  'Mutation.enableUser': 'user:manage:any',
  'Mutation.deleteUser': 'user:manage:any',
  // Administrators run the numbers and see platform SMS analytics (owners' names included).
  'Query.phoneNumbers': 'sms_number:manage:any',
  'Mutation.reassignPhoneNumber': 'sms_number:manage:any',
  'Mutation.unassignPhoneNumber': 'sms_number:manage:any',
  'Mutation.releasePhoneNumberToTwilio': 'sms_number:manage:any',
  'Query.smsAnalytics': 'analytics:read:any',
  'Query.smsUsageCsv': 'analytics:read:any',
};
// Run last, in this order: they end A's own session or remove B.
const LAST = ['logout', 'logoutAll', 'deleteUser'];

// A `+token` caller is person A acting through a personal access token carrying every permission of
// their role: a token never reaches beyond its owner, whatever its scopes.
type Caller = Role | `${Role}+token` | 'anonymous';
const CALLERS: Caller[] = [
  'anonymous',
  'user',
  'premium',
  'administrator',
  'user+token',
  'administrator+token',
];
const roleOf = (caller: Caller): Role | undefined =>
  caller === 'anonymous' ? undefined : (caller.replace('+token', '') as Role);

/** Person A as the caller: signed in, or through a token of theirs with all their role's scopes. */
async function callerA(caller: Caller): Promise<Person | undefined> {
  const role = roleOf(caller);
  if (!role) return undefined;
  const a = await signUp(t, { role });
  if (!caller.endsWith('+token')) return a;
  const { token } = await t.api.services.tokens.create(
    a.id,
    { name: 'idor probe', scopes: [...permissionsOf(role)], expiresInDays: 1 },
    { ip: '127.0.0.1', userAgent: 'idor' },
  );
  return { ...a, headers: { authorization: `Bearer ${token}` } };
}
type Transport = 'http' | 'ws';

interface Victim extends Person {
  phone: string;
  /** Sent by B as user agent (their sessions' device) and request id (their audit entries). */
  tag: string;
  /** A word only B's conversation title and message bodies contain. */
  secret: string;
  conversationId: string;
  messageId: string;
  taskId: string;
  reminderId: string;
  /** B's dedicated number, and its id. */
  number: string;
  numberId: string;
  /** B's webhook endpoint (its URL holds B's secret word). */
  webhookId: string;
}

let t: TestApi;
let schema: GraphQLSchema;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000', RATE_LIMIT_TOKEN_PER_MINUTE: '100000' });
  schema = (await buildApiSchema(createMemoryPubSub())).unshielded;
});
afterAll(() => t.close());

async function victim(): Promise<Victim> {
  const marker = `Bsecret${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const tag = `victim-${marker}`;
  const b = await signUp(t, {
    displayName: `Victim ${marker}`,
    headers: { 'user-agent': tag, 'x-request-id': tag },
  });
  const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await t.runtime.dataSource.query(
    `INSERT INTO mfa_factors (user_id, kind, phone_e164, confirmed_at) VALUES ($1, 'sms', $2, now())`,
    [b.id, phone],
  );
  await as(
    t,
    b,
    'mutation { updatePreferences(input: { quietHoursStart: "21:15", quietHoursEnd: "06:45" }) { locale } }',
    undefined,
    { 'x-request-id': tag },
  );
  const secret = `${marker}word`;
  const conv = await as<{ createConversation: { id: string } }>(
    t,
    b,
    'mutation C($t: String) { createConversation(title: $t) { id } }',
    { t: `Plans ${secret}` },
  );
  const conversationId = conv.body.data?.createConversation.id ?? '';
  const sent = await as<{ sendMessage: { id: string } }>(
    t,
    b,
    'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
    { input: { conversationId, body: `call the dentist ${secret}`, clientId: `client-${marker}` } },
  );
  const messageId = sent.body.data?.sendMessage.id ?? '';
  await as(t, b, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }', {
    input: {
      conversationId,
      body: `in the thread ${secret}`,
      parentId: messageId,
      clientId: `reply-${marker}`,
    },
  });
  const task = await as<{ createTask: { id: string } }>(
    t,
    b,
    'mutation T($t: String!) { createTask(title: $t) { id } }',
    {
      t: `file taxes ${secret}`,
    },
  );
  const reminder = await as<{ createReminder: { id: string } }>(
    t,
    b,
    'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }',
    { input: { text: `stretch ${secret}`, dueAt: new Date(Date.now() + 86_400_000).toISOString() } },
  );
  const taskId = task.body.data?.createTask.id ?? '';
  const reminderId = reminder.body.data?.createReminder.id ?? '';
  // Loopback is accepted in tests; nothing listens on the discard port (a leaked test event goes nowhere).
  const webhook = await as<{ createWebhookEndpoint: { webhookEndpoint: { id: string } } }>(
    t,
    b,
    'mutation W($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id } } }',
    { input: { url: `http://127.0.0.1:9/${secret}`, events: ['TASK_COMPLETED'] } },
  );
  const webhookId = webhook.body.data?.createWebhookEndpoint.webhookEndpoint.id ?? '';
  if (!conversationId || !messageId || !taskId || !reminderId || !webhookId)
    throw new Error('victim set-up failed');
  // B's dedicated number and a text through it (fixtures as the number manager and router write them).
  const number = `+1628${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const [numberRow] = (await t.runtime.dataSource.query(
    `INSERT INTO user_phone_numbers (phone_number, twilio_sid, country, status, user_id, monthly_cost, currency, assigned_at)
     VALUES ($1, $2, 'US', 'active', $3, 1.15, 'USD', now()) RETURNING id`,
    [number, `PN${hex(32)}`, b.id],
  )) as { id: string }[];
  const numberId = numberRow?.id ?? '';
  await t.runtime.dataSource.query(
    `INSERT INTO sms_usage_logs (kind, user_id, number_id, direction, message_sid, segments, price, currency, status)
     VALUES ('message', $1, $2, 'inbound', $3, 1, 0.0079, 'USD', 'received')`,
    [b.id, numberId, `SM${hex(32)}`],
  );
  return {
    ...b,
    phone,
    tag,
    secret,
    conversationId,
    messageId,
    taskId,
    reminderId,
    number,
    numberId,
    webhookId,
  };
}

/** Everything about B that another person could change. */
async function snapshot(b: Victim): Promise<unknown> {
  const [row] = (await t.runtime.dataSource.query(
    `SELECT u.email, u.display_name, u.time_zone, u.disabled_at, u.avatar_color, u.avatar_image_type,
            u.password_hash, u.email_verified_at, ur.role,
            to_jsonb(p) - 'updated_at' AS preferences,
            (SELECT count(*) FROM mfa_factors f WHERE f.user_id = u.id) AS factors,
            (SELECT json_agg(json_build_object('t', c.title, 'a', c.archived_at) ORDER BY c.id)
               FROM conversations c WHERE c.user_id = u.id) AS conversations,
            (SELECT json_agg(json_build_object('b', m.body, 'p', m.parent_id) ORDER BY m.id)
               FROM messages m WHERE m.user_id = u.id AND m.author = 'user') AS messages,
            (SELECT json_agg(json_build_object('t', k.title, 'd', k.done_at) ORDER BY k.id)
               FROM tasks k WHERE k.user_id = u.id) AS tasks,
            (SELECT json_agg(json_build_object('t', r.text, 'at', r.due_at, 's', r.status) ORDER BY r.id)
               FROM reminders r WHERE r.user_id = u.id) AS reminders,
            (SELECT json_agg(json_build_object('n', n.phone_number, 's', n.status) ORDER BY n.id)
               FROM user_phone_numbers n WHERE n.user_id = u.id) AS numbers,
            (SELECT json_agg(json_build_object('u', w.url, 'e', w.events, 'd', w.disabled_at,
                    'h', w.secret_hint, 's', encode(w.secret_sealed, 'hex'), 'f', w.consecutive_failures,
                    'n', (SELECT count(*) FROM webhook_deliveries wd WHERE wd.endpoint_id = w.id)) ORDER BY w.id)
               FROM webhook_endpoints w WHERE w.user_id = u.id) AS webhooks
       FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id LEFT JOIN preferences p ON p.user_id = u.id
      WHERE u.id = $1`,
    [b.id],
  )) as unknown[];
  const alive = await as<{ me: { id: string } }>(t, b, '{ me { id } }');
  return { row, sessionAlive: alive.body.data?.me.id === b.id };
}

/** Argument values aimed at B: ids are B's (each in turn), strings that name a person are B's. */
function literal(type: GraphQLInputType, name: string, b: Victim, id: string, depth = 0): string | undefined {
  if (type instanceof GraphQLNonNull) return literal(type.ofType, name, b, id, depth);
  if (type instanceof GraphQLList) {
    const inner = literal(type.ofType, name, b, id, depth);
    return inner === undefined ? undefined : `[${inner}]`;
  }
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.name;
  if (type instanceof GraphQLInputObjectType) {
    if (depth > 2) return undefined;
    const fields = Object.values(type.getFields())
      .map((f) => {
        const required = f.type instanceof GraphQLNonNull;
        const aimed = getNamedType(f.type).name === 'ID' || ['email', 'phone', 'search'].includes(f.name);
        if (!required && !aimed) return undefined;
        const v = literal(f.type, f.name, b, id, depth + 1);
        return v === undefined ? undefined : `${f.name}: ${v}`;
      })
      .filter((f): f is string => f !== undefined);
    return `{ ${fields.join(', ')} }`;
  }
  if (type instanceof GraphQLScalarType) {
    if (type.name === 'ID') return JSON.stringify(id);
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
    if (type.name === 'DateTimeISO') return '"2020-01-01T00:00:00.000Z"';
    if (name === 'email') return JSON.stringify(b.email);
    // A knows B's ids and email (that is the attack); B's name, phone and address are what must not leak.
    if (name === 'phone') return '"+15005550006"';
    if (name === 'search') return JSON.stringify(b.email);
    return '"probe-value"';
  }
  return undefined;
}

/** Every leaf reachable within a few levels, so anything of B's would be in the answer. */
function selection(type: GraphQLObjectType, depth = 0): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => a.type instanceof GraphQLNonNull)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (named instanceof GraphQLObjectType && depth < 3)
      parts.push(`${field.name} ${selection(named, depth + 1)}`);
  }
  return `{ ${parts.join(' ') || '__typename'} }`;
}

function operation(
  root: 'Query' | 'Mutation' | 'Subscription',
  field: GraphQLField<unknown, unknown>,
  b: Victim,
  id: string,
) {
  const args = field.args
    .map((a) => {
      const required = a.type instanceof GraphQLNonNull;
      const aimed = /id$/i.test(a.name) || getNamedType(a.type) instanceof GraphQLInputObjectType;
      if (!required && !aimed) return undefined;
      const v = literal(a.type, a.name, b, id);
      return v === undefined ? undefined : `${a.name}: ${v}`;
    })
    .filter((a): a is string => a !== undefined);
  const named = getNamedType(field.type);
  const sel = named instanceof GraphQLObjectType ? selection(named) : '';
  return `${root.toLowerCase()} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sel} }`;
}

function wsOnce(client: Client, query: string): Promise<{ data?: unknown; errors?: unknown }> {
  return new Promise((resolve) => {
    let result: { data?: unknown; errors?: unknown } = {};
    client.subscribe(
      { query },
      {
        next: (value) => (result = value as typeof result),
        error: (err) => resolve({ errors: err }),
        complete: () => resolve(result),
      },
    );
  });
}

/** Subscribes as A, makes B-related events happen, and returns whatever A received. */
function wsWatch(client: Client, query: string, b: Victim): Promise<unknown[]> {
  return new Promise((resolve) => {
    const received: unknown[] = [];
    const stop = client.subscribe(
      { query },
      {
        next: (v) => received.push(v),
        error: (e) => received.push({ errors: e }),
        complete: () => undefined,
      },
    );
    void (async () => {
      await new Promise((r) => setTimeout(r, 200));
      // Events about B, raised the way the services raise them (B's own session may be gone by now).
      t.api.services.access.changed(b.id);
      t.runtime.pubSub.publish('profileChanged', { userId: b.id });
      await runWithContext({ correlationId: b.tag }, () =>
        t.api.services.auth.audit.record({ action: 'permission_check', outcome: 'denied', actorId: b.id }),
      );
      // An assistant message in B's conversation: messageAdded and conversationUpdated for B.
      await t.api.services.conversations.post(
        b.id,
        b.conversationId,
        AuthorEnum.ASSISTANT,
        `noted ${b.secret}`,
      );
      await new Promise((r) => setTimeout(r, 400));
      stop();
      resolve(received);
    })();
  });
}

// What only B's own data holds (A never sends these): their name, phone, device and request ids
// (in B's sessions and audit entries) and the quiet hours B chose. B's ids and email are not
// markers: A sends them, and A's own audit trail rightly records what A tried.
const markersOf = (b: Victim) =>
  [b.displayName, b.phone, b.tag, '21:15', b.number].map((m) => JSON.stringify(m));
const showsB = (value: unknown, b: Victim) => {
  const text = JSON.stringify(value ?? null);
  return text.includes(b.secret) || markersOf(b).some((m) => text.includes(m));
};

interface Outcome {
  calls: number;
  leaks: string[];
  designedVisible: Set<string>;
}

async function probe(caller: Caller, transport: Transport): Promise<Outcome> {
  const a = await callerA(caller);
  const role = roleOf(caller);
  const b = await victim();
  const before = await snapshot(b);
  const out: Outcome = { calls: 0, leaks: [], designedVisible: new Set() };
  const client =
    transport === 'ws'
      ? wsClient(t.url, a ? { connectionParams: { authorization: a.headers.authorization } } : {})
      : undefined;
  const ids = [
    b.id,
    b.sessionId,
    b.conversationId,
    b.messageId,
    b.taskId,
    b.reminderId,
    b.numberId,
    b.webhookId,
  ];
  const roots = (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) => {
    const type =
      root === 'Query'
        ? schema.getQueryType()
        : root === 'Mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({ root, field }));
  });
  roots.sort((x, y) => LAST.indexOf(x.field.name) - LAST.indexOf(y.field.name));
  try {
    for (const { root, field } of roots) {
      if (root === 'Subscription' && transport === 'http') continue;
      const key = `${root}.${field.name}`;
      const granted = !!role && CROSS_USER[key] !== undefined && can(role, CROSS_USER[key]);
      const targets = field.args.length > 0 ? ids : [b.id];
      for (const id of targets) {
        const query = operation(root, field, b, id);
        out.calls += 1;
        let data: unknown;
        if (root === 'Subscription' && client) {
          const got = await wsWatch(client, query, b);
          data = got.map((r) => (r as { data?: unknown }).data);
        } else if (client) {
          data = (await wsOnce(client, query)).data;
        } else {
          data = (await gql(t.url, query, undefined, a?.headers ?? {})).body.data;
        }
        if (!showsB(data, b)) continue;
        if (granted) out.designedVisible.add(key);
        else
          out.leaks.push(
            `${caller}/${transport}: ${key} with B's ${['userId', 'sessionId', 'conversationId', 'messageId', 'taskId', 'reminderId', 'numberId', 'webhookId'][ids.indexOf(id)]}: ${query} → ${JSON.stringify(data).slice(0, 2000)}`,
          );
      }
    }
  } finally {
    await client?.dispose();
  }
  // Nobody without a cross-user permission may have changed anything of B's.
  if (role !== 'administrator') {
    const after = await snapshot(b);
    if (JSON.stringify(after) !== JSON.stringify(before))
      out.leaks.push(`${caller}/${transport}: B's account changed: ${JSON.stringify({ before, after })}`);
  }
  return out;
}

/** Probes every field as each caller over both transports. */
async function probeAll(callers: Caller[]) {
  const leaks: string[] = [];
  const designed = new Set<string>();
  let calls = 0;
  for (const caller of callers) {
    for (const transport of ['http', 'ws'] as const) {
      const out = await probe(caller, transport);
      calls += out.calls;
      leaks.push(...out.leaks);
      for (const k of out.designedVisible) designed.add(`${caller}:${k}`);
    }
  }
  const fields = ['Query', 'Mutation', 'Subscription'].reduce((n, root) => {
    const type = schema.getType(root) as GraphQLObjectType | undefined;
    return n + Object.keys(type?.getFields() ?? {}).length;
  }, 0);
  process.stdout.write(
    `IDOR: ${fields} fields × ${callers.length} callers × 2 transports → ${calls} calls with B's ids, leaks = ${leaks.length}\n`,
  );
  return { leaks, designed: [...designed].sort() };
}

describe('IDOR, generated from the schema', () => {
  it('never shows or changes person B for person A, for every field, role and transport', async () => {
    const { leaks, designed } = await probeAll(CALLERS.filter((c) => !c.endsWith('+token')));
    expect(leaks).toEqual([]);
    // The check can see B when B is there: administrators' cross-user reads do show B.
    expect(designed).toEqual(
      expect.arrayContaining([
        'administrator:Query.user',
        'administrator:Query.users',
        'administrator:Query.auditLog',
        'administrator:Subscription.auditEntryAdded',
        'administrator:Mutation.setUserRole',
        'administrator:Query.smsAnalytics',
        'administrator:Mutation.unassignPhoneNumber',
      ]),
    );
  }, 480_000);

  it('never shows or changes person B through a personal access token of A’s, whatever its scopes', async () => {
    const { leaks, designed } = await probeAll(CALLERS.filter((c) => c.endsWith('+token')));
    expect(leaks).toEqual([]);
    // The same administrator's reads through their token: the check sees a token's cross-user reads too.
    expect(designed).toEqual(
      expect.arrayContaining([
        'administrator+token:Query.user',
        'administrator+token:Query.users',
        'administrator+token:Query.auditLog',
        'administrator+token:Subscription.auditEntryAdded',
        'administrator+token:Query.smsAnalytics',
      ]),
    );
  }, 480_000);
});
