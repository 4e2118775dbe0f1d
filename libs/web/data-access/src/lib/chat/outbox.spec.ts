import { createOutbox, newClientId, type OutboxStorage } from './outbox';
import type { OutboxEntry } from './timeline';
import { CLIENT_ID_PATTERN } from '@pa/shared-domain/conversations';

const memoryStorage = (): OutboxStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: 'client-0001',
  conversationId: 'c-1',
  parentId: null,
  body: 'hello',
  queuedAt: '2026-01-01T09:00:00.000Z',
  state: 'sending',
  ...over,
});

describe('createOutbox', () => {
  it('keeps unsent messages over a reload, as failed ones to retry with the same client id', () => {
    const storage = memoryStorage();
    const first = createOutbox(storage);
    first.put(entry({ clientId: 'sending-001' }));
    first.put(
      entry({ clientId: 'failed-0001', state: 'failed', failure: { code: 'NETWORK_ERROR', message: 'x' } }),
    );

    const reloaded = createOutbox(storage).entries();
    expect(reloaded.map((e) => [e.clientId, e.state, e.failure?.code])).toEqual([
      ['sending-001', 'failed', 'INTERRUPTED'],
      ['failed-0001', 'failed', 'NETWORK_ERROR'],
    ]);
  });

  it('notifies on each change with a new array, and forgets what was sent', () => {
    const storage = memoryStorage();
    const outbox = createOutbox(storage);
    const seen: (readonly OutboxEntry[])[] = [];
    outbox.subscribe(() => seen.push(outbox.entries()));
    outbox.put(entry());
    outbox.update('client-0001', { state: 'failed', failure: { code: 'NETWORK_ERROR', message: '' } });
    outbox.update('unknown-0001', { state: 'failed' });
    outbox.remove('client-0001');
    outbox.remove('client-0001');
    expect(seen.map((list) => list.map((e) => e.state))).toEqual([['sending'], ['failed'], []]);
    expect(new Set(seen).size).toBe(3);
    expect(storage.data.size).toBe(0);
  });

  it('ignores what it cannot read and works without storage', () => {
    const storage = memoryStorage();
    storage.data.set('pa.chat.outbox.v1', '{not json');
    expect(createOutbox(storage).entries()).toEqual([]);
    storage.data.set(
      'pa.chat.outbox.v1',
      JSON.stringify([{ clientId: 1 }, entry({ clientId: 'kept-00001' })]),
    );
    expect(
      createOutbox(storage)
        .entries()
        .map((e) => e.clientId),
    ).toEqual(['kept-00001']);
    const memoryOnly = createOutbox(null);
    memoryOnly.put(entry());
    expect(memoryOnly.get('client-0001')?.body).toBe('hello');
  });
});

describe('newClientId', () => {
  it('makes ids the API accepts, with or without randomUUID', () => {
    const withUuid = newClientId(globalThis.crypto);
    const without = newClientId({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) });
    expect(withUuid).toMatch(CLIENT_ID_PATTERN);
    expect(without).toMatch(CLIENT_ID_PATTERN);
    expect(without).toHaveLength(32);
    expect(newClientId(globalThis.crypto)).not.toBe(withUuid);
  });
});
