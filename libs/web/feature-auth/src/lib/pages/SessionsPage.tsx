import { apiErrorOf, useAuth, useSessions, type SessionInfo } from '@pa/web-data-access';
import { FormAlert, relativeTime, usePageHeading, focusSoon } from '@pa/web-ui';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The devices signed in to this account: end one, or all of them. */
export function SessionsPage() {
  const { signOut, signOutEverywhere } = useAuth();
  const { sessions, loading, error, revoke, refetch } = useSessions();
  const navigate = useNavigate();
  const heading = usePageHeading();
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const fail = (err: unknown) => {
    setProblem(friendlyError(apiErrorOf(err)));
    focusSoon(() => alertRef.current);
  };

  const onRevoke = async (session: SessionInfo) => {
    setPending(session.id);
    setProblem(null);
    try {
      if (session.current) {
        await signOut();
        void navigate('/sign-in', { state: { notice: 'signedOut' } });
        return;
      }
      await revoke(session.id);
    } catch (err) {
      fail(err);
      refetch();
    } finally {
      setPending(null);
    }
  };

  const onSignOutEverywhere = async () => {
    setPending('all');
    setProblem(null);
    try {
      await signOutEverywhere();
      void navigate('/sign-in', { state: { notice: 'signedOutEverywhere' } });
    } catch (err) {
      setPending(null);
      fail(err);
    }
  };

  return (
    <section className="panel" aria-labelledby="sessions-title" data-testid="sessions-page">
      <h1 id="sessions-title" ref={heading} tabIndex={-1}>
        Your devices
      </h1>
      <p className="lead">
        Everywhere you are signed in. If something looks unfamiliar, sign that device out — nothing else
        changes.
      </p>
      <FormAlert error={problem} alertRef={alertRef} testId="sessions-error" />

      {loading && !sessions && (
        <p role="status" data-testid="sessions-loading">
          Loading your devices…
        </p>
      )}
      {error && !sessions && (
        <div className="notice" role="alert">
          <p>{friendlyError(apiErrorOf(error)).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {sessions && (
        <ul className="session-list" data-testid="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="session" data-testid="session" data-current={session.current}>
              <div className="session-main">
                <p className="session-device">
                  {session.device}
                  {session.current && (
                    <span className="tag" data-testid="this-device">
                      This device
                    </span>
                  )}
                </p>
                <p className="session-meta">
                  Last active{' '}
                  <time dateTime={session.lastSeenAt} title={dateFormat.format(new Date(session.lastSeenAt))}>
                    {relativeTime(session.lastSeenAt)}
                  </time>
                  {' · '}signed in {dateFormat.format(new Date(session.createdAt))}
                  {session.ip && <> · {session.ip}</>}
                </p>
              </div>
              <button
                type="button"
                className="button-quiet"
                onClick={() => void onRevoke(session)}
                disabled={pending !== null}
              >
                {pending === session.id
                  ? 'Signing out…'
                  : session.current
                    ? 'Sign out'
                    : 'Sign out this device'}
                <span className="visually-hidden"> ({session.device})</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="danger-zone">
        <h2>Sign out everywhere</h2>
        <p>Ends every session, including this one. Handy after using a shared or lost device.</p>
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="confirm-everywhere">
            <p id="confirm-everywhere">Sign out on all your devices now?</p>
            <div className="button-row">
              <button
                type="button"
                className="button-primary"
                ref={confirmRef}
                onClick={() => void onSignOutEverywhere()}
                disabled={pending !== null}
              >
                {pending === 'all' ? 'Signing out everywhere…' : 'Yes, sign out everywhere'}
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
                Keep me signed in
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setConfirming(true);
              focusSoon(() => confirmRef.current);
            }}
          >
            Sign out everywhere…
          </button>
        )}
      </div>
    </section>
  );
}
