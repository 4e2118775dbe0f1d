import { MicroBatcher } from './micro-batch';

describe('MicroBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends a full batch at once and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        return items.map((n) => n * 10);
      },
      { maxSize: 3, maxWaitMs: 1000 },
    );
    const results = await Promise.all([b.add(1), b.add(2), b.add(3)]);
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('sends a partial batch after maxWaitMs, not before', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        return items;
      },
      { maxSize: 10, maxWaitMs: 50 },
    );
    const pending = Promise.all([b.add(1), b.add(2)]);
    jest.advanceTimersByTime(49);
    expect(batches).toEqual([]);
    expect(b.waiting).toBe(2);
    jest.advanceTimersByTime(1);
    await expect(pending).resolves.toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
    expect(b.waiting).toBe(0);
  });

  it('retries a failed batch one item at a time, so only the bad item fails', async () => {
    const calls: number[][] = [];
    const b = new MicroBatcher(
      async (items: number[]) => {
        calls.push(items);
        if (items.includes(2)) throw new Error(`poison ${items.join(',')}`);
        return items.map((n) => n + 100);
      },
      { maxSize: 3, maxWaitMs: 1000 },
    );
    const settled = await Promise.allSettled([b.add(1), b.add(2), b.add(3)]);
    expect(settled).toEqual([
      { status: 'fulfilled', value: 101 },
      { status: 'rejected', reason: new Error('poison 2') },
      { status: 'fulfilled', value: 103 },
    ]);
    expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('fails the items when the processor answers for fewer items than it was given', async () => {
    const b = new MicroBatcher(async (items: number[]) => items.slice(1), { maxSize: 2, maxWaitMs: 10 });
    const settled = await Promise.allSettled([b.add(1), b.add(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('processes at most maxInFlight batches at once, the others in the order they left', async () => {
    jest.useRealTimers();
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const b = new MicroBatcher(
      async (items: number[]) => {
        started.push(items[0] as number);
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return items.map((n) => -n);
      },
      { maxSize: 2, maxWaitMs: 1000, maxInFlight: 3 },
    );
    // 20 items: ten full batches leave at once.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => b.add(i)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => -i));
    expect(peak).toBe(3);
    expect(started).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(b.running).toBe(0);
    expect(b.waiting).toBe(0);
  });

  it('counts the items of batches waiting for their turn as waiting', async () => {
    jest.useRealTimers();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const b = new MicroBatcher(
      async (items: number[]) => {
        await gate;
        return items;
      },
      { maxSize: 2, maxWaitMs: 1000, maxInFlight: 1 },
    );
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => b.add(n)));
    // [1,2] runs, [3,4] waits its turn, 5 waits for its batch to fill or time out.
    expect(b.running).toBe(1);
    expect(b.waiting).toBe(3);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(b.waiting).toBeLessThan(3);
    await expect(all).resolves.toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a nonsensical size or wait', () => {
    expect(
      () => new MicroBatcher(async (i: number[]) => i, { maxSize: 1, maxWaitMs: 1, maxInFlight: 0 }),
    ).toThrow(RangeError);
    expect(() => new MicroBatcher(async (i: number[]) => i, { maxSize: 0, maxWaitMs: 1 })).toThrow(
      RangeError,
    );
    expect(() => new MicroBatcher(async (i: number[]) => i, { maxSize: 1, maxWaitMs: -1 })).toThrow(
      RangeError,
    );
  });
});
