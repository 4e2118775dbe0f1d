import { useMemo, type Ref } from 'react';
import { groupTimeZones, supportedTimeZones } from '../logic/timeZones';

interface TimeZoneSelectProps {
  id: string;
  value: string;
  onValueChange(value: string): void;
  error?: string;
  selectRef?: Ref<HTMLSelectElement>;
  /** Under the label; the default suits a sign-up form (the zone was guessed). */
  hint?: string;
}

const GUESSED_HINT = 'We guessed it from this device. Reminders arrive at the right local time.';

/** Every IANA time zone the browser knows, grouped by region; typing a letter jumps in the list. */
export function TimeZoneSelect({
  id,
  value,
  onValueChange,
  error,
  selectRef,
  hint = GUESSED_HINT,
}: TimeZoneSelectProps) {
  const groups = useMemo(() => groupTimeZones(supportedTimeZones(), value), [value]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field" data-invalid={!!error}>
      <label htmlFor={id}>Time zone</label>
      <p className="hint" id={hintId}>
        {hint}
      </p>
      <div className="field-control">
        <select
          id={id}
          ref={selectRef}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        >
          {groups.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {zone.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {error && (
        <p className="field-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
