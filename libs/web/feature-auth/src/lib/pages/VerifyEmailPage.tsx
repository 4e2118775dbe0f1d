import { apiErrorOf, useAccountEmail, useAuth } from '@pa/web-data-access';
import { FormAlert, usePageHeading } from '@pa/web-ui';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useFragmentToken } from '../hooks/useFragmentToken';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';

type Outcome = 'checking' | 'confirmed' | 'failed' | 'missing';

/** Opens from the confirmation email: confirms the address at once with the link's token. */
export function VerifyEmailPage() {
  const token = useFragmentToken();
  const { status, user, reloadUser } = useAuth();
  const { verifyEmail } = useAccountEmail();
  const heading = usePageHeading();
  const [outcome, setOutcome] = useState<Outcome>(token ? 'checking' : 'missing');
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // A token works once: never send it twice (React's StrictMode runs effects twice in development).
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verifyEmail(token).then(
      () => setOutcome('confirmed'),
      (error: unknown) => {
        setProblem(friendlyError(apiErrorOf(error)));
        setOutcome('failed');
      },
    );
  }, [token, verifyEmail]);

  // Signed in here too: refresh the user so the reminder banner goes away.
  useEffect(() => {
    if (outcome === 'confirmed' && status === 'signedIn') void reloadUser().catch(() => undefined);
    if (outcome !== 'checking') resultRef.current?.focus();
  }, [outcome, status, reloadUser]);

  const alreadyConfirmed = status === 'signedIn' && !!user?.emailVerifiedAt;
  return (
    <section className="panel auth-panel" aria-labelledby="verify-title" data-testid="verify-email-page">
      <h1 id="verify-title" ref={heading} tabIndex={-1}>
        Confirm your email
      </h1>
      {outcome === 'checking' && (
        <p role="status" className="lead" data-testid="verify-checking">
          Confirming your email address…
        </p>
      )}
      <div ref={resultRef} tabIndex={-1} className="result">
        {outcome === 'confirmed' && (
          <div className="notice-calm" role="status" data-testid="verify-success">
            <p>Your email address is confirmed. Thank you — that's all there was to do.</p>
            <p>
              <Link to={status === 'signedIn' ? '/' : '/sign-in'}>
                {status === 'signedIn' ? 'Go to the home page' : 'Sign in'}
              </Link>
            </p>
          </div>
        )}
        {outcome === 'failed' && (
          <>
            {alreadyConfirmed ? (
              <p className="notice-calm" role="status" data-testid="verify-already">
                Your email address is already confirmed. Nothing else to do.
              </p>
            ) : (
              <FormAlert error={problem} testId="verify-error" />
            )}
            {!alreadyConfirmed && <ResendLink />}
          </>
        )}
        {outcome === 'missing' && (
          <>
            <p className="lead" data-testid="verify-missing">
              This page confirms your email from the link we sent you. Please open the link in the email; if
              it got lost, we can send a new one.
            </p>
            {!alreadyConfirmed && <ResendLink />}
          </>
        )}
      </div>
    </section>
  );
}

/** Resend the confirmation email when signed in; otherwise point to sign-in, where the banner offers it. */
function ResendLink() {
  const { status, user } = useAuth();
  const { resendVerificationEmail } = useAccountEmail();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState<FriendlyError | null>(null);

  if (status !== 'signedIn') {
    return (
      <p className="aside">
        <Link to="/sign-in" state={{ from: '/verify-email' }}>
          Sign in
        </Link>{' '}
        and we'll offer to send a fresh link.
      </p>
    );
  }
  const onResend = async () => {
    setState('sending');
    setProblem(null);
    try {
      await resendVerificationEmail();
      setState('sent');
    } catch (error) {
      setProblem(friendlyError(apiErrorOf(error)));
      setState('idle');
    }
  };
  return (
    <div className="aside">
      <FormAlert error={problem} testId="resend-error" />
      <button type="button" onClick={() => void onResend()} disabled={state !== 'idle'}>
        {state === 'sending' ? 'Sending…' : state === 'sent' ? 'Sent' : 'Send a new link'}
      </button>
      <p role="status" className="hint" data-testid="resend-status">
        {state === 'sent'
          ? `We sent a new link to ${user?.email ?? 'your email'}. It can take a minute to arrive.`
          : ''}
      </p>
    </div>
  );
}
