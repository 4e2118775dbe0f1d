import { apiErrorOf, useAccountEmail, type AuthUser } from '@pa/web-data-access';
import { useState } from 'react';
import { friendlyError } from '../logic/friendlyError';

/** The reminder itself, loaded only for people who have an address to confirm (see EmailVerificationBanner). */
export function EmailVerificationNotice({ user, onDismiss }: { user: AuthUser; onDismiss: () => void }) {
  const { resendVerificationEmail } = useAccountEmail();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState('');

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
        <button type="button" className="button-quiet" onClick={onDismiss}>
          Not now
        </button>
      </div>
      <p role="status" className="hint" data-testid="verify-banner-status">
        {state === 'sent' ? 'A new link is on its way. It can take a minute to arrive.' : problem}
      </p>
    </aside>
  );
}
