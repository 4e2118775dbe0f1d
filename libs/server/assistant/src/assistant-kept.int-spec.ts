import { createAssistantStack, createPerson, type AssistantStack } from './testing/assistant-stack';

// "No message is ever lost" through the real AssistantService on PostgreSQL: when the assistant asks
// back about something to do (which time?), that thing is on the list at once; an answer turns it
// into the reminder (one item, never two); no answer, or an unrelated one, leaves it on the list.

let s: AssistantStack;
beforeAll(async () => {
  s = await createAssistantStack(new Date('2026-11-25T10:00:00Z'));
});
afterAll(() => s.close());

beforeEach(() => {
  // Wed 25 Nov 2026, 11:00 in Paris (UTC+1).
  s.clock.at = new Date('2026-11-25T10:00:00Z');
});

type Person = { userId: string; conversationId: string };
const db = () => s.t.runtime.dataSource;

let cid = 0;
async function say(p: Person, body: string): Promise<string> {
  cid += 1;
  const { message } = await s.conversations.send(p.userId, {
    conversationId: p.conversationId,
    body,
    clientId: `kept-${Date.now()}-${cid}`,
  });
  const reply = await s.assistant.respond(message.id);
  return reply?.body ?? '';
}

/** Everything the person has: open tasks, scheduled reminders, and the open question. */
async function items(userId: string) {
  const tasks = (await db().query(
    `SELECT title FROM tasks WHERE user_id = $1 AND done_at IS NULL AND parent_id IS NULL ORDER BY created_at`,
    [userId],
  )) as { title: string }[];
  const reminders = (await db().query(
    `SELECT text, due_at FROM reminders WHERE user_id = $1 AND status = 'scheduled' ORDER BY created_at`,
    [userId],
  )) as { text: string; due_at: Date }[];
  const [state] = (await db().query(`SELECT pending FROM assistant_state WHERE user_id = $1`, [userId])) as {
    pending: { kind: string; keptTask?: string } | null;
  }[];
  return {
    tasks: tasks.map((t) => t.title),
    reminders: reminders.map((r) => `${r.text} @ ${r.due_at.toISOString()}`),
    pending: state?.pending ?? null,
  };
}

describe('what the assistant asks about is kept, once', () => {
  it('keeps "remind me later to …" as a task, then turns it into the reminder chosen', async () => {
    const p = await createPerson(s);
    const asked = await say(p, 'remind me later to call mum');
    expect(asked).toContain('"Call mum"');
    expect(await items(p.userId)).toMatchObject({
      tasks: ['Call mum'],
      reminders: [],
      pending: { kind: 'clarify', keptTask: 'Call mum' },
    });

    s.clock.at = new Date('2026-11-25T10:02:00Z');
    const answered = await say(p, '1'); // in 1 hour
    expect(answered).toContain('call mum');
    expect(await items(p.userId)).toEqual({
      tasks: [],
      reminders: ['call mum @ 2026-11-25T11:00:00.000Z'],
      pending: null,
    });
  });

  it('takes a time typed instead of a quick reply, still one item', async () => {
    const p = await createPerson(s);
    await say(p, 'remind me to renew my passport');
    await say(p, 'tomorrow at 9am');
    expect(await items(p.userId)).toEqual({
      tasks: [],
      reminders: ['renew my passport @ 2026-11-26T08:00:00.000Z'],
      pending: null,
    });
  });

  it('leaves it on the list when the question is never answered and the person moves on', async () => {
    const p = await createPerson(s);
    await say(p, 'remind me in a bit to water the plants');
    await say(p, 'buy bread');
    expect(await items(p.userId)).toEqual({
      tasks: ['Water the plants', 'Buy bread'],
      reminders: [],
      pending: null,
    });
  });

  it('leaves it on the list when the answer is no, and says so in French for a French person', async () => {
    const p = await createPerson(s);
    await db().query(`UPDATE preferences SET locale = 'fr' WHERE user_id = $1`, [p.userId]);
    const asked = await say(p, "rappelle-moi plus tard d'appeler maman");
    expect(asked).toContain('« Appeler maman » est dans ta liste');
    const no = await say(p, 'non merci');
    expect(no).toContain('« Appeler maman » reste dans ta liste');
    expect(await items(p.userId)).toEqual({ tasks: ['Appeler maman'], reminders: [], pending: null });
  });

  it('keeps what to do when the repeat asked for is one it cannot do', async () => {
    const p = await createPerson(s);
    await say(p, 'remind me every 2 hours to drink water');
    expect(await items(p.userId)).toMatchObject({ tasks: ['Drink water'], reminders: [] });
  });
});
