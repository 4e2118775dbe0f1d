import { createLogger, createRuntime, type Runtime } from '@pa/server-core';
import { collect, wsClient } from '@pa/server-testing';
import { apiParts } from './parts';
import { startApi, type ApiHandle } from './start-api';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, signUp, type Person } from '../testing/people';
import { subscribed } from '../testing/subscribed';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000' });
});
afterAll(() => t.close());

const CREATE = 'mutation C($t: String) { createConversation(title: $t) { id title channel archivedAt } }';
const SEND = `mutation S($input: SendMessageInput!) {
  sendMessage(input: $input) { id conversationId author body parentId clientId createdAt }
}`;
type Sent = { sendMessage: { id: string; body: string; parentId: string | null; clientId: string } };
let clientCounter = 0;
const clientId = () => `client-${process.pid}-${Date.now()}-${(clientCounter += 1)}`;

async function conversation(p: Person, title?: string): Promise<string> {
  const res = await as<{ createConversation: { id: string } }>(t, p, CREATE, { t: title ?? null });
  const id = res.body.data?.createConversation.id;
  if (!id) throw new Error(JSON.stringify(res.body.errors));
  return id;
}

async function send(p: Person, conversationId: string, body: string, extra: Record<string, unknown> = {}) {
  return as<Sent>(t, p, SEND, { input: { conversationId, body, clientId: clientId(), ...extra } });
}

