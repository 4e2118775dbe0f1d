import { gql, wsClient } from '@pa/server-testing';
import type { Client } from 'graphql-ws';
import { startTestApi, type TestApi } from '../testing/test-api';
import { signUp, type Person } from '../testing/people';

type Added = { messageAdded: { id: string; body: string; cursor: string | null } };

describe('messageAdded resumes from a cursor: what was stored since, then live, each exactly once', () => {
  let t: TestApi;
  let p: Person;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    p = await signUp(t);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  });

  let n = 0;
  async function send(conversationId: string, body: string) {
    n += 1;
    const res = await gql<{ sendMessage: { id: string; cursor: string | null } }>(
      t.url,
      `mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id cursor } }`,
      { input: { conversationId, body, clientId: `resume-${Date.now()}-${n}` } },
      p.headers,
    );
    const sent = res.body.data?.sendMessage;
    if (!sent) throw new Error(JSON.stringify(res.body.errors));
    return sent;
  }

  async function conversation() {
    const res = await gql<{ createConversation: { id: string } }>(
      t.url,
      'mutation { createConversation(title: "Resume") { id } }',
      undefined,
      p.headers,
    );
    return res.body.data?.createConversation.id ?? '';
  }

  /** Subscribes with `after` and gathers every event (and errors) as they come. */
  function subscribe(conversationId: string, after: string) {
    const client = wsClient(t.url, { connectionParams: { authorization: p.headers['authorization'] } });
    clients.push(client);
    const got: Added['messageAdded'][] = [];
    const errors: unknown[] = [];
    client.subscribe<Added>(
      {
        query: `subscription M($c: ID!, $a: String) { messageAdded(conversationId: $c, after: $a) { id body cursor } }`,
        variables: { c: conversationId, a: after },
      },
      {
        next: (v) => {
          if (v.data) got.push(v.data.messageAdded);
          if (v.errors) errors.push(...v.errors);
        },
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    return { got, errors };
  }

  const until = async (check: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };

  // Events of a conversation arrive in order: once a last message sent after the others has arrived,
  // a duplicate or a stray event of the earlier ones would have arrived too.
  const settledWith = async (c: string, sub: { got: { body: string }[] }) => {
    await send(c, 'sentinel');
    await until(() => sub.got.some((m) => m.body === 'sentinel'), 5000);
  };

  it('replays the messages stored after the cursor, then delivers new ones live', async () => {
    const c = await conversation();
    const first = await send(c, 'one');
    expect(first.cursor).toEqual(expect.any(String));
    await send(c, 'two');
    await send(c, 'three');
    const sub = subscribe(c, first.cursor ?? '');
    await until(() => sub.got.length >= 2, 5000);
    expect(sub.got.map((m) => m.body)).toEqual(['two', 'three']);
    await send(c, 'four');
    await until(() => sub.got.length >= 3, 5000);
    await settledWith(c, sub);
    expect(sub.got.map((m) => m.body)).toEqual(['two', 'three', 'four', 'sentinel']);
    // Live events carry a cursor too, so a client can resume from the last one it saw.
    expect(sub.got[2]?.cursor).toEqual(expect.any(String));
    expect(sub.errors).toEqual([]);
  });

  it('has no gap and no duplicate at the seam while messages keep arriving', async () => {
    const c = await conversation();
    const start = await send(c, 'start');
    let sent = 0;
    const sending = (async () => {
      for (let i = 1; i <= 20; i++) {
        await send(c, `m${i}`);
        sent += 1;
      }
    })();
    // Resume in the middle of the stream.
    await until(() => sent >= 5, 5000);
    const sub = subscribe(c, start.cursor ?? '');
    await sending;
    await until(() => sub.got.length >= 20, 10_000);
    await settledWith(c, sub);
    expect(sub.got.map((m) => m.body)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `m${i + 1}`),
      'sentinel',
    ]);
    expect(sub.errors).toEqual([]);
  });

  it('resumes from a live message’s cursor without repeating it', async () => {
    const c = await conversation();
    await send(c, 'a');
    const b = await send(c, 'b');
    const sub = subscribe(c, b.cursor ?? '');
    await send(c, 'c');
    await until(() => sub.got.length >= 1, 5000);
    await settledWith(c, sub);
    expect(sub.got.map((m) => m.body)).toEqual(['c', 'sentinel']);
  });

  it('refuses a malformed cursor with a clear code', async () => {
    const c = await conversation();
    const sub = subscribe(c, 'not-a-cursor');
    await until(() => sub.errors.length > 0, 5000);
    expect(JSON.stringify(sub.errors)).toMatch(/BAD_REQUEST/);
  });
});
