import { apiErrorOf, useAuth, useSecurity } from '@pa/web-data-access';
import { usePageHeading } from '@pa/web-ui';
import { Link } from 'react-router';
import { ChangePasswordSection } from '../components/ChangePasswordSection';
import { SmsSection } from '../components/SmsSection';
import { TotpSection } from '../components/TotpSection';
import { useReauth } from '../hooks/useReauth';
import { friendlyError } from '../logic/friendlyError';

/** Sign-in security: authenticator app and backup codes, text-message codes, and the password. */
export function SecurityPage() {
  const { user } = useAuth();
  const security = useSecurity();
  const reauth = useReauth(security.reauthenticate);
  const heading = usePageHeading();
  const email = user?.email ?? '';

  return (
    <section className="panel" aria-labelledby="security-title" data-testid="security-page">
      <h1 id="security-title" ref={heading} tabIndex={-1}>
        Security
      </h1>
      <p className="lead">
        How you sign in. Two-step sign-in keeps your account yours even if someone learns your password. Each
        change takes a minute; do one at a time. Signed-in devices are on{' '}
        <Link to="/settings/sessions">Your devices</Link>.
      </p>

      {security.loading && !security.mfaStatus && (
        <p role="status" data-testid="security-loading">
          Loading your settings…
        </p>
      )}
      {security.error && !security.mfaStatus && (
        <div className="notice" role="alert">
          <p>{friendlyError(apiErrorOf(security.error)).message}</p>
          <button type="button" onClick={security.refetch}>
            Try again
          </button>
        </div>
      )}

      {security.mfaStatus && (
        <>
          <TotpSection security={security} run={reauth.run} email={email} />
          <SmsSection security={security} run={reauth.run} />
        </>
      )}
      <ChangePasswordSection security={security} personal={user ? [user.email, user.displayName] : []} />
      {reauth.prompt}
    </section>
  );
}
