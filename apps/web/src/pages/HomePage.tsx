import { useAuth } from '@pa/web-data-access';
import { Link } from 'react-router';
import { ServerStatusPanel } from '../components/ServerStatusPanel';

/** Home: a welcome (or the ways in) and the live server status. */
export function HomePage() {
  const { status, user } = useAuth();
  return (
    <>
      {status === 'signedIn' && user && (
        <section className="panel welcome" aria-labelledby="welcome-title" data-testid="welcome">
          <h2 id="welcome-title">Welcome, {user.displayName}.</h2>
          <p>You are signed in. Nothing urgent here — take a breath and pick one thing to start with.</p>
          <p className="welcome-links">
            <Link to="/today">See today</Link>
            <Link to="/chat">Talk to the assistant</Link>
          </p>
        </section>
      )}
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
