/**
 * Gathers items handed in one by one (each from its own job) and processes them together: a batch
 * leaves when it holds `maxSize` items or `maxWaitMs` after its first item arrived. Each caller gets
 * its own item's result, or its own error.
 *
 * When a whole batch fails, each of its items is tried alone, so one bad item (a poison job) fails
 * only its own job, never the others that happened to share its batch.
 *
 * At most `maxInFlight` batches (default: no bound) are processed at once; the others wait their
 * turn in the order they left, so a burst of items never floods the database or the push services.
 */
export class MicroBatcher<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly ready: (typeof this.pending)[] = [];
  private inFlight = 0;

  constructor(
    private readonly process: (items: T[]) => Promise<R[]>,
    private readonly options: { maxSize: number; maxWaitMs: number; maxInFlight?: number },
  ) {
    if (!Number.isInteger(options.maxSize) || options.maxSize < 1)
      throw new RangeError('maxSize must be a positive integer');
    if (!(options.maxWaitMs >= 0)) throw new RangeError('maxWaitMs must be ≥ 0');
    const { maxInFlight } = options;
    if (maxInFlight !== undefined && (!Number.isInteger(maxInFlight) || maxInFlight < 1))
      throw new RangeError('maxInFlight must be a positive integer');
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Items waiting for their batch to leave, or for their batch's turn. */
  get waiting(): number {
    return this.pending.length + this.ready.reduce((n, b) => n + b.length, 0);
  }

  /** Batches being processed now. */
  get running(): number {
    return this.inFlight;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.ready.push(batch);
    this.pump();
  }

  private pump(): void {
    const limit = this.options.maxInFlight ?? Infinity;
    while (this.inFlight < limit) {
      const batch = this.ready.shift();
      if (!batch) return;
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: typeof this.pending): Promise<void> {
    try {
      const results = await this.processAll(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i] as R));
    } catch (err) {
      if (batch.length === 1) return batch[0]?.reject(err);
      // Alone, one after the other: the batch's failure may belong to a single item.
      for (const b of batch) {
        try {
          const [result] = await this.processAll([b.item]);
          b.resolve(result as R);
        } catch (e) {
          b.reject(e);
        }
      }
    }
  }

  private async processAll(items: T[]): Promise<R[]> {
    const results = await this.process(items);
    if (results.length !== items.length)
      throw new Error(`batch processor returned ${results.length} results for ${items.length} items`);
    return results;
  }
}