describe('conversations', () => {
  it('are created, renamed, archived, restored and deleted by their owner', async () => {
    const p = await signUp(t);
    const created = await as<{ createConversation: { id: string; title: string; channel: string } }>(
      t,
      p,
      CREATE,
      {},
    );
    expect(created.body.data?.createConversation).toMatchObject({
      title: 'New conversation',
      channel: 'WEB',
    });
    const id = created.body.data?.createConversation.id;
    const renamed = await as(
      t,
      p,
      'mutation R($id: ID!) { renameConversation(id: $id, title: "  Errands  ") { title } }',
      { id },
    );
    expect(renamed.body.data?.['renameConversation']).toEqual({ title: 'Errands' });
    const archived = await as<{ archiveConversation: { archivedAt: string | null } }>(
      t,
      p,
      'mutation A($id: ID!) { archiveConversation(id: $id) { archivedAt } }',
      { id },
    );
    expect(archived.body.data?.archiveConversation.archivedAt).not.toBeNull();
    expect(codeOf(await send(p, id ?? '', 'hello'))).toBe('CONVERSATION_ARCHIVED');
    const list = await as<{ conversations: { edges: { node: { id: string } }[] } }>(
      t,
      p,
      '{ conversations(archived: true) { edges { node { id } } } }',
    );
    expect(list.body.data?.conversations.edges.map((e) => e.node.id)).toEqual([id]);
    await as(t, p, 'mutation A($id: ID!) { archiveConversation(id: $id, archived: false) { id } }', { id });
    expect((await send(p, id ?? '', 'hello')).body.errors).toBeUndefined();
    const deleted = await as(t, p, 'mutation D($id: ID!) { deleteConversation(id: $id) }', { id });
    expect(deleted.body.data?.['deleteConversation']).toBe(true);
    const rows = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`,
      [id],
    )) as { n: number }[];
    expect(rows[0]?.n).toBe(0);
    expect(codeOf(await as(t, p, 'query Q($id: ID!) { conversation(id: $id) { id } }', { id }))).toBe(
      'CONVERSATION_NOT_FOUND',
    );
  });

  it('refuse bad titles and bodies with clear codes', async () => {
    const p = await signUp(t);
    const id = await conversation(p);
    expect(codeOf(await as(t, p, CREATE, { t: '   ' }))).toBe('INVALID_TITLE');
    expect(codeOf(await as(t, p, CREATE, { t: 'x'.repeat(121) }))).toBe('INVALID_TITLE');
    expect(codeOf(await send(p, id, '   '))).toBe('INVALID_MESSAGE');
    expect(codeOf(await send(p, id, 'x'.repeat(4001)))).toBe('INVALID_MESSAGE');
    expect(codeOf(await send(p, id, 'ok', { clientId: 'bad id!' }))).toBe('INVALID_CLIENT_ID');
    expect(codeOf(await send(p, '00000000-0000-4000-8000-000000000000', 'hi'))).toBe(
      'CONVERSATION_NOT_FOUND',
    );
  });

  it('take their title from the first message unless renamed, and show their latest message in the list', async () => {
    const p = await signUp(t);
    const fresh = await conversation(p);
    const named = await conversation(p, 'Errands');
    type L = {
      conversations: {
        edges: {
          node: {
            id: string;
            title: string;
            lastMessage: { id: string; body: string } | null;
            messages: { edges: { node: { id: string } }[] };
          };
        }[];
      };
    };
    const list = async () => {
      const res = await as<L>(
        t,
        p,
        '{ conversations { edges { node { id title lastMessage { id body } messages(last: 1) { edges { node { id } } } } } } }',
      );
      expect(res.body.errors).toBeUndefined();
      return new Map(res.body.data?.conversations.edges.map((e) => [e.node.id, e.node]));
    };
    expect((await list()).get(fresh)).toMatchObject({ title: 'New conversation', lastMessage: null });

    const first = await send(p, fresh, '  remind me to call the dentist\nabout Thursday');
    const firstId = first.body.data?.sendMessage.id ?? '';
    await send(p, fresh, 'and buy milk');
    await send(p, named, 'water the plants');
    // A thread reply is not the conversation's latest line.
    await send(p, fresh, 'in a thread', { parentId: firstId });

    const after = await list();
    expect(after.get(fresh)?.title).toBe('remind me to call the dentist');
    expect(after.get(named)?.title).toBe('Errands');
    for (const id of [fresh, named]) {
      const node = after.get(id);
      expect(node?.lastMessage?.id).toBe(node?.messages.edges[0]?.node.id);
      expect(node?.lastMessage?.body).not.toBe('in a thread');
    }
  });

  it('are listed by latest activity, paged both ways', async () => {
    const p = await signUp(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await conversation(p, `c${i}`));
    // Activity in the first one moves it to the top.
    await send(p, ids[0] ?? '', 'bump');
    const order = [ids[0], ids[4], ids[3], ids[2], ids[1]];
    type L = {
      conversations: {
        edges: { node: { id: string } }[];
        pageInfo: { endCursor: string; startCursor: string };
      };
    };
    const q = `query L($first: Int, $after: String, $last: Int, $before: String) {
      conversations(first: $first, after: $after, last: $last, before: $before) {
        edges { node { id } } pageInfo { endCursor startCursor hasNextPage hasPreviousPage } } }`;
    const first = await as<L>(t, p, q, { first: 2 });
    expect(first.body.data?.conversations.edges.map((e) => e.node.id)).toEqual(order.slice(0, 2));
    const next = await as<L>(t, p, q, { first: 3, after: first.body.data?.conversations.pageInfo.endCursor });
    expect(next.body.data?.conversations.edges.map((e) => e.node.id)).toEqual(order.slice(2));
    const back = await as<L>(t, p, q, {
      last: 2,
      before: next.body.data?.conversations.pageInfo.startCursor,
    });
    expect(back.body.data?.conversations.edges.map((e) => e.node.id)).toEqual(order.slice(0, 2));
  });
});

describe('messages', () => {
  it('store one message per client id, even sent ten times at once', async () => {
    const p = await signUp(t);
    const id = await conversation(p);
    const cid = clientId();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        as<Sent>(t, p, SEND, { input: { conversationId: id, body: 'buy milk', clientId: cid } }),
      ),
    );
    const ids = new Set(results.map((r) => r.body.data?.sendMessage.id));
    expect(results.every((r) => r.body.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    const rows = (await t.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE client_id = $1`,
      [cid],
    )) as {
      n: number;
    }[];
    expect(rows[0]?.n).toBe(1);
    // The same client id for another conversation is a conflict, not a silent move.
    const other = await conversation(p);
    expect(
      codeOf(await as(t, p, SEND, { input: { conversationId: other, body: 'buy milk', clientId: cid } })),
    ).toBe('CLIENT_ID_REUSED');
  });

  it('page from the latest back to the first, and keep threads apart', async () => {
    const p = await signUp(t);
    const id = await conversation(p);
    const sent: string[] = [];
    for (let i = 0; i < 7; i++)
      sent.push((await send(p, id, `message ${i}`)).body.data?.sendMessage.id ?? '');
    const reply = await send(p, id, 'a reply', { parentId: sent[2] });
    const nested = await send(p, id, 'a reply to the reply', { parentId: reply.body.data?.sendMessage.id });
    // A reply to a reply joins the same thread.
    expect(nested.body.data?.sendMessage.parentId).toBe(sent[2]);

    type Q = {
      conversation: {
        messages: {
          edges: { node: { id: string; replyCount: number } }[];
          pageInfo: { startCursor: string; hasPreviousPage: boolean };
        };
      };
    };
    const q = `query M($id: ID!, $last: Int, $before: String) { conversation(id: $id) {
      messages(last: $last, before: $before) { edges { node { id body replyCount } } pageInfo { startCursor hasPreviousPage } } } }`;
    const latest = await as<Q>(t, p, q, { id, last: 4 });
    const page1 = latest.body.data?.conversation.messages;
    expect(page1?.edges.map((e) => e.node.id)).toEqual(sent.slice(3));
    expect(page1?.pageInfo.hasPreviousPage).toBe(true);
    const older = await as<Q>(t, p, q, { id, last: 4, before: page1?.pageInfo.startCursor });
    const page2 = older.body.data?.conversation.messages;
    expect(page2?.edges.map((e) => e.node.id)).toEqual(sent.slice(0, 3));
    expect(page2?.edges.find((e) => e.node.id === sent[2])?.node.replyCount).toBe(2);

    const thread = await as<{ message: { replies: { edges: { node: { body: string } }[] } } }>(
      t,
      p,
      'query T($id: ID!) { message(id: $id) { replies(first: 10) { edges { node { body } } } } }',
      { id: sent[2] },
    );
    expect(thread.body.data?.message.replies.edges.map((e) => e.node.body)).toEqual([
      'a reply',
      'a reply to the reply',
    ]);
  });
});

