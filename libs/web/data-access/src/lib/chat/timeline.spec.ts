import {
  answerableReminderId,
  isReminderMessage,
  mergeTimeline,
  withMessages,
  type ChatMessage,
  type OutboxEntry,
} from './timeline';

const C = 'c-1';
let n = 0;
const msg = (over: Partial<ChatMessage> = {}): ChatMessage => {
  n += 1;
  return {
    id: `m-${n}`,
    conversationId: C,
    author: 'USER',
    body: `message ${n}`,
    parentId: null,
    clientId: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, n)).toISOString(),
    replyCount: 0,
    ...over,
  };
};
const unsent = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: 'client-0001',
  conversationId: C,
  parentId: null,
  body: 'on its way',
  queuedAt: '2026-01-01T09:30:00.000Z',
  state: 'sending',
  ...over,
});
const main = { conversationId: C, parentId: null };
const keys = (items: ReturnType<typeof mergeTimeline>) =>
  items.map((i) => (i.kind === 'message' ? i.message.id : `unsent:${i.entry.clientId}`));

describe('mergeTimeline', () => {
  it('shows a message once when a page, a live event and a send answer all carry it', () => {
    const a = msg();
    const b = msg();
    const items = mergeTimeline(main, [[a, b], [b], [{ ...b }]], []);
    expect(keys(items)).toEqual([a.id, b.id]);
  });

  it('orders stored messages by time whatever the source, older pages first', () => {
    const first = msg();
    const second = msg();
    const third = msg();
    expect(keys(mergeTimeline(main, [[third], [first, second]], []))).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
  });

  it('replaces the optimistic message by the stored one with the same client id, never both', () => {
    const entry = unsent({ clientId: 'abc-12345' });
    expect(keys(mergeTimeline(main, [[]], [entry]))).toEqual(['unsent:abc-12345']);
    const stored = msg({ clientId: 'abc-12345', body: entry.body });
    const items = mergeTimeline(main, [[stored]], [entry]);
    expect(keys(items)).toEqual([stored.id]);
    // Same React key before and after, so the line is updated in place.
    expect(items[0]?.key).toBe('abc-12345');
  });

  it('keeps unsent messages after the stored ones, in the order they were typed', () => {
    const stored = msg();
    const later = unsent({ clientId: 'second-0001', queuedAt: '2026-01-01T10:00:00.000Z' });
    const earlier = unsent({ clientId: 'first-00001', queuedAt: '2026-01-01T08:00:00.000Z' });
    expect(keys(mergeTimeline(main, [[stored]], [later, earlier]))).toEqual([
      stored.id,
      'unsent:first-00001',
      'unsent:second-0001',
    ]);
  });

  it('keeps thread replies and other conversations out of the main timeline, and the reverse', () => {
    const root = msg();
    const reply = msg({ parentId: root.id });
    const elsewhere = msg({ conversationId: 'c-2' });
    const replyUnsent = unsent({ parentId: root.id });
    expect(keys(mergeTimeline(main, [[root, reply, elsewhere]], [replyUnsent]))).toEqual([root.id]);
    expect(
      keys(
        mergeTimeline({ conversationId: C, parentId: root.id }, [[root, reply, elsewhere]], [replyUnsent]),
      ),
    ).toEqual([reply.id, `unsent:${replyUnsent.clientId}`]);
  });

  it('shows reply counts asked again after a live reply', () => {
    const root = msg({ replyCount: 1 });
    const [item] = mergeTimeline(main, [[root]], [], new Map([[root.id, 3]]));
    expect(item?.kind === 'message' && item.message.replyCount).toBe(3);
  });
});

describe('withMessages', () => {
  it('returns the same list when nothing is new (no re-render)', () => {
    const a = msg();
    const list = [a];
    expect(withMessages(list, [{ ...a }])).toBe(list);
    const b = msg();
    expect(withMessages(list, [b, b]).map((m) => m.id)).toEqual([a.id, b.id]);
  });
});

describe('reminder answers', () => {
  const reminder = () => msg({ author: 'ASSISTANT', body: '⏰ Reminder: stretch. Reply "done".' });

  it('recognises a reminder delivered by the assistant, not a person quoting one', () => {
    expect(isReminderMessage(reminder())).toBe(true);
    expect(isReminderMessage({ author: 'USER', body: '⏰ fake' })).toBe(false);
    expect(isReminderMessage({ author: 'ASSISTANT', body: 'Got it, I will remind you.' })).toBe(false);
  });

  it('offers quick answers on the latest reminder until the person writes', () => {
    const old = reminder();
    const latest = reminder();
    const chatter = msg({ author: 'ASSISTANT', body: 'Anything else?' });
    expect(answerableReminderId(mergeTimeline(main, [[old, latest, chatter]], []))).toBe(latest.id);
    expect(answerableReminderId(mergeTimeline(main, [[old, latest, msg()]], []))).toBeNull();
    expect(answerableReminderId(mergeTimeline(main, [[latest]], [unsent()]))).toBeNull();
    expect(answerableReminderId(mergeTimeline(main, [[msg()]], []))).toBeNull();
  });
});
