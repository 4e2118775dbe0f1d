import { useDayPreferences } from '@pa/web-data-access/account';
import { FormAlert, StatusNotice, TextField, type FriendlyError } from '@pa/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { changedDay, dayFormErrors, formFromDay, type DayField, type DayForm } from '../logic/dayForm';
import { settingsProblemOf } from '../logic/settingsErrors';

const FIELDS: { key: DayField; label: string; hint: string }[] = [
  { key: 'dayStart', label: 'My day starts at', hint: '“In the morning”, “first thing”.' },
  { key: 'lunch', label: 'Lunch is at', hint: '“At lunch”; “after lunch” is an hour later.' },
  { key: 'workEnd', label: 'Work ends at', hint: '“After work”.' },
  { key: 'evening', label: 'My evening starts at', hint: '“This evening”; “tonight” is an hour later.' },
];

/** Your day: the times the assistant reads into "morning", "at lunch", "after work", "this evening". */
export function DaySection() {
  const { day, update } = useDayPreferences();
  const [form, setForm] = useState<DayForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<DayField, string>>>({});
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const savedForm = day ? formFromDay(day) : null;
  useEffect(() => {
    if (day) setForm((current) => current ?? formFromDay(day));
  }, [day]);
  if (!form || !savedForm) return null;

  const set = (key: DayField, value: string) => {
    setForm({ ...form, [key]: value });
    setSaved(null);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found = dayFormErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = changedDay(form, savedForm);
    if (Object.keys(input).length === 0) return setSaved('Nothing to save — this is already your day.');
    setBusy(true);
    try {
      setForm(formFromDay(await update(input)));
      setSaved('Saved. The assistant reads your times this way from now on.');
    } catch (err) {
      const { summary, fields } = settingsProblemOf(err);
      setErrors(fields);
      setProblem(summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="day-section" aria-labelledby="day-title" data-testid="day-preferences">
      <h2 id="day-title">Your day</h2>
      <p className="lead">What “morning”, “at lunch”, “after work” and “this evening” mean for you.</p>
      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <FormAlert error={problem} testId="day-error" />
        {FIELDS.map(({ key, label, hint }) => (
          <TextField
            key={key}
            id={`day-${key}`}
            label={label}
            hint={hint}
            type="time"
            value={form[key]}
            onValueChange={(value) => set(key, value)}
            error={errors[key]}
          />
        ))}
        <TextField
          id="day-appointment-lead"
          label="Remind me before an appointment (minutes)"
          inputMode="numeric"
          value={form.appointmentLeadMinutes}
          onValueChange={(value) => set('appointmentLeadMinutes', value)}
          error={errors.appointmentLeadMinutes}
        />
        <StatusNotice message={saved} testId="day-saved" />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save my day'}
        </button>
      </form>
    </section>
  );
}
