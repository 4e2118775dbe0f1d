import { use, useContext, useSyncExternalStore } from 'react';
import type { Outbox } from '../../lib/offline/outbox';
import type { OutboxItem } from '../../lib/offline/outboxTypes';
import { OfflineContext } from '../../lib/offlineHandle';

const NO_ITEMS: readonly OutboxItem[] = [];
const noSubscription = () => () => undefined;
const noItems = () => NO_ITEMS;
const NOTHING: Promise<null> = Promise.resolve(null);

/**
 * The signed-in person's outbox (suspends the first time, while its chunk loads). Null only when the
 * offline side could not load at all: sending then reports a failure instead of queueing.
 */
export function useOutbox(): Outbox | null {
  const handle = useContext(OfflineContext);
  const data = use(handle?.ready ?? NOTHING);
  return data?.outbox ?? null;
}

/** The person's unsent changes, oldest first, kept current. */
export function useOutboxItems(outbox: Outbox | null): readonly OutboxItem[] {
  return useSyncExternalStore(outbox?.subscribe ?? noSubscription, outbox?.items ?? noItems);
}