describe('search', () => {
  it('finds my messages by words, best match first, with highlighted snippets and filters', async () => {
    const p = await signUp(t);
    const other = await signUp(t);
    const a = await conversation(p);
    const b = await conversation(p);
    await send(p, a, 'Call the dentist about the crown');
    await send(p, a, 'Dentist dentist dentist: book it before Friday');
    await send(p, b, 'Buy <b>milk</b> and eggs');
    await send(other, await conversation(other), 'dentist appointment of someone else');
    type S = {
      searchMessages: {
        edges: {
          node: {
            message: { body: string; conversationId: string };
            snippet: { text: string; highlighted: boolean }[];
          };
        }[];
      };
    };
    const q = `query S($q: String!, $filter: MessageSearchFilter) { searchMessages(query: $q, filter: $filter, first: 10) {
      edges { node { rank message { body conversationId } snippet { text highlighted } } } } }`;
    const res = await as<S>(t, p, q, { q: 'dentist' });
    const hits = res.body.data?.searchMessages.edges.map((e) => e.node) ?? [];
    expect(hits.map((h) => h.message.body)).toEqual([
      'Dentist dentist dentist: book it before Friday',
      'Call the dentist about the crown',
    ]);
    expect(hits[1]?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(['dentist']);
    // Markup in a message stays text: nothing is stripped, nothing becomes a tag.
    const milk = await as<S>(t, p, q, { q: 'milk' });
    const parts = milk.body.data?.searchMessages.edges[0]?.node.snippet ?? [];
    expect(parts.map((s) => s.text).join('')).toContain('milk</b>');
    expect(parts.filter((s) => s.highlighted).map((s) => s.text)).toEqual(['milk']);
    const filtered = await as<S>(t, p, q, { q: 'dentist', filter: { conversationId: b } });
    expect(filtered.body.data?.searchMessages.edges).toEqual([]);
    const future = await as<S>(t, p, q, {
      q: 'dentist',
      filter: { from: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(future.body.data?.searchMessages.edges).toEqual([]);
    expect(codeOf(await as(t, p, q, { q: '   ' }))).toBe('INVALID_SEARCH');
  });
});

describe('live updates', () => {
  it('deliver a message sent through one API instance to a subscriber on another', async () => {
    const p = await signUp(t);
    const id = await conversation(p);
    // A second API process on the same PostgreSQL and Redis (its own runtime and connections).
    let second: { runtime: Runtime; api: ApiHandle } | undefined;
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    try {
      const runtime = await createRuntime({
        config: t.config,
        logger: createLogger({ level: 'silent', name: 'second' }),
        infrastructure: {
          databaseUrl: t.database.url,
          databaseMode: 'external',
          redisUrl: t.config.REDIS_URL,
          redisMode: 'external',
        },
        parts: apiParts,
      });
      second = { runtime, api: await startApi({ runtime, port: 0, host: '127.0.0.1' }) };
      const feed = collect<{ messageAdded: { body: string; author: string } }>(
        client,
        `subscription { messageAdded(conversationId: "${id}") { id body author } }`,
        1,
        5000,
      );
      await subscribed(t, 'messageAdded', id);
      const res = await fetch(`${second.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...p.headers },
        body: JSON.stringify({
          query: SEND,
          variables: { input: { conversationId: id, body: 'from the other instance', clientId: clientId() } },
        }),
      });
      expect(res.status).toBe(200);
      const [event] = await feed;
      expect(event?.data?.messageAdded).toMatchObject({ body: 'from the other instance', author: 'USER' });
    } finally {
      await client.dispose();
      await second?.api.stop();
      await second?.runtime.close();
    }
  });

  it('refuse to subscribe to another person’s conversation, as not found', async () => {
    const p = await signUp(t);
    const other = await signUp(t);
    const theirs = await conversation(other);
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    try {
      const results = await collect(
        client,
        `subscription { messageAdded(conversationId: "${theirs}") { id } }`,
        2,
        3000,
      );
      expect(JSON.stringify(results)).toContain('CONVERSATION_NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('tell me when my conversations change, and nobody else', async () => {
    const p = await signUp(t);
    const other = await signUp(t);
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    try {
      const feed = collect<{ conversationUpdated: { title: string } }>(
        client,
        'subscription { conversationUpdated { id title } }',
        1,
        5000,
      );
      await subscribed(t, 'conversationUpdated');
      await conversation(other, 'not for p');
      await conversation(p, 'for p');
      const [event] = await feed;
      expect(event?.data?.conversationUpdated.title).toBe('for p');
    } finally {
      await client.dispose();
    }
  });
});

describe('deleting and snoozing, as clients see them', () => {
  it('announces a deleted conversation as null', async () => {
    const p = await signUp(t);
    const id = await conversation(p, 'to delete');
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers.authorization } });
    try {
      const feed = collect<{ conversationUpdated: { id: string } | null }>(
        client,
        'subscription { conversationUpdated { id } }',
        1,
        5000,
      );
      await subscribed(t, 'conversationUpdated');
      await as(t, p, 'mutation D($id: ID!) { deleteConversation(id: $id) }', { id });
      const [event] = await feed;
      expect(event?.data).toEqual({ conversationUpdated: null });
    } finally {
      await client.dispose();
    }
  });

  it('snoozes a reminder from when it is due, never bringing it closer', async () => {
    const p = await signUp(t);
    const due = new Date(Date.now() + 60 * 60_000);
    const created = await as<{ createReminder: { id: string } }>(
      t,
      p,
      'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }',
      { input: { text: 'call the bank', dueAt: due.toISOString() } },
    );
    const id = created.body.data?.createReminder.id;
    const snoozed = await as<{ snoozeReminder: { dueAt: string } }>(
      t,
      p,
      'mutation S($id: ID!) { snoozeReminder(id: $id, minutes: 10) { dueAt } }',
      { id },
    );
    expect(new Date(snoozed.body.data?.snoozeReminder.dueAt ?? 0).getTime()).toBe(
      due.getTime() + 10 * 60_000,
    );
  });
});
