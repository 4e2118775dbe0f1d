import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { FriendlyError } from '../logic/friendlyError';
import { FormAlert } from './FormAlert';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in one or two sentences. */
  description: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  /** False keeps the confirm button off (e.g. until the person typed the email to delete). */
  canConfirm?: boolean;
  error?: Pick<FriendlyError, 'message' | 'problems'> | null;
  onConfirm(): void;
  onCancel(): void;
  testId: string;
  /** Extra fields (a reason, a typed confirmation). */
  children?: ReactNode;
}

/**
 * Asks "are you sure?" before an action that matters. A native modal dialog: focus stays inside, Escape
 * cancels, and focus goes back where it was afterwards.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  busyLabel,
  cancelLabel = 'Cancel',
  busy = false,
  canConfirm = true,
  error = null,
  onConfirm,
  onCancel,
  testId,
  children,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // The first field if there is one, else the safe choice (cancel) — never the destructive button.
    const first = dialog?.querySelector<HTMLElement>('input, textarea, select, [data-autofocus]');
    first?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      returnTo?.focus();
    };
  }, []);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && canConfirm) onConfirm();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <div id={descriptionId} className="lead">
          {description}
        </div>
        <FormAlert error={error} alertRef={alertRef} testId={`${testId}-error`} />
        {children}
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy || !canConfirm}>
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" className="button-quiet" onClick={onCancel} disabled={busy} data-autofocus>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
