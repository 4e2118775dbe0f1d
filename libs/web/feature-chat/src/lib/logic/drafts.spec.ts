import { draftKey, readDraft, withTextBack, writeDraft } from './drafts';

const storage = () => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

describe('drafts', () => {
  it('keeps one draft per conversation and per thread', () => {
    const s = storage();
    writeDraft(s, draftKey('c1'), 'buy milk');
    writeDraft(s, draftKey('c1', 'm1'), 'in the thread');
    writeDraft(s, draftKey('c2'), 'elsewhere');
    expect(readDraft(s, draftKey('c1'))).toBe('buy milk');
    expect(readDraft(s, draftKey('c1', 'm1'))).toBe('in the thread');
    expect(readDraft(s, draftKey('c2'))).toBe('elsewhere');
  });

  it('removes an emptied draft and survives blocked storage', () => {
    const s = storage();
    writeDraft(s, draftKey('c1'), 'x');
    writeDraft(s, draftKey('c1'), '');
    expect(s.data.size).toBe(0);
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => undefined,
    };
    expect(readDraft(blocked, 'k')).toBe('');
    expect(() => writeDraft(blocked, 'k', 'text')).not.toThrow();
    expect(readDraft(null, 'k')).toBe('');
  });

  it('gives text back to a composer without losing what is already typed', () => {
    expect(withTextBack('  ', 'unsent')).toBe('unsent');
    expect(withTextBack('new words', 'unsent')).toBe('new words\nunsent');
  });
});
