import type { ReactNode, Ref } from 'react';

/** A time of day that can be switched off: a checkbox, and the time input it enables. */
export function OptionalTimeField({
  id,
  switchLabel,
  timeLabel,
  hint,
  on,
  onToggle,
  value,
  onValueChange,
  error,
  inputRef,
}: {
  id: string;
  switchLabel: string;
  timeLabel: string;
  hint?: ReactNode;
  on: boolean;
  onToggle(on: boolean): void;
  value: string;
  onValueChange(value: string): void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="field optional-time" data-invalid={!!error}>
      <label className="check" htmlFor={`${id}-on`}>
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={on}
          onChange={(event) => onToggle(event.target.checked)}
          aria-describedby={hint ? hintId : undefined}
        />
        <span>{switchLabel}</span>
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {on && (
        <div className="time-row">
          <label htmlFor={id}>{timeLabel}</label>
          <input
            id={id}
            ref={inputRef}
            type="time"
            required
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
