import { AccountMenu, EmailVerificationBanner } from '@pa/web-feature-auth';
import { Suspense } from 'react';
import { Link, Outlet, useMatch } from 'react-router';

/** The page frame: header with the account menu, the current route, footer. */
export function App() {
  // On home the product name is the page's heading; other pages bring their own h1.
  const Brand = useMatch('/') ? 'h1' : 'p';
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
        <AccountMenu />
      </header>
      <main id="main" className="site-main">
        <EmailVerificationBanner />
        <Suspense
          fallback={
            <p role="status" className="page-status">
              Loading…
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Personal Assistant TDAH</p>
      </footer>
    </>
  );
}
