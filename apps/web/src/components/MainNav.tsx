import { useAuth, useCan } from '@pa/web-data-access';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

// Simple line icons, drawn in the current text colour; the words next to them carry the meaning.
const icon = (path: ReactNode) => (
  <svg
    className="main-nav-icon"
    viewBox="0 0 24 24"
    width="22"
    height="22"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    {path}
  </svg>
);
const HOME = icon(<path d="M3 11.5 12 4l9 7.5M5.5 10v10h13V10" />);
const TODAY = icon(
  <>
    <rect x="4" y="5" width="16" height="15" rx="2" />
    <path d="M4 10h16M9 3v4M15 3v4M9 15l2 2 4-4" />
  </>,
);
const CHAT = icon(<path d="M4 5h16v11H9l-5 4V5Z" />);
const PHONE = icon(
  <>
    <rect x="7" y="2.5" width="10" height="19" rx="2" />
    <path d="M11 18.5h2" />
  </>,
);
const SETTINGS = icon(
  <>
    <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12" />
    <circle cx="16" cy="6" r="2" />
    <circle cx="10" cy="12" r="2" />
    <circle cx="18" cy="18" r="2" />
  </>,
);
const ADMIN = icon(<path d="M12 3 4.5 6v5.5c0 4.5 3.2 8 7.5 9.5 4.3-1.5 7.5-5 7.5-9.5V6L12 3Z" />);

/**
 * The main places of the app, for signed-in people: in the header on a wide screen, a bar at the bottom
 * of a phone's screen (within thumb reach). Admin appears only when the role allows it.
 */
export function MainNav() {
  const { status } = useAuth();
  const canAdminister = useCan('user:read:any');
  const hasNumber = useCan('sms_number:read:own');
  if (status !== 'signedIn') return null;
  return (
    <nav className="main-nav" aria-label="Main" data-testid="main-nav">
      <ul>
        <li>
          <NavLink to="/" end className="main-nav-link">
            {HOME}
            <span>Home</span>
          </NavLink>
        </li>
        <li>
          <NavLink to="/today" className="main-nav-link">
            {TODAY}
            <span>Today</span>
          </NavLink>
        </li>
        <li>
          <NavLink to="/chat" className="main-nav-link">
            {CHAT}
            <span>Chat</span>
          </NavLink>
        </li>
        {hasNumber && (
          <li>
            <NavLink to="/number" className="main-nav-link">
              {PHONE}
              <span>My number</span>
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to="/settings" className="main-nav-link">
            {SETTINGS}
            <span>Settings</span>
          </NavLink>
        </li>
        {canAdminister && (
          <li>
            <NavLink to="/admin" className="main-nav-link">
              {ADMIN}
              <span>Admin</span>
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
