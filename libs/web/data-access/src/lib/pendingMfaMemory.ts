import type { PendingMfa, PendingMfaMemory } from './authStore';

const KEY = 'pa.pendingMfa';

type Remembered = PendingMfa & { sessionId: string };

function isRemembered(value: unknown): value is Remembered {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['sessionId'] === 'string' &&
    typeof v['expiresAt'] === 'string' &&
    Array.isArray(v['methods']) &&
    v['methods'].every((m) => m === 'TOTP' || m === 'SMS' || m === 'BACKUP_CODE')
  );
}

/**
 * Remembers a pending second-factor challenge in sessionStorage (this tab only), so a reload during
 * it comes back to the code form. No token is stored: the session itself comes from the httpOnly cookie.
 */
export function sessionStoragePendingMfa(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): PendingMfaMemory {
  return {
    load() {
      try {
        const value: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
        return isRemembered(value) ? value : null;
      } catch {
        return null;
      }
    },
    save(value) {
      try {
        if (value) storage.setItem(KEY, JSON.stringify(value));
        else storage.removeItem(KEY);
      } catch {
        // Storage disabled (private mode): a reload then simply asks to sign in again.
      }
    },
  };
}
