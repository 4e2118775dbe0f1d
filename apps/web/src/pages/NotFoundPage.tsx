import { Link } from 'react-router';

/** Unknown paths (the API serves the app for them). */
export function NotFoundPage() {
  return (
    <section className="panel" aria-labelledby="not-found-title">
      <h1 id="not-found-title">This page does not exist</h1>
      <p>
        No harm done. <Link to="/">Go to the home page</Link>.
      </p>
    </section>
  );
}
