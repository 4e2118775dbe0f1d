import DataLoader from 'dataloader';

const stores = new WeakMap<object, Map<string, unknown>>();

/**
 * One value per request (per GraphQL context) under a name, created on first use: the home of
 * DataLoaders, so rows asked for by many fields are fetched in one query and never shared between
 * callers.
 */
export function perRequest<T>(ctx: object, name: string, create: () => T): T {
  let store = stores.get(ctx);
  if (!store) {
    store = new Map();
    stores.set(ctx, store);
  }
  if (!store.has(name)) store.set(name, create());
  return store.get(name) as T;
}

/**
 * A per-request DataLoader that batches keys into one call and answers in key order. It batches but
 * does not cache: a subscription keeps its context for its whole life, and must see fresh rows.
 */
export function requestLoader<K extends string, V>(
  ctx: object,
  name: string,
  load: (keys: readonly K[]) => Promise<Map<K, V>>,
): DataLoader<K, V | undefined> {
  return perRequest(
    ctx,
    name,
    () =>
      new DataLoader<K, V | undefined>(
        async (keys) => {
          const found = await load([...new Set(keys)]);
          return keys.map((k) => found.get(k));
        },
        { cache: false },
      ),
  );
}
