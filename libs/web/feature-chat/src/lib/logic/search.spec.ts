import { hitLink, searchFrom, searchParamsFor } from './search';

describe('search addresses', () => {
  it('reads and writes the words and the conversation', () => {
    const params = searchParamsFor({ query: '  milk  ', conversationId: 'c-1' });
    expect(params.toString()).toBe('q=milk&c=c-1');
    expect(searchFrom(params)).toEqual({ query: 'milk', conversationId: 'c-1' });
    expect(searchFrom(new URLSearchParams())).toEqual({ query: '', conversationId: null });
  });

  it('opens a found message in its conversation, or in its thread for a reply', () => {
    expect(hitLink({ id: 'm1', conversationId: 'c1', parentId: null })).toBe('/chat/c1?m=m1');
    expect(hitLink({ id: 'm2', conversationId: 'c1', parentId: 'm1' })).toBe('/chat/c1/thread/m1?m=m2');
  });
});
