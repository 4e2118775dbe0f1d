import type { ReactNode, Ref } from 'react';

export interface ChoiceOption<V extends string = string> {
  value: V;
  label: ReactNode;
  /** A line under the option (what it means, what it needs). */
  hint?: ReactNode;
  disabled?: boolean;
}

interface ChoiceGroupProps<V extends string> {
  /** Prefix of the ids of the group, its inputs, hint and error. */
  id: string;
  legend: string;
  options: readonly ChoiceOption<V>[];
  hint?: ReactNode;
  error?: string;
  /** Extra class on the fieldset (e.g. `choice-swatches`). */
  className?: string;
  /** The first input, to move focus to the group when it has a problem. */
  firstRef?: Ref<HTMLInputElement>;
}

interface RadioGroupProps<V extends string> extends ChoiceGroupProps<V> {
  value: V;
  onValueChange(value: V): void;
}

interface CheckboxGroupProps<V extends string> extends ChoiceGroupProps<V> {
  values: readonly V[];
  onValuesChange(values: V[]): void;
}

function ChoiceFieldset<V extends string>({
  id,
  legend,
  options,
  hint,
  error,
  className,
  firstRef,
  type,
  isChecked,
  onToggle,
}: ChoiceGroupProps<V> & {
  type: 'radio' | 'checkbox';
  isChecked(value: V): boolean;
  onToggle(value: V, checked: boolean): void;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={['choice-group', className].filter(Boolean).join(' ')}
      id={id}
      data-invalid={!!error}
      aria-describedby={described}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="choice-options">
        {options.map((option, index) => {
          const inputId = `${id}-${option.value}`;
          const optionHintId = option.hint ? `${inputId}-hint` : undefined;
          return (
            <div className="choice-option" key={option.value}>
              <label className="choice" htmlFor={inputId}>
                <input
                  id={inputId}
                  ref={index === 0 ? firstRef : undefined}
                  type={type}
                  name={id}
                  value={option.value}
                  checked={isChecked(option.value)}
                  disabled={option.disabled}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={optionHintId}
                />
                <span className="choice-label">{option.label}</span>
              </label>
              {option.hint && (
                <p className="hint choice-hint" id={optionHintId}>
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {error && (
        <p className="field-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** One choice among a few, as radio buttons in a labelled group (arrow keys move between them). */
export function RadioGroup<V extends string>({ value, onValueChange, ...group }: RadioGroupProps<V>) {
  return (
    <ChoiceFieldset
      {...group}
      type="radio"
      isChecked={(v) => v === value}
      onToggle={(v, checked) => checked && onValueChange(v)}
    />
  );
}

/** Any number of choices, as checkboxes in a labelled group; the values keep the options' order. */
export function CheckboxGroup<V extends string>({
  values,
  onValuesChange,
  options,
  ...group
}: CheckboxGroupProps<V>) {
  return (
    <ChoiceFieldset
      {...group}
      options={options}
      type="checkbox"
      isChecked={(v) => values.includes(v)}
      onToggle={(v, checked) =>
        onValuesChange(options.map((o) => o.value).filter((o) => (o === v ? checked : values.includes(o))))
      }
    />
  );
}
