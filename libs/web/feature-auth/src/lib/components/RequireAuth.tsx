import { useAuth } from '@pa/web-data-access';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

/** Where to go back to after signing in (set by RequireAuth). */
export interface ReturnState {
  from?: string;
}

/**
 * Shows its children only when signed in; otherwise sends the person to /sign-in (or to the second step
 * of a sign-in in progress) and back afterwards.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <p role="status" className="page-status" data-testid="auth-loading">
        Checking your session…
      </p>
    );
  }
  if (status === 'signedOut' || status === 'mfaPending') {
    const state: ReturnState = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to={status === 'signedOut' ? '/sign-in' : '/sign-in/verify'} replace state={state} />;
  }
  return <>{children}</>;
}
