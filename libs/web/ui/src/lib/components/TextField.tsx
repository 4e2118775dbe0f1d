import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  /** Extra ids that describe the input (e.g. a strength meter). */
  describedBy?: string[];
  inputRef?: Ref<HTMLInputElement>;
  /** Shown after the input, inside the field (e.g. a show-password button). */
  after?: ReactNode;
  children?: ReactNode;
}

/** A labelled input with its hint and error wired through aria-describedby and aria-invalid. */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  describedBy = [],
  inputRef,
  after,
  children,
  ...input
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, ...describedBy, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={!!error}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field-control">
        <input
          {...input}
          id={id}
          ref={inputRef}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
        {after}
      </div>
      {error && (
        <p className="field-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
