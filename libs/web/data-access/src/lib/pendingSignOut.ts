import type { SmallStorage } from './chat/webStorage';

const KEY = 'pa.auth.signOutPending';

/**
 * A sign-out the server has not heard of yet (made offline). The httpOnly refresh cookie still holds
 * the session, so the next start would sign the same person in again — on a shared device, for the
 * next person. Remembered on the device (no personal data: one flag) until the server ends it.
 */
export interface PendingSignOut {
  isPending(): boolean;
  remember(): void;
  clear(): void;
}

/** The flag in this device's localStorage (memory only where storage is blocked). */
export function pendingSignOut(storage: SmallStorage | null): PendingSignOut {
  let memory = false;
  return {
    isPending() {
      try {
        return memory || storage?.getItem(KEY) === '1';
      } catch {
        return memory;
      }
    },
    remember() {
      memory = true;
      try {
        storage?.setItem(KEY, '1');
      } catch {
        // Blocked storage: the flag lives as long as the page.
      }
    },
    clear() {
      memory = false;
      try {
        storage?.removeItem(KEY);
      } catch {
        // Nothing to clear.
      }
    },
  };
}
