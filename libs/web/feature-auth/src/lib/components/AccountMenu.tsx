import { useAuth } from '@pa/web-data-access';
import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';

/** The header's account area: who is signed in, their devices, security and sign out; or the ways in. */
export function AccountMenu() {
  const { status, user, signOut } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  if (status === 'loading') return <nav className="account-menu" aria-label="Account" />;

  if (status === 'mfaPending') {
    return (
      <nav className="account-menu" aria-label="Account" data-testid="account-menu">
        <NavLink to="/sign-in/verify" className="nav-link">
          Finish signing in
        </NavLink>
      </nav>
    );
  }

  if (status === 'signedOut' || !user) {
    return (
      <nav className="account-menu" aria-label="Account" data-testid="account-menu">
        <NavLink to="/sign-in" className="nav-link">
          Sign in
        </NavLink>
        <NavLink to="/register" className="nav-link">
          Create account
        </NavLink>
      </nav>
    );
  }

  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
    void navigate('/sign-in', { state: { notice: 'signedOut' } });
  };

  return (
    <nav className="account-menu" aria-label="Account" data-testid="account-menu">
      <span className="account-name" data-testid="signed-in-as">
        <span className="visually-hidden">Signed in as </span>
        {user.displayName}
      </span>
      <NavLink to="/settings/sessions" className="nav-link">
        Your devices
      </NavLink>
      <NavLink to="/settings/security" className="nav-link">
        Security
      </NavLink>
      <button type="button" className="button-quiet" onClick={onSignOut} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
    </nav>
  );
}
