import type { Ref } from 'react';

/** Quiet hours: a switch, then the start and end times (the span may cross midnight). */
export function QuietHoursField({
  on,
  onToggle,
  start,
  end,
  onStartChange,
  onEndChange,
  startError,
  endError,
  startRef,
  endRef,
}: {
  on: boolean;
  onToggle(on: boolean): void;
  start: string;
  end: string;
  onStartChange(value: string): void;
  onEndChange(value: string): void;
  startError?: string;
  endError?: string;
  startRef?: Ref<HTMLInputElement>;
  endRef?: Ref<HTMLInputElement>;
}) {
  const time = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    error: string | undefined,
    ref: Ref<HTMLInputElement> | undefined,
  ) => (
    <div className="time-row" data-invalid={!!error}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        type="time"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );

  return (
    <fieldset className="choice-group" data-invalid={!!(startError || endError)}>
      <legend>Quiet hours</legend>
      <label className="check" htmlFor="pref-quiet-on">
        <input
          id="pref-quiet-on"
          type="checkbox"
          checked={on}
          onChange={(event) => onToggle(event.target.checked)}
          aria-describedby="pref-quiet-hint"
        />
        <span>No reminders or check-ins during quiet hours</span>
      </label>
      <p className="hint" id="pref-quiet-hint">
        Nudges wait until quiet hours end. They may cross midnight, for example 22:00 to 08:00.
      </p>
      {on && (
        <div className="time-pair">
          {time('pref-quiet-start', 'From', start, onStartChange, startError, startRef)}
          {time('pref-quiet-end', 'Until', end, onEndChange, endError, endRef)}
        </div>
      )}
    </fieldset>
  );
}
