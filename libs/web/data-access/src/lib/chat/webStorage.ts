/** The part of Web Storage the chat keeps drafts and unsent messages in. */
export type SmallStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** This tab's sessionStorage, or null where storage is blocked (reading `window.sessionStorage` throws). */
export function tabStorage(): SmallStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
