import { CONVERSATION_TITLE_MAX } from '@pa/shared-domain';
import { parseTitle, toMessage } from './conversation.rows';
import { snippetParts } from './message-search.service';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('parseTitle', () => {
  it('keeps a title on one line, trimmed, in the person’s own characters', () => {
    expect(parseTitle('  Plans\tfor   the\nweek ')).toBe('Plans for the week');
    expect(parseTitle('🙂'.repeat(CONVERSATION_TITLE_MAX))).toBe('🙂'.repeat(CONVERSATION_TITLE_MAX));
  });

  it('refuses an empty title, one too long and one with control characters, with INVALID_TITLE', () => {
    expect(codeOf(() => parseTitle('   '))).toBe('INVALID_TITLE');
    expect(codeOf(() => parseTitle('a'.repeat(CONVERSATION_TITLE_MAX + 1)))).toBe('INVALID_TITLE');
    expect(codeOf(() => parseTitle('bell\u0007'))).toBe('INVALID_TITLE');
  });
});

describe('toMessage', () => {
  const row = {
    id: 'm1',
    conversation_id: 'c1',
    user_id: 'u1',
    author: 'user',
    body: 'hello',
    parent_id: null,
    client_id: 'client-0001',
    created_at: new Date('2026-12-06T08:00:00Z'),
  };

  it('maps the row, with a cursor only when the query computed one', () => {
    expect(toMessage(row as never)).toMatchObject({
      id: 'm1',
      conversationId: 'c1',
      clientId: 'client-0001',
    });
    expect(toMessage(row as never).cursorAt).toBeUndefined();
    expect(toMessage({ ...row, cursor_at: '2026-12-06T08:00:00.000001Z' } as never).cursorAt).toBe(
      '2026-12-06T08:00:00.000001Z',
    );
  });
});

describe('snippetParts', () => {
  it('splits a search headline into plain and highlighted pieces', () => {
    expect(snippetParts('call the \u0002dentist\u0003 at 10')).toEqual([
      { text: 'call the ', highlighted: false },
      { text: 'dentist', highlighted: true },
      { text: ' at 10', highlighted: false },
    ]);
    // A "<" the person wrote comes back as itself.
    expect(snippetParts('a \uE000 b')).toEqual([{ text: 'a < b', highlighted: false }]);
  });
});
