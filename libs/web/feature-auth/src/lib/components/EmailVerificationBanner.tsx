import { apiErrorOf, useAccountEmail, useAuth } from '@pa/web-data-access';
import { useState } from 'react';
import { useMatch } from 'react-router';
import { friendlyError } from '../logic/friendlyError';

/** A gentle reminder for signed-in people whose email is not confirmed yet; can be set aside. */
export function EmailVerificationBanner() {
  const { status, user } = useAuth();
  const { resendVerificationEmail } = useAccountEmail();
  const onVerifyPage = useMatch('/verify-email');
  const [dismissed, setDismissed] = useState(false);
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState('');

  if (status !== 'signedIn' || !user || user.emailVerifiedAt || dismissed || onVerifyPage) return null;

  const onResend = async () => {
    setState('sending');
    setProblem('');
    try {
      await resendVerificationEmail();
      setState('sent');
    } catch (error) {
      setProblem(friendlyError(apiErrorOf(error)).message);
      setState('idle');
    }
  };

  return (
    <aside className="banner" aria-label="Email confirmation" data-testid="verify-banner">
      <p>
        When you have a moment, please confirm your email: we sent a link to{' '}
        <strong className="email-address">{user.email}</strong>.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void onResend()} disabled={state !== 'idle'}>
          {state === 'sending' ? 'Sending…' : state === 'sent' ? 'Sent' : 'Send the link again'}
        </button>
        <button type="button" className="button-quiet" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
      <p role="status" className="hint" data-testid="verify-banner-status">
        {state === 'sent' ? 'A new link is on its way. It can take a minute to arrive.' : problem}
      </p>
    </aside>
  );
}
