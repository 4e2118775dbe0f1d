import { RetentionService } from '@pa/server-users';
import { HISTORY_WARNING_DAYS, limitsOf } from '@pa/shared-domain';
import { startTestApi, type TestApi } from '../testing/test-api';
import { as, codeOf, setRole, signUp, type Person } from '../testing/people';

// The free plan shows 90 days of conversation history (RoleLimits.historyDays); older messages are
// hidden from reads, threads and search, never deleted; Settings counts them and warns a week ahead.
// Premium shows everything again (docs/privacy.md). Real API and PostgreSQL.
const LIMIT = limitsOf('user').historyDays ?? 0;

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ RATE_LIMIT_REGISTER_PER_HOUR: '10000', LOG_LEVEL: 'error' });
});
afterAll(() => t?.close());

/** A conversation with messages this many days old (oldest first): their ids. */
async function history(person: Person, ages: number[]) {
  const ds = t.runtime.dataSource;
  const [conversation] = (await ds.query(
    `INSERT INTO conversations (user_id, title, channel) VALUES ($1, 'Plans', 'web') RETURNING id`,
    [person.id],
  )) as { id: string }[];
  const ids: string[] = [];
  for (const [i, age] of ages.entries()) {
    const [row] = (await ds.query(
      `INSERT INTO messages (conversation_id, user_id, author, body, created_at)
       VALUES ($1, $2, 'user', $3, now() - make_interval(secs => $4)) RETURNING id`,
      [conversation?.id, person.id, `marmalade note ${i}`, age * 86_400],
    )) as { id: string }[];
    if (row) ids.push(row.id);
  }
  return { conversationId: conversation?.id as string, ids };
}

const READ = `query R($id: ID!) {
  conversation(id: $id) { messages(last: 50) { edges { node { id } } } }
  searchMessages(query: "marmalade") { edges { node { message { id } } } }
  historyLimit { days hiddenMessages hidingSoon warningDays }
}`;
type ReadAnswer = {
  conversation: { messages: { edges: { node: { id: string } }[] } };
  searchMessages: { edges: { node: { message: { id: string } } }[] };
  historyLimit: { days: number | null; hiddenMessages: number; hidingSoon: number; warningDays: number };
};

it('hides history older than the free plan’s limit from reads and search, counts it, warns ahead, and deletes nothing', async () => {
  const person = await signUp(t);
  // Older than the limit; inside the warning week; recent.
  const { conversationId, ids } = await history(person, [LIMIT + 10, LIMIT - 2, 1]);
  const [old, soon, recent] = ids;

  const res = await as<ReadAnswer>(t, person, READ, { id: conversationId });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.conversation.messages.edges.map((e) => e.node.id)).toEqual([soon, recent]);
  expect(res.body.data?.searchMessages.edges.map((e) => e.node.message.id).sort()).toEqual(
    [soon, recent].sort(),
  );
  expect(res.body.data?.historyLimit).toEqual({
    days: LIMIT,
    hiddenMessages: 1,
    hidingSoon: 1,
    warningDays: HISTORY_WARNING_DAYS,
  });
  // A hidden message cannot be opened either (no thread of it).
  const opened = await as(t, person, 'query M($id: ID!) { message(id: $id) { id } }', { id: old });
  expect(codeOf(opened)).toBe('MESSAGE_NOT_FOUND');

  // The retention sweep leaves it: hidden, not deleted.
  await new RetentionService(t.runtime.dataSource).run();
  const kept = (await t.runtime.dataSource.query(`SELECT id FROM messages WHERE user_id = $1`, [
    person.id,
  ])) as unknown[];
  expect(kept).toHaveLength(3);
});

it('shows all of it again on premium, with no limit to warn about', async () => {
  const person = await signUp(t);
  const { conversationId, ids } = await history(person, [LIMIT * 4, 1]);
  await setRole(t, person.id, 'premium');
  const res = await as<ReadAnswer>(t, person, READ, { id: conversationId });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.conversation.messages.edges.map((e) => e.node.id)).toEqual(ids);
  expect(res.body.data?.searchMessages.edges).toHaveLength(2);
  expect(res.body.data?.historyLimit).toMatchObject({ days: null, hiddenMessages: 0, hidingSoon: 0 });
});

it('keeps the history limit and each person’s count to themself', async () => {
  const a = await signUp(t);
  const b = await signUp(t);
  await history(a, [LIMIT + 5]);
  const res = await as<Pick<ReadAnswer, 'historyLimit'>>(t, b, '{ historyLimit { hiddenMessages } }');
  expect(res.body.data?.historyLimit.hiddenMessages).toBe(0);
  expect(codeOf(await as(t, { headers: {} }, '{ historyLimit { days } }'))).toBe('UNAUTHENTICATED');
});
