import { apiErrorOf, useAccountEmail } from '@pa/web-data-access';
import { FormAlert, TextField, usePageHeading, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';
import { validateSignIn } from '../logic/validation';

/** Ask for a password-reset link by email. The answer never tells whether an account exists. */
export function ForgotPasswordPage() {
  const { requestPasswordReset } = useAccountEmail();
  const heading = usePageHeading();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    // Only the email rule of the sign-in form applies here.
    const found = validateSignIn({ email, password: 'x' }).email;
    setEmailError(found);
    if (found) {
      emailRef.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
      focusSoon(() => sentRef.current);
    } catch (error) {
      setFormError(friendlyError(apiErrorOf(error)));
      focusSoon(() => alertRef.current);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="panel auth-panel" aria-labelledby="forgot-title" data-testid="forgot-page">
      <h1 id="forgot-title" ref={heading} tabIndex={-1}>
        Forgot your password?
      </h1>
      {sentTo ? (
        <div className="notice-calm" role="status" ref={sentRef} tabIndex={-1} data-testid="forgot-sent">
          <p>If an account uses {sentTo}, we sent a link to choose a new password.</p>
          <p>It works for 1 hour. If it hasn't arrived in a few minutes, have a look in the spam folder.</p>
        </div>
      ) : (
        <>
          <p className="lead">No worries. Enter your email and we'll send you a link to choose a new one.</p>
          <form className="auth-form" onSubmit={(event) => void onSubmit(event)} noValidate>
            <FormAlert error={formError} alertRef={alertRef} testId="forgot-error" />
            <TextField
              id="forgot-email"
              label="Email"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              required
              value={email}
              onValueChange={setEmail}
              error={emailError}
              inputRef={emailRef}
            />
            <button type="submit" className="button-primary" disabled={submitting}>
              {submitting ? 'Sending…' : 'Send me a link'}
            </button>
          </form>
        </>
      )}
      <p className="aside">
        Remembered it? <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}
