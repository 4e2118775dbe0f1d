import { apiErrorOf, type SecurityView } from '@pa/web-data-access';
import { FormAlert, TextField, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { usePasswordCheck } from '../hooks/usePasswordCheck';
import { friendlyError, PASSWORD_ONLY_OVERRIDES, type FriendlyError } from '../logic/friendlyError';
import { PasswordStrength } from './PasswordStrength';

/** Change the password with the current one; every other device is signed out. */
export function ChangePasswordSection({
  security,
  personal,
}: {
  security: SecurityView;
  /** Email and name, which the new password should not contain. */
  personal: string[];
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ currentPassword?: string; password?: string }>({});
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const feedback = usePasswordCheck(next, personal);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setNotice('');
    const found = {
      ...(current ? {} : { currentPassword: 'Please enter your current password.' }),
      ...(next ? {} : { password: 'Please choose a new password.' }),
    };
    setErrors(found);
    if (found.currentPassword || found.password) {
      (found.currentPassword ? currentRef : nextRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const ended = await security.changePassword(current, next);
      setCurrent('');
      setNext('');
      setNotice(
        ended === 0
          ? 'Your password is changed. Use it next time you sign in.'
          : `Your password is changed. We signed out ${ended === 1 ? '1 other device' : `${ended} other devices`}, just in case.`,
      );
    } catch (error) {
      const friendly = friendlyError(apiErrorOf(error), PASSWORD_ONLY_OVERRIDES);
      if (friendly.field === 'currentPassword' || friendly.field === 'password') {
        const field = friendly.field;
        setErrors({ [field]: friendly.message });
        if (friendly.problems.length > 0) setProblem(friendly);
        focusSoon(() => (field === 'currentPassword' ? currentRef : nextRef).current);
      } else {
        setProblem(friendly);
        focusSoon(() => alertRef.current);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="password-title" data-testid="password-section">
      <h2 id="password-title">Password</h2>
      <p>Changing it signs out your other devices; this one stays signed in.</p>
      <p role="status" className="notice-calm" data-empty={!notice} data-testid="password-notice">
        {notice}
      </p>
      <form className="auth-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormAlert error={problem} alertRef={alertRef} testId="password-error" />
        <TextField
          id="current-password"
          label="Current password"
          type={show ? 'text' : 'password'}
          autoComplete="current-password"
          required
          value={current}
          onValueChange={setCurrent}
          error={errors.currentPassword}
          inputRef={currentRef}
        />
        <TextField
          id="new-password"
          label="New password"
          hint="At least 8 characters. A few unrelated words work well."
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
          required
          value={next}
          onValueChange={setNext}
          error={errors.password}
          describedBy={['new-password-strength']}
          inputRef={nextRef}
        >
          <PasswordStrength id="new-password-strength" feedback={feedback} empty={!next} />
        </TextField>
        <div className="check">
          <input
            id="show-passwords"
            type="checkbox"
            checked={show}
            onChange={(e) => setShow(e.target.checked)}
          />
          <label htmlFor="show-passwords">Show passwords</label>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
