/**
 * The stored messages since a cursor, then the live ones, each once: the live subscription starts
 * first (so nothing committed during the replay is missed) and drops what the replay already sent.
 */
export async function* resumeAfter<T extends { id: string }>(
  live: AsyncIterable<T>,
  replay: () => Promise<T[]>,
): AsyncGenerator<T> {
  const events = live[Symbol.asyncIterator]();
  // Starts listening before the replay is read.
  let next = events.next();
  try {
    const replayed = new Set<string>();
    for (const p of await replay()) {
      replayed.add(p.id);
      yield p;
    }
    for (;;) {
      const r = await next;
      if (r.done) return;
      if (!replayed.delete(r.value.id)) yield r.value;
      next = events.next();
    }
  } finally {
    await events.return?.();
  }
}
