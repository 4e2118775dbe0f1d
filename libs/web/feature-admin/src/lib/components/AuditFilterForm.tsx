import { SelectField, TextField } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import {
  AUDIT_OUTCOMES,
  validateAuditFilter,
  type AuditFilterField,
  type AuditFilterForm as Filter,
} from '../logic/auditSearch';
import { outcomeLabel } from '../logic/labels';

/** The audit filters; applies them (a new first page) once they make sense. */
export function AuditFilterForm({
  initial,
  apiErrors,
  onApply,
  onClear,
}: {
  initial: Filter;
  /** What the API refused, by field (BAD_REQUEST names it). */
  apiErrors: Partial<Record<AuditFilterField, string>>;
  onApply(filter: Filter): void;
  onClear(): void;
}) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<AuditFilterField, string>>>({});
  const refs = {
    actorId: useRef<HTMLInputElement>(null),
    subjectId: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
  };
  const shown = { ...apiErrors, ...errors };
  const set = (field: AuditFilterField) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAuditFilter(form);
    setErrors(found);
    const first = (['actorId', 'subjectId', 'to'] as const).find((field) => found[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    onApply(form);
  };

  const any = Object.values(initial).some(Boolean);
  return (
    <form className="filter-form" role="search" aria-label="Audit log" onSubmit={onSubmit} noValidate>
      <TextField
        id="audit-action"
        label="Action"
        hint="Exact name, e.g. login or role_change."
        value={form.action}
        onValueChange={set('action')}
        spellCheck={false}
        autoCapitalize="off"
      />
      <SelectField
        id="audit-outcome"
        label="Outcome"
        value={form.outcome}
        onValueChange={set('outcome')}
        options={[
          { value: '', label: 'Any outcome' },
          ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) })),
        ]}
      />
      <TextField
        id="audit-actor"
        label="Actor id"
        hint="Who acted (an account id)."
        value={form.actorId}
        onValueChange={set('actorId')}
        error={shown.actorId}
        inputRef={refs.actorId}
        spellCheck={false}
        autoCapitalize="off"
      />
      <TextField
        id="audit-subject"
        label="About account id"
        hint="Whose account it was about."
        value={form.subjectId}
        onValueChange={set('subjectId')}
        error={shown.subjectId}
        inputRef={refs.subjectId}
        spellCheck={false}
        autoCapitalize="off"
      />
      <TextField
        id="audit-from"
        label="From"
        type="date"
        value={form.from}
        onValueChange={set('from')}
        error={shown.from}
      />
      <TextField
        id="audit-to"
        label="To (included)"
        type="date"
        value={form.to}
        onValueChange={set('to')}
        error={shown.to}
        inputRef={refs.to}
      />
      <div className="filter-actions">
        <button type="submit" className="button-primary">
          Apply filters
        </button>
        {any && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setErrors({});
              setForm({ action: '', outcome: '', actorId: '', subjectId: '', from: '', to: '' });
              onClear();
            }}
          >
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
