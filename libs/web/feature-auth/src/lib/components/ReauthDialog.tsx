import { apiErrorOf } from '@pa/web-data-access';
import { FormAlert, TextField, focusSoon } from '@pa/web-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { friendlyError, PASSWORD_ONLY_OVERRIDES, type FriendlyError } from '../logic/friendlyError';

/**
 * Asks for the password before a sensitive change (the API wants a recent sign-in). A native modal
 * dialog: focus stays inside, Escape cancels, and focus goes back where it was afterwards.
 */
export function ReauthDialog({
  reauthenticate,
  onDone,
}: {
  reauthenticate(password: string): Promise<void>;
  onDone(confirmed: boolean): void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      returnTo?.focus();
    };
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!password) {
      setFieldError('Please enter your password.');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await reauthenticate(password);
      onDone(true);
    } catch (error) {
      setBusy(false);
      const friendly = friendlyError(apiErrorOf(error), PASSWORD_ONLY_OVERRIDES);
      if (friendly.field === 'currentPassword') {
        setFieldError(friendly.message);
        focusSoon(() => inputRef.current, 'select');
      } else {
        setFormError(friendly);
        focusSoon(() => alertRef.current);
      }
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="reauth-title"
      aria-describedby="reauth-lead"
      data-testid="reauth-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <h2 id="reauth-title">Please confirm it's you</h2>
        <p id="reauth-lead" className="lead">
          This change protects your account, so we ask for your password once more. It stays confirmed for a
          few minutes.
        </p>
        <FormAlert error={formError} alertRef={alertRef} testId="reauth-error" />
        <TextField
          id="reauth-password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValueChange={setPassword}
          error={fieldError}
          inputRef={inputRef}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Checking…' : 'Confirm'}
          </button>
          <button type="button" className="button-quiet" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
