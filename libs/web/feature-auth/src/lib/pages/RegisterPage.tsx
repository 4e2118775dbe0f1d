import { CONSENT_PATHS, CONSENT_VERSIONS, apiErrorOf, useAuth } from '@pa/web-data-access';
import { browserTimeZone, FormAlert, TextField, TimeZoneSelect, usePageHeading, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, Navigate } from 'react-router';
import { PasswordStrength } from '../components/PasswordStrength';
import { usePasswordCheck } from '../hooks/usePasswordCheck';
import { useReturnTo } from '../hooks/useReturnTo';
import { friendlyError, type AuthField, type FriendlyError } from '../logic/friendlyError';
import { firstInvalidField, validateRegister, type FieldErrors } from '../logic/validation';

/** Create an account: name, email, password (with live strength) and time zone. */
export function RegisterPage() {
  const { status, register } = useAuth();
  const returnTo = useReturnTo();
  const heading = usePageHeading();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [accepted, setAccepted] = useState(false);
  const [smsConsent, setSmsConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const feedback = usePasswordCheck(password, [email, displayName]);

  const refs: Partial<Record<AuthField, RefObject<HTMLInputElement | HTMLSelectElement | null>>> = {
    displayName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    timeZone: useRef<HTMLSelectElement>(null),
    consent: useRef<HTMLInputElement>(null),
  };
  const alertRef = useRef<HTMLDivElement>(null);

  if (status === 'signedIn') return <Navigate to={returnTo} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {
      ...validateRegister({ displayName, email, password, timeZone }),
      ...(accepted ? {} : { consent: 'Please accept the terms of use and the privacy notice to go on.' }),
    };
    setErrors(found);
    setFormError(null);
    const first = firstInvalidField(found);
    if (first) {
      refs[first]?.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      // The live check only advises: the API has the final word on the password.
      await register({
        displayName: displayName.trim(),
        email: email.trim(),
        password,
        timeZone,
        // The versions this page links to: the API refuses older ones (CONSENT_REQUIRED).
        acceptedTermsVersion: CONSENT_VERSIONS.terms,
        acceptedPrivacyVersion: CONSENT_VERSIONS.privacy,
        smsConsent,
      });
    } catch (error) {
      const friendly = friendlyError(apiErrorOf(error));
      setSubmitting(false);
      setFormError(friendly);
      if (friendly.field) {
        const field = friendly.field;
        setErrors({ [field]: friendly.message });
        focusSoon(() => refs[field]?.current);
      } else {
        focusSoon(() => alertRef.current);
      }
    }
  };

  const passwordError = errors.password;
  return (
    <section className="panel auth-panel" aria-labelledby="register-title">
      <h1 id="register-title" ref={heading} tabIndex={-1}>
        Create your account
      </h1>
      <p className="lead">Four short fields and a tick, and you are in. You can change all of this later.</p>
      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <FormAlert error={formError} alertRef={alertRef} testId="register-error" />
        <TextField
          id="register-name"
          label="What should we call you?"
          hint="Your first name or a nickname is perfect."
          autoComplete="name"
          required
          maxLength={80}
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.displayName}
          inputRef={refs.displayName as RefObject<HTMLInputElement>}
        />
        <TextField
          id="register-email"
          label="Email"
          hint="Used to sign in. We never share it."
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          value={email}
          onValueChange={setEmail}
          error={errors.email}
          inputRef={refs.email as RefObject<HTMLInputElement>}
        />
        <TextField
          id="register-password"
          label="Password"
          hint="At least 8 characters. Length beats complexity."
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={passwordError}
          describedBy={['register-password-strength']}
          inputRef={refs.password as RefObject<HTMLInputElement>}
          after={
            <button
              type="button"
              className="button-quiet"
              aria-pressed={showPassword}
              aria-controls="register-password"
              onClick={() => setShowPassword((v) => !v)}
            >
              {showPassword ? 'Hide' : 'Show'}
              <span className="visually-hidden"> password</span>
            </button>
          }
        >
          <PasswordStrength id="register-password-strength" feedback={feedback} empty={!password} />
        </TextField>
        <TimeZoneSelect
          id="register-time-zone"
          value={timeZone}
          onValueChange={setTimeZone}
          error={errors.timeZone}
          selectRef={refs.timeZone as RefObject<HTMLSelectElement>}
        />
        <div className="consent-field">
          <div className="check">
            <input
              id="register-consent"
              type="checkbox"
              checked={accepted}
              onChange={(e) => setAccepted(e.target.checked)}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'register-consent-error' : undefined}
              ref={refs.consent as RefObject<HTMLInputElement>}
            />
            <label htmlFor="register-consent">
              I accept the{' '}
              <Link to={CONSENT_PATHS.terms} target="_blank" rel="noopener">
                terms of use
              </Link>{' '}
              and the{' '}
              <Link to={CONSENT_PATHS.privacy} target="_blank" rel="noopener">
                privacy notice
              </Link>
            </label>
          </div>
          {errors.consent && (
            <p id="register-consent-error" className="field-error" data-testid="register-consent-error">
              {errors.consent}
            </p>
          )}
        </div>
        <div className="consent-field">
          <div className="check">
            <input
              id="register-sms"
              type="checkbox"
              checked={smsConsent}
              onChange={(e) => setSmsConsent(e.target.checked)}
              aria-describedby="register-sms-hint"
            />
            <label htmlFor="register-sms">The assistant may text me (optional)</label>
          </div>
          <p id="register-sms-hint" className="hint">
            Reminders, check-ins and answers by SMS once you add a phone.{' '}
            <Link to={CONSENT_PATHS.sms} target="_blank" rel="noopener">
              What this means
            </Link>
            . You can turn it off at any time in Settings.
          </p>
        </div>
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="aside">
        Already have an account?{' '}
        <Link to="/sign-in" state={{ from: returnTo }}>
          Sign in
        </Link>
      </p>
    </section>
  );
}
