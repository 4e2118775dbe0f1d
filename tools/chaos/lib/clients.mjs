// The load: people who read, send messages with client ids, keep a WebSocket subscription open and
// have reminders due. Everything they saw is counted so a fault's effects can be read off afterwards.
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ACCEPTED_CONSENTS } from './accepted-consents.mjs';

export const PASSWORD = 'lantern-cactus-orbit-violin';

export async function gql(url, query, variables, token, timeoutMs = 5000) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body };
}

export const clientId = () => `chaos${randomBytes(9).toString('hex')}`;

/** A person with a conversation; `token` is their current session's access token. */
export async function person(url, n) {
  const email = `chaos.${process.pid}.${Date.now()}.${n}@example.test`;
  const reg = await gql(
    url,
    `mutation R($i: RegisterInput!) { register(input: $i) { accessToken sessionId user { id } } }`,
    {
      i: {
        email,
        password: PASSWORD,
        displayName: `Chaos ${n}`,
        timeZone: 'UTC',
        refreshTokenIn: 'BODY',
        ...ACCEPTED_CONSENTS,
      },
    },
    undefined,
    30_000, // password hashing on a busy machine
  );
  const data = reg.body.data?.register;
  if (!data) throw new Error(`register failed: ${JSON.stringify(reg.body.errors ?? reg.status)}`);
  const p = { email, id: data.user.id, token: data.accessToken };
  const conv = await gql(url, 'mutation { createConversation(title: "chaos") { id } }', undefined, p.token);
  p.conversationId = conv.body.data?.createConversation.id;
  if (!p.conversationId) throw new Error('no conversation');
  // Quiet hours off (the default 22:00–08:00 would defer every reminder of a run at night): a due
  // reminder is due now, delivered in the app.
  const prefs = await gql(
    url,
    'mutation P($i: UpdatePreferencesInput!) { updatePreferences(input: $i) { quietHoursStart } }',
    { i: { quietHoursStart: null, quietHoursEnd: null } },
    p.token,
  );
  if (!prefs.body.data?.updatePreferences) throw new Error('could not turn quiet hours off');
  return p;
}

/** Sign-ins refused, by error code (read per phase: a limit reached shows here). */
export const refusedSignIns = {};

/** Signs in again (a client whose session is gone); true when it worked. */
export async function login(url, p) {
  const res = await gql(url, `mutation L($i: LoginInput!) { login(input: $i) { accessToken } }`, {
    i: { email: p.email, password: PASSWORD, refreshTokenIn: 'BODY' },
  }).catch(() => undefined);
  const token = res?.body.data?.login?.accessToken;
  if (token) p.token = token;
  else {
    const code = res?.body.errors?.[0]?.extensions?.code ?? (res ? `HTTP_${res.status}` : 'NO_ANSWER');
    refusedSignIns[code] = (refusedSignIns[code] ?? 0) + 1;
  }
  return !!token;
}

/** A graphql-ws subscriber on the person's conversation, counting what it receives and when. */
export function subscriber(url, p) {
  const sub = { events: [], closedCode: undefined, endedAt: undefined, token: p.token };
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${p.token}` },
    retryAttempts: 0,
    lazy: false,
    // A socket closed by the server (4401 when its session ends) is an expected outcome here.
    onNonLazyError: () => undefined,
    on: {
      closed: (e) => {
        sub.closedCode = e?.code;
      },
    },
  });
  sub.client = client;
  sub.dispose = () => client.dispose();
  client.subscribe(
    {
      query: 'subscription S($c: ID!) { messageAdded(conversationId: $c) { id } }',
      variables: { c: p.conversationId },
    },
    {
      next: () => sub.events.push(Date.now()),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return sub;
}
