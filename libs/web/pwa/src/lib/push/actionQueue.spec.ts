import {
  flushActions,
  memoryActionQueueStorage,
  outcomeOfResponse,
  QUEUE_MAX_AGE_MS,
  sendOrQueue,
  type QueuedAction,
  type SendOutcome,
} from './actionQueue';

const item = (clientId: string, queuedAt = 1_000): QueuedAction => ({
  clientId,
  token: `token-${clientId}`,
  action: 'DONE',
  reminderId: 'r1',
  queuedAt,
  attempts: 0,
});

describe('notification answer queue', () => {
  it('keeps an answer that could not be sent, with its client id', async () => {
    const storage = memoryActionQueueStorage();
    expect(await sendOrQueue(storage, item('a'), async () => 'retry')).toBe('retry');
    expect(await sendOrQueue(storage, item('b'), async () => Promise.reject(new TypeError('offline')))).toBe(
      'retry',
    );
    expect((await storage.all()).map((queued) => [queued.clientId, queued.attempts])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(await sendOrQueue(storage, item('c'), async () => 'applied')).toBe('applied');
    expect(await storage.all()).toHaveLength(2);
  });

  it('sends what waits oldest first, each with the same client id, and stops while still offline', async () => {
    const storage = memoryActionQueueStorage();
    await storage.put(item('late', 3_000));
    await storage.put(item('early', 1_000));
    await storage.put(item('middle', 2_000));
    const seen: string[] = [];
    const online = { value: false };
    const send = async (queued: QueuedAction): Promise<SendOutcome> => {
      seen.push(queued.clientId);
      return online.value ? 'applied' : 'retry';
    };
    expect(await flushActions(storage, send, 5_000)).toEqual({ applied: 0, dropped: 0, left: 3 });
    expect(seen).toEqual(['early']);
    online.value = true;
    expect(await flushActions(storage, send, 5_000)).toEqual({ applied: 3, dropped: 0, left: 0 });
    expect(seen).toEqual(['early', 'early', 'middle', 'late']);
    expect(await storage.all()).toEqual([]);
  });

  it('drops what the API refuses for good, and what is too old', async () => {
    const storage = memoryActionQueueStorage();
    await storage.put(item('refused', 2_000));
    await storage.put(item('old', 0));
    const seen: string[] = [];
    const result = await flushActions(
      storage,
      async (queued) => {
        seen.push(queued.clientId);
        return 'drop';
      },
      QUEUE_MAX_AGE_MS + 1_000,
    );
    expect(result).toEqual({ applied: 0, dropped: 2, left: 0 });
    expect(seen).toEqual(['refused']);
  });

  it('reads the API answer: applied, retry later, or refused for good', () => {
    expect(outcomeOfResponse(200, { data: { reminderActionByToken: true } })).toBe('applied');
    expect(outcomeOfResponse(503, null)).toBe('retry');
    expect(outcomeOfResponse(429, null)).toBe('retry');
    expect(outcomeOfResponse(200, { data: null, errors: [{ extensions: { code: 'RATE_LIMITED' } }] })).toBe(
      'retry',
    );
    expect(outcomeOfResponse(200, { data: null, errors: [{ extensions: { code: 'INVALID_TOKEN' } }] })).toBe(
      'drop',
    );
    expect(outcomeOfResponse(400, { errors: [{ message: 'bad' }] })).toBe('drop');
  });
});
