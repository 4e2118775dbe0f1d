import { useAuth } from '@pa/web-data-access';
import { DashboardPage } from '@pa/web-feature-tasks';
import { Suspense } from 'react';
import { Landing } from './Landing';

/**
 * Home: for a signed-in person, a welcome and their day (the dashboard, loaded lazily); for a visitor,
 * what this is, an example conversation and the ways in (the server's status lives at /status).
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
  if (status === 'loading') return null;
  return <Landing />;
}
