import { conversationEventEffect, sortConversations, type ConversationInfo } from './conversationList';

const conversation = (id: string, over: Partial<ConversationInfo> = {}): ConversationInfo => ({
  id,
  title: `Conversation ${id}`,
  channel: 'WEB',
  archivedAt: null,
  lastActivityAt: '2026-01-01T09:00:00.000Z',
  createdAt: '2026-01-01T08:00:00.000Z',
  lastMessage: null,
  ...over,
});

describe('sortConversations', () => {
  it('puts the most recent activity first', () => {
    const list = [
      conversation('a', { lastActivityAt: '2026-01-01T09:00:00.000Z' }),
      conversation('b', { lastActivityAt: '2026-01-02T09:00:00.000Z' }),
      conversation('c', { lastActivityAt: '2026-01-01T10:00:00.000Z' }),
    ];
    expect(sortConversations(list).map((c) => c.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('conversationEventEffect', () => {
  const shown = [conversation('a'), conversation('b')];

  it('updates a shown conversation that changed and stays in the list', () => {
    const newer = conversation('b', { lastActivityAt: '2026-01-03T00:00:00.000Z' });
    expect(conversationEventEffect(shown, newer, false)).toBe('update');
    expect(conversationEventEffect(shown, conversation('a', { title: 'Groceries' }), false)).toBe('update');
  });

  it('asks again when membership changes: new, archived, restored or deleted', () => {
    expect(conversationEventEffect(shown, conversation('new'), false)).toBe('refetch');
    expect(
      conversationEventEffect(shown, conversation('a', { archivedAt: '2026-01-02T00:00:00.000Z' }), false),
    ).toBe('refetch');
    expect(conversationEventEffect([], conversation('a', { archivedAt: null }), true)).toBe('ignore');
    expect(conversationEventEffect(shown, null, false)).toBe('refetch');
    // The API announces a deletion with the conversation unchanged: treated as a possible deletion.
    expect(conversationEventEffect(shown, conversation('a'), false)).toBe('refetch');
  });

  it('ignores conversations that belong to the other list', () => {
    expect(
      conversationEventEffect(shown, conversation('z', { archivedAt: '2026-01-02T00:00:00.000Z' }), false),
    ).toBe('ignore');
  });
});
