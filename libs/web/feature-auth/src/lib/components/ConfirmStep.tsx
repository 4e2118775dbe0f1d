import { focusSoon } from '@pa/web-ui';
import { useRef, useState } from 'react';

/** A button that asks once more before a change that is hard to undo; focus moves to the question. */
export function ConfirmStep({
  id,
  label,
  question,
  confirmLabel,
  busyLabel,
  keepLabel,
  busy,
  onConfirm,
}: {
  id: string;
  label: string;
  question: string;
  confirmLabel: string;
  busyLabel: string;
  keepLabel: string;
  busy: boolean;
  onConfirm(): Promise<void> | void;
}) {
  const [open, setOpen] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  if (!open) {
    return (
      <button
        type="button"
        className="button-quiet"
        ref={openerRef}
        onClick={() => {
          setOpen(true);
          focusSoon(() => confirmRef.current);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          ref={confirmRef}
          disabled={busy}
          onClick={async () => {
            await onConfirm();
            setOpen(false);
          }}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            setOpen(false);
            focusSoon(() => openerRef.current);
          }}
        >
          {keepLabel}
        </button>
      </div>
    </div>
  );
}
