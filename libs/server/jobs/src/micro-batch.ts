/**
 * Gathers items handed in one by one (each from its own job) and processes them together: a batch
 * leaves when it holds `maxSize` items or `maxWaitMs` after its first item arrived. Each caller gets
 * its own item's result, or its own error.
 *
 * When a whole batch fails, each of its items is tried alone, so one bad item (a poison job) fails
 * only its own job, never the others that happened to share its batch.
 */
export class MicroBatcher<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly process: (items: T[]) => Promise<R[]>,
    private readonly options: { maxSize: number; maxWaitMs: number },
  ) {
    if (!Number.isInteger(options.maxSize) || options.maxSize < 1)
      throw new RangeError('maxSize must be a positive integer');
    if (!(options.maxWaitMs >= 0)) throw new RangeError('maxWaitMs must be ≥ 0');
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Items waiting for their batch to leave. */
  get waiting(): number {
    return this.pending.length;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) void this.run(batch);
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
