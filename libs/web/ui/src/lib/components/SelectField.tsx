import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';

export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'onChange' | 'value'
> {
  id: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onValueChange(value: V): void;
  hint?: ReactNode;
  error?: string;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled select with its hint and error wired through aria-describedby and aria-invalid. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onValueChange,
  hint,
  error,
  selectRef,
  ...select
}: SelectFieldProps<V>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={!!error}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field-control">
        <select
          {...select}
          id={id}
          ref={selectRef}
          value={value}
          // The options are the only values the select can hold.
          onChange={(event) => onValueChange(event.target.value as V)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
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
