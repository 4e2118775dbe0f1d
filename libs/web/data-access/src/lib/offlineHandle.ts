import { createContext } from 'react';
import type { OfflineData } from './offline/offlineData';

/**
 * The offline side of the app (kept data, outbox), loading in a chunk of its own right after start.
 * `ready` resolves to null only when that chunk could not load.
 */
export interface OfflineHandle {
  ready: Promise<OfflineData | null>;
}

export const OfflineContext = createContext<OfflineHandle | null>(null);
