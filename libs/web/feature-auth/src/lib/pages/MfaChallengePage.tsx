import { apiErrorOf, useAuth, type MfaMethod } from '@pa/web-data-access';
import { FormAlert, usePageHeading, focusSoon } from '@pa/web-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { SecondFactorFields } from '../components/SecondFactorFields';
import { useReturnTo } from '../hooks/useReturnTo';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';
import { cleanCode, codeProblem, orderMethods } from '../logic/secondFactor';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The second step of signing in: a code from the app, a text message or a backup code. */
export function MfaChallengePage() {
  const { status, mfa, verifyMfa, sendSignInSms, signOut, forgetSession } = useAuth();
  const returnTo = useReturnTo();
  const navigate = useNavigate();
  const heading = usePageHeading();
  const methods = orderMethods(mfa?.methods ?? []);
  const [method, setMethod] = useState<MfaMethod | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [expired, setExpired] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const current = method ?? methods[0] ?? 'TOTP';

  // The challenge closes after a few minutes: then say so calmly instead of failing on submit.
  const expiresAt = mfa ? Date.parse(mfa.expiresAt) : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);

  if (status === 'loading') {
    return (
      <p role="status" className="page-status">
        Checking your session…
      </p>
    );
  }
  if (status === 'signedIn') return <Navigate to={returnTo} replace />;
  if (status === 'signedOut' || !mfa) return <Navigate to="/sign-in" replace state={{ from: returnTo }} />;

  const showError = (error: unknown) => {
    const friendly = friendlyError(apiErrorOf(error));
    if (friendly.field === 'code') {
      setCodeError(friendly.message);
      setFormError(null);
      focusSoon(() => codeRef.current, 'select');
      return;
    }
    if (apiErrorOf(error).code === 'UNAUTHENTICATED') setExpired(true);
    setFormError(friendly);
    focusSoon(() => alertRef.current);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problem = codeProblem(current, code);
    setCodeError(problem ?? undefined);
    if (problem) {
      codeRef.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await verifyMfa(current, cleanCode(current, code));
      // The status change redirects to where the person was going.
    } catch (error) {
      setSubmitting(false);
      showError(error);
    }
  };

  const onCancel = async () => {
    setCancelling(true);
    await signOut();
    void navigate('/sign-in', { state: { notice: 'mfaCancelled' } });
  };

  const onStartOver = async () => {
    // The server already ended the challenge; forget it here too.
    await forgetSession();
    void navigate('/sign-in', { state: { notice: 'mfaExpired', from: returnTo } });
  };

  return (
    <section className="panel auth-panel" aria-labelledby="mfa-title" data-testid="mfa-challenge">
      <h1 id="mfa-title" ref={heading} tabIndex={-1}>
        One more step
      </h1>
      <p className="lead">
        Your password was right. Two-step sign-in is on for this account, so please confirm it's you.
      </p>
      {expired ? (
        <div className="notice-calm" role="status" data-testid="mfa-expired">
          <p>This sign-in paused for a while, so we closed it to keep your account safe. That's okay.</p>
          <button type="button" className="button-primary" onClick={() => void onStartOver()}>
            Sign in again
          </button>
        </div>
      ) : (
        <form className="auth-form" onSubmit={onSubmit} noValidate>
          <FormAlert error={formError} alertRef={alertRef} testId="mfa-error" />
          <SecondFactorFields
            idPrefix="mfa"
            methods={methods}
            method={current}
            onMethodChange={(next) => {
              setMethod(next);
              setCode('');
              setCodeError(undefined);
              setFormError(null);
            }}
            code={code}
            onCodeChange={setCode}
            error={codeError}
            inputRef={codeRef}
            sendSms={sendSignInSms}
            onSmsError={showError}
          />
          <p className="hint">
            No rush: this step stays open until {timeFormat.format(new Date(mfa.expiresAt))}.
          </p>
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={submitting || cancelling}>
              {submitting ? 'Checking…' : 'Confirm and sign in'}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => void onCancel()}
              disabled={cancelling}
            >
              {cancelling ? 'Cancelling…' : 'Cancel and sign out'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
