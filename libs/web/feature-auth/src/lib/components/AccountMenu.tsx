import { useAuth, useCan } from '@pa/web-data-access';
import { Avatar } from '@pa/web-ui';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';

/**
 * The header's profile menu: who is signed in (avatar and name), their settings, security, devices,
 * the admin area when their role allows it, and sign out; or the ways in. On a wide screen its links
 * show inline; on a phone they fold behind the avatar button (a disclosure: Escape or a click outside
 * closes it). `extras` (such as installing the app) show above sign out, in the folded menu only.
 */
export function AccountMenu({ extras }: { extras?: ReactNode } = {}) {
  const { status, user, signOut } = useAuth();
  const canAdminister = useCan('user:read:any');
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // A link was followed: the folded menu closes.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

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
        {/* On a phone the sign-in page offers it: the header keeps one size (see shell.css). */}
        <NavLink to="/register" className="nav-link account-link-wide">
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

  const avatar = (size: 'small' | 'medium') => (
    <Avatar
      initials={user.avatar.initials}
      color={user.avatar.color}
      imageUrl={user.avatar.imageUrl}
      size={size}
    />
  );

  return (
    <nav className="account-menu" aria-label="Account" data-testid="account-menu" ref={rootRef}>
      <button
        type="button"
        className="account-toggle button-quiet"
        aria-expanded={open}
        aria-controls={panelId}
        ref={toggleRef}
        onClick={() => setOpen((v) => !v)}
        data-testid="account-toggle"
      >
        {avatar('medium')}
        <span className="visually-hidden">Account menu for {user.displayName}</span>
      </button>
      <div id={panelId} className="account-panel" data-open={open}>
        <p className="account-identity">
          {avatar('small')}
          <span className="account-name" data-testid="signed-in-as">
            <span className="visually-hidden">Signed in as </span>
            {user.displayName}
          </span>
        </p>
        <ul className="account-links">
          {/* The main navigation shows these two next to the menu on a wide screen. */}
          <li className="account-link-folded">
            <NavLink to="/settings/profile" className="nav-link">
              Settings
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/security" className="nav-link">
              Security
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/sessions" className="nav-link">
              Your devices
            </NavLink>
          </li>
          {canAdminister && (
            <li className="account-link-folded">
              <NavLink to="/admin" className="nav-link">
                Admin
              </NavLink>
            </li>
          )}
        </ul>
        {extras && <div className="account-extras">{extras}</div>}
        <button type="button" className="button-quiet" onClick={onSignOut} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </nav>
  );
}
