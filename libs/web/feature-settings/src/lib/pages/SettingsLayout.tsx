import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';

const SECTIONS = [
  { to: '/settings/profile', label: 'Profile' },
  { to: '/settings/preferences', label: 'Preferences' },
  { to: '/settings/notifications', label: 'Notifications' },
  { to: '/settings/security', label: 'Security' },
  { to: '/settings/sessions', label: 'Your devices' },
  { to: '/settings/activity', label: 'Account activity' },
  { to: '/settings/privacy', label: 'Your data' },
] as const;

/** The settings area: its sections as tabs-like links (scrolling sideways on a phone), then the page. */
export function SettingsLayout() {
  return (
    <div className="section-layout">
      <nav className="section-nav" aria-label="Settings">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} className="section-nav-link">
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense
        fallback={
          <p role="status" className="page-status">
            Loading…
          </p>
        }
      >
        <Outlet />
      </Suspense>
    </div>
  );
}
