import { useAuth } from '@pa/web-data-access';
import { DashboardPage } from '@pa/web-feature-tasks';
import { Suspense } from 'react';
import { Link } from 'react-router';
import { ServerStatusPanel } from '../components/ServerStatusPanel';

/**
 * Home: for a signed-in person, a welcome and their day (the dashboard, loaded lazily); for a visitor,
 * the ways in and the live server status.
 */
export function HomePage() {
  const { status, user } = useAuth();
  if (status === 'signedIn' && user) {
    return (
      <>
        <section className="welcome dashboard-welcome" aria-labelledby="welcome-title" data-testid="welcome">
          <h2 id="welcome-title">Welcome, {user.displayName}.</h2>
          <p className="lead">Nothing urgent here — take a breath and pick one thing to start with.</p>
        </section>
        <Suspense
          fallback={
            <p role="status" className="page-status">
              Loading your day…
            </p>
          }
        >
          <DashboardPage />
        </Suspense>
      </>
    );
  }
  return (
    <>
      {status === 'signedOut' && (
        <section className="panel welcome" aria-labelledby="welcome-title" data-testid="welcome-guest">
          <h2 id="welcome-title">Hello there.</h2>
          <p>
            <Link to="/sign-in">Sign in</Link> or <Link to="/register">create an account</Link> to get
            started.
          </p>
        </section>
      )}
      <ServerStatusPanel />
    </>
  );
}
