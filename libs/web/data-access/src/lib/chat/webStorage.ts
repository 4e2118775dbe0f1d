/** The part of Web Storage the chat keeps drafts in. */
export type SmallStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Every key the chat keeps in Web Storage starts with this (drafts, per conversation and thread). */
export const CHAT_STORAGE_PREFIX = 'pa.chat.';

/** This tab's sessionStorage, or null where storage is blocked (reading `window.sessionStorage` throws). */
export function tabStorage(): SmallStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * This device's localStorage (kept when the app is closed), or null where storage is blocked. Holds
 * only what the person is typing; it is cleared when they sign out.
 */
export function deviceStorage(): SmallStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Removes what the chat keeps in this device's and this tab's storage (signing out). */
export function forgetChatStorage(): void {
  for (const storage of [deviceStorage(), tabStorage()]) {
    const full = storage as Storage | null;
    if (!full || typeof full.key !== 'function') continue;
    try {
      const keys: string[] = [];
      for (let i = 0; i < full.length; i++) {
        const key = full.key(i);
        if (key?.startsWith(CHAT_STORAGE_PREFIX)) keys.push(key);
      }
      for (const key of keys) full.removeItem(key);
    } catch {
      // Blocked storage holds nothing of ours.
    }
  }
}
