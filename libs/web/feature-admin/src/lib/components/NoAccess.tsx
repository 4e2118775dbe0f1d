import { usePageHeading } from '@pa/web-ui';
import { Link } from 'react-router';

/** The calm refusal shown instead of an area the person's role does not open. */
export function NoAccess() {
  const heading = usePageHeading();
  return (
    <section className="panel" aria-labelledby="no-access-title" data-testid="no-access">
      <h1 id="no-access-title" ref={heading} tabIndex={-1}>
        You do not have access to this area
      </h1>
      <p>
        This part of the app is for administrators. Nothing is wrong with your account. If you think you
        should have access, ask an administrator.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
