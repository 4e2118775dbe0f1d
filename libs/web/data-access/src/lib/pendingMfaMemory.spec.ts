import { sessionStoragePendingMfa } from './pendingMfaMemory';

function fakeStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('sessionStoragePendingMfa', () => {
  it('saves, loads and clears a pending challenge', () => {
    const storage = fakeStorage();
    const memory = sessionStoragePendingMfa(storage);
    const value = { sessionId: 's1', methods: ['TOTP' as const], expiresAt: '2026-11-02T10:05:00.000Z' };
    memory.save(value);
    expect(memory.load()).toEqual(value);
    memory.save(null);
    expect(storage.items.size).toBe(0);
    expect(memory.load()).toBeNull();
  });

  it('ignores anything malformed, and storage that throws', () => {
    const storage = fakeStorage();
    storage.items.set('pa.pendingMfa', '{"sessionId":"s1","methods":["EMAIL"],"expiresAt":"x"}');
    expect(sessionStoragePendingMfa(storage).load()).toBeNull();
    storage.items.set('pa.pendingMfa', 'not json');
    expect(sessionStoragePendingMfa(storage).load()).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(sessionStoragePendingMfa(broken).load()).toBeNull();
    expect(() => sessionStoragePendingMfa(broken).save(null)).not.toThrow();
  });
});
