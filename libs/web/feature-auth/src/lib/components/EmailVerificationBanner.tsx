import { useAuth } from '@pa/web-data-access';
import { lazy, Suspense, useState } from 'react';
import { useMatch } from 'react-router';

// Most people never see it: its code (and the error wording it needs) loads only when it has to show.
const EmailVerificationNotice = lazy(() =>
  import('./EmailVerificationNotice').then((m) => ({ default: m.EmailVerificationNotice })),
);

/** A gentle reminder for signed-in people whose email is not confirmed yet; can be set aside. */
export function EmailVerificationBanner() {
  const { status, user } = useAuth();
  const onVerifyPage = useMatch('/verify-email');
  const [dismissed, setDismissed] = useState(false);
  if (status !== 'signedIn' || !user || user.emailVerifiedAt || dismissed || onVerifyPage) return null;
  return (
    <Suspense fallback={null}>
      <EmailVerificationNotice user={user} onDismiss={() => setDismissed(true)} />
    </Suspense>
  );
}
