import { focusLeft, loadFocus, saveFocus } from './focus';

const memory = () => {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

describe('focus timer', () => {
  const run = { endsAt: 25 * 60_000, minutes: 25, reminderId: 'r1' };

  it('shrinks from whole to nothing and says what is left in words', () => {
    expect(focusLeft(run, 0)).toEqual({ fraction: 1, words: '25 min left', over: false });
    expect(focusLeft(run, 12.5 * 60_000)).toEqual({ fraction: 0.5, words: '13 min left', over: false });
    expect(focusLeft(run, run.endsAt - 30_000).words).toBe('less than a minute left');
    expect(focusLeft(run, run.endsAt + 5)).toEqual({ fraction: 0, words: 'Time is up', over: true });
  });

  it('survives a reload on this device, and is forgotten when stopped', () => {
    const storage = memory();
    expect(loadFocus(storage)).toBeNull();
    saveFocus(storage, run);
    expect(loadFocus(storage)).toEqual(run);
    saveFocus(storage, null);
    expect(loadFocus(storage)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const storage = memory();
    storage.setItem('pa.focus', '{not json');
    expect(loadFocus(storage)).toBeNull();
    storage.setItem('pa.focus', '{"endsAt":"soon"}');
    expect(loadFocus(storage)).toBeNull();
    storage.setItem('pa.focus', '{"endsAt":5,"minutes":10}');
    expect(loadFocus(storage)).toEqual({ endsAt: 5, minutes: 10, reminderId: null });
    expect(loadFocus(undefined)).toBeNull();
  });
});
