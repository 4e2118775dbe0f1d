import { previewOf } from './preview';

describe('previewOf', () => {
  it('marks the person’s own words and keeps the assistant’s as they are, on one line', () => {
    expect(previewOf({ author: 'USER', body: 'buy\n  milk' })).toBe('You: buy milk');
    expect(previewOf({ author: 'ASSISTANT', body: 'Added “Buy milk”.' })).toBe('Added “Buy milk”.');
  });

  it('shortens a long message and says when there is none', () => {
    const long = previewOf({ author: 'ASSISTANT', body: 'word '.repeat(60) });
    expect([...long].length).toBeLessThanOrEqual(90);
    expect(long.endsWith('…')).toBe(true);
    expect(previewOf(null)).toBe('No messages yet');
  });
});
