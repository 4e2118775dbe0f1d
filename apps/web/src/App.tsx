import { useAccountSync, useAuth } from '@pa/web-data-access';
import { AccountMenu, ConsentGate, EmailVerificationBanner } from '@pa/web-feature-auth';
import { InstallApp, UpdatePrompt } from '@pa/web-pwa';
import { ReminderAlerts } from '@pa/web-feature-tasks';
import { Suspense } from 'react';
import { Link, Outlet, useMatch } from 'react-router';
import { MainNav } from './components/MainNav';
import { OfflineBanner } from './components/OfflineBanner';

/**
 * The page frame: header with the main navigation and the profile menu, the current route, footer.
 * index.html paints the same frame before the script runs: keep the two alike.
 */
export function App() {
  // A role or name changed elsewhere shows here at once (the navigation follows the role).
  useAccountSync();
  // On home the product name is the page's heading; other pages bring their own h1.
  const Brand = useMatch('/') ? 'h1' : 'p';
  // Tables of the administration area get the full width; a conversation room for its thread beside it.
  const admin = useMatch('/admin/*');
  // Settings put their sections beside the page on a desktop.
  const settings = useMatch('/settings/*');
  const conversation = useMatch('/chat/:conversationId/*');
  const search = useMatch('/chat/search');
  const width = admin || settings ? 'wide' : conversation && !search ? 'chat' : 'narrow';
  // Reminders that fire while any page is open alert here (loaded once signed in).
  const signedIn = useAuth().status === 'signedIn';
  // A new version of the terms is accepted before going on; the documents themselves, and taking
  // one's data or leaving, stay reachable without accepting.
  const legal = useMatch('/legal/*');
  const privacy = useMatch('/settings/privacy');
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="brand">
          <Brand className="site-title">
            <Link to="/">Personal Assistant TDAH</Link>
          </Brand>
          <p className="tagline">One thing at a time.</p>
        </div>
        <MainNav />
        <AccountMenu extras={<InstallApp />} />
      </header>
      <main id="main" className="site-main" data-width={width}>
        <OfflineBanner />
        <UpdatePrompt />
        <EmailVerificationBanner />
        {signedIn && (
          <Suspense fallback={null}>
            <ReminderAlerts />
          </Suspense>
        )}
        <Suspense
          fallback={
            <p role="status" className="page-status">
              Loading…
            </p>
          }
        >
          <ConsentGate bypass={!!legal || !!privacy}>
            <Outlet />
          </ConsentGate>
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Personal Assistant TDAH · <Link to="/status">Server status</Link>
        </p>
      </footer>
    </>
  );
}
