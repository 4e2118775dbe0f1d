import { apiErrorOf, useAccountEmail, useAuth, type MfaMethod } from '@pa/web-data-access';
import { FormAlert, TextField, usePageHeading, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PasswordStrength } from '../components/PasswordStrength';
import { SecondFactorFields } from '../components/SecondFactorFields';
import { useFragmentToken } from '../hooks/useFragmentToken';
import { usePasswordCheck } from '../hooks/usePasswordCheck';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';
import { loadDomain } from '../logic/loadDomain';
import { cleanCode, codeProblem, orderMethods } from '../logic/secondFactor';

const KNOWN_METHODS: readonly MfaMethod[] = ['TOTP', 'SMS', 'BACKUP_CODE'];

function methodsOf(details: Record<string, unknown>): MfaMethod[] {
  const methods = details['methods'];
  if (!Array.isArray(methods)) return [];
  return orderMethods(methods.filter((m): m is MfaMethod => KNOWN_METHODS.includes(m as MfaMethod)));
}

/** Opens from the reset email: choose a new password (and give the second factor when the account has one). */
export function ResetPasswordPage() {
  const token = useFragmentToken();
  const { forgetSession } = useAuth();
  const { resetPassword, sendPasswordResetSms } = useAccountEmail();
  const navigate = useNavigate();
  const heading = usePageHeading();
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [methods, setMethods] = useState<MfaMethod[] | null>(null);
  const [method, setMethod] = useState<MfaMethod | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [linkBroken, setLinkBroken] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const feedback = usePasswordCheck(password, []);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const stepRef = useRef<HTMLHeadingElement>(null);
  const current = method ?? methods?.[0] ?? null;

  const showError = (error: unknown) => {
    const apiError = apiErrorOf(error);
    const friendly = friendlyError(apiError);
    if (apiError.code === 'EMAIL_TOKEN_INVALID') setLinkBroken(true);
    if (friendly.field === 'code') {
      setCodeError(friendly.message);
      focusSoon(() => codeRef.current, 'select');
      return;
    }
    if (friendly.field === 'password') setPasswordError(friendly.message);
    setFormError(friendly);
    focusSoon(() => alertRef.current);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setFormError(null);
    setPasswordError(password ? undefined : 'Please choose a new password.');
    if (!password) {
      passwordRef.current?.focus();
      return;
    }
    // With a second factor, the API checks the code before the password's strength, and a code works
    // once: a weak password must be caught here, or the code would be spent for nothing.
    const weak = await loadDomain().then(
      (domain) => !domain.checkPassword(password, []).ok,
      () => false, // Offline: the API still checks it.
    );
    if (weak) {
      setPasswordError('This password needs a little more strength. The tips under it show what would help.');
      passwordRef.current?.focus();
      return;
    }
    if (current) {
      const problem = codeProblem(current, code);
      setCodeError(problem ?? undefined);
      if (problem) {
        codeRef.current?.focus();
        return;
      }
    }
    setSubmitting(true);
    try {
      await resetPassword({
        token,
        newPassword: password,
        ...(current ? { mfa: { method: current, code: cleanCode(current, code) } } : {}),
      });
      // Every session of the account ended, this browser's too.
      await forgetSession();
      void navigate('/sign-in', { replace: true, state: { notice: 'passwordReset' } });
    } catch (error) {
      setSubmitting(false);
      const apiError = apiErrorOf(error);
      if (apiError.code === 'MFA_REQUIRED' && !methods) {
        const needed = methodsOf(apiError.details);
        setMethods(needed);
        focusSoon(() => stepRef.current);
        return;
      }
      showError(error);
    }
  };

  if (!token || linkBroken) {
    return (
      <section className="panel auth-panel" aria-labelledby="reset-title" data-testid="reset-page">
        <h1 id="reset-title" ref={heading} tabIndex={-1}>
          Choose a new password
        </h1>
        <p className="lead" role={linkBroken ? 'alert' : undefined} data-testid="reset-link-problem">
          {linkBroken
            ? 'This link has expired or was already used. No problem — you can ask for a fresh one.'
            : 'This page opens from the link in the password-reset email. If the email got lost, ask for a new one.'}
        </p>
        <p className="aside">
          <Link to="/forgot-password">Send me a new link</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="panel auth-panel" aria-labelledby="reset-title" data-testid="reset-page">
      <h1 id="reset-title" ref={heading} tabIndex={-1}>
        Choose a new password
      </h1>
      <p className="lead">Afterwards, every device is signed out, and you sign in with the new password.</p>
      <form className="auth-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormAlert error={formError} alertRef={alertRef} testId="reset-error" />
        <TextField
          id="reset-password"
          label="New password"
          hint="At least 8 characters. A few unrelated words work well."
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={passwordError}
          describedBy={['reset-password-strength']}
          inputRef={passwordRef}
          after={
            <button
              type="button"
              className="button-quiet"
              aria-pressed={showPassword}
              aria-controls="reset-password"
              onClick={() => setShowPassword((v) => !v)}
            >
              {showPassword ? 'Hide' : 'Show'}
              <span className="visually-hidden"> password</span>
            </button>
          }
        >
          <PasswordStrength id="reset-password-strength" feedback={feedback} empty={!password} />
        </TextField>
        {methods && current && (
          <div className="second-step" data-testid="reset-mfa">
            <h2 ref={stepRef} tabIndex={-1}>
              One more step
            </h2>
            <p>Your account has two-step sign-in, so the reset needs a code as well. This keeps it yours.</p>
            <SecondFactorFields
              idPrefix="reset"
              methods={methods}
              method={current}
              onMethodChange={(next) => {
                setMethod(next);
                setCode('');
                setCodeError(undefined);
              }}
              code={code}
              onCodeChange={setCode}
              error={codeError}
              inputRef={codeRef}
              sendSms={() => sendPasswordResetSms(token)}
              onSmsError={showError}
            />
          </div>
        )}
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save the new password'}
        </button>
      </form>
    </section>
  );
}
