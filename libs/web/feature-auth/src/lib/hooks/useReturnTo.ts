import { useLocation } from 'react-router';

/** The in-app path to return to after signing in (only same-app paths, never another site). */
export function useReturnTo(): string {
  const state = useLocation().state as { from?: unknown } | null;
  const from = state?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}
