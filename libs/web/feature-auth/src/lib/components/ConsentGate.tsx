import { apiErrorOf, useAuth, usePendingConsents, type PendingDocument } from '@pa/web-data-access';
import { FormAlert, friendlyErrorFrom, usePageHeading, type FriendlyError } from '@pa/web-ui';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { versionLabel } from '../legal/versionLabel';

/**
 * Once signed in, a new version of the terms or privacy notice is shown before anything else:
 * what changed in a sentence, links to read it, one button to accept, and signing out as the way
 * not to. Offline (nothing known) it lets the app work.
 */
export function ConsentGate({ children, bypass }: { children: ReactNode; bypass?: boolean }) {
  const { status, offline, signOut } = useAuth();
  const skip = status !== 'signedIn' || offline || !!bypass;
  const { pending, accept } = usePendingConsents(skip);
  if (skip || !pending || pending.length === 0) return <>{children}</>;
  return <AcceptScreen pending={pending} accept={accept} signOut={signOut} />;
}

function AcceptScreen({
  pending,
  accept,
  signOut,
}: {
  pending: PendingDocument[];
  accept(documents: PendingDocument[]): Promise<void>;
  signOut(): Promise<void>;
}) {
  const heading = usePageHeading();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FriendlyError | null>(null);
  const onAccept = async () => {
    setBusy(true);
    setError(null);
    try {
      await accept(pending);
    } catch (err) {
      setError(friendlyErrorFrom(apiErrorOf(err)));
      setBusy(false);
    }
  };
  const names = pending.map((d) => d.title.toLowerCase()).join(' and the ');
  return (
    <section className="panel" aria-labelledby="consent-title" data-testid="consent-gate">
      <h1 id="consent-title" ref={heading} tabIndex={-1}>
        We updated our {names}
      </h1>
      <p className="lead">A quick look before you go on — it only takes a moment.</p>
      <ul>
        {pending.map((d) => (
          <li key={d.kind}>
            <Link to={d.path} target="_blank" rel="noopener">
              {d.title}
            </Link>{' '}
            ({versionLabel(d.version).toLowerCase()})
          </li>
        ))}
      </ul>
      <FormAlert error={error} testId="consent-error" />
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void onAccept()} disabled={busy}>
          {busy ? 'Saving…' : 'I accept'}
        </button>
        <button type="button" className="button-quiet" onClick={() => void signOut()} disabled={busy}>
          Not now — sign me out
        </button>
      </div>
      <p className="aside">
        Rather not? You can still{' '}
        <Link to="/settings/privacy">download your data or delete your account</Link> without accepting.
      </p>
    </section>
  );
}
