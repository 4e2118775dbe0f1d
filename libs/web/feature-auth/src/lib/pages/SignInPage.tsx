import { apiErrorOf, useAuth } from '@pa/web-data-access';
import { FormAlert, TextField, usePageHeading, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useReturnTo } from '../hooks/useReturnTo';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';
import { firstInvalidField, validateSignIn, type FieldErrors } from '../logic/validation';

const NOTICES: Record<string, string> = {
  signedOut: 'You are signed out. See you soon.',
  signedOutEverywhere: 'You are signed out on every device. Sign in again whenever you are ready.',
  mfaCancelled: 'Sign-in cancelled. Nothing changed; sign in again whenever you are ready.',
  mfaExpired:
    'The second step took a while, so we closed it for safety. Sign in again whenever you are ready.',
  passwordReset:
    'Your new password is set, and every device was signed out. Sign in with it whenever you are ready.',
};

/** Sign in with email and password; then back to where the person was going. */
export function SignInPage() {
  const { status, signIn } = useAuth();
  const returnTo = useReturnTo();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const heading = usePageHeading();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // Signed in (now or already): go on to where they were heading.
  if (status === 'signedIn') return <Navigate to={returnTo} replace />;
  // The password was right and a second factor is on: its own page asks for the code.
  if (status === 'mfaPending') return <Navigate to="/sign-in/verify" replace state={{ from: returnTo }} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setErrors(found);
    setFormError(null);
    const first = firstInvalidField(found);
    if (first) {
      (first === 'email' ? emailRef : passwordRef).current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await signIn({ email: email.trim(), password });
    } catch (error) {
      setFormError(friendlyError(apiErrorOf(error)));
      setSubmitting(false);
      // Next frame: the alert has its text, and focus lands on it.
      focusSoon(() => alertRef.current);
    }
  };

  return (
    <section className="panel auth-panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" ref={heading} tabIndex={-1}>
        Sign in
      </h1>
      <p className="lead">Welcome back. Take your time.</p>
      {notice && NOTICES[notice] && (
        <p className="notice-calm" role="status" data-testid="sign-in-notice">
          {NOTICES[notice]}
        </p>
      )}
      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <FormAlert error={formError} alertRef={alertRef} testId="sign-in-error" />
        <TextField
          id="sign-in-email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          value={email}
          onValueChange={setEmail}
          error={errors.email}
          inputRef={emailRef}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          required
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          inputRef={passwordRef}
          after={
            <button
              type="button"
              className="button-quiet"
              aria-pressed={showPassword}
              aria-controls="sign-in-password"
              onClick={() => setShowPassword((v) => !v)}
            >
              {showPassword ? 'Hide' : 'Show'}
              <span className="visually-hidden"> password</span>
            </button>
          }
        />
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="aside">
        <Link to="/forgot-password">Forgot password?</Link> It happens — we'll email you a link.
      </p>
      <p className="aside aside-tight">
        New here?{' '}
        <Link to="/register" state={{ from: returnTo }}>
          Create an account
        </Link>{' '}
        — it takes about a minute.
      </p>
    </section>
  );
}
