import { useEffect, useState } from 'react';
import { tokenFromHash } from '../logic/fragmentToken';

/**
 * The token of an emailed link (`#token=…`), read once; then the fragment is removed from the address
 * bar (history.replaceState, keeping the router's state) so it is not left in history or bookmarks.
 */
export function useFragmentToken(): string | null {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    if (!window.location.hash) return;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }, []);
  return token;
}
