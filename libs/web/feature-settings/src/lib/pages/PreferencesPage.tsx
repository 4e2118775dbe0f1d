import { apiErrorOf, useAuth } from '@pa/web-data-access';
import { usePreferences } from '@pa/web-data-access/account';
import {
  ASSISTANT_TONES,
  LOCALES,
  REMINDER_CHANNELS,
  SMS_REPLY_LENGTHS,
  type AssistantTone,
  type ReminderChannel,
  type SmsReplyLength,
} from '@pa/shared-domain/profile';
import {
  CheckboxGroup,
  FormAlert,
  friendlyErrorFrom,
  RadioGroup,
  SelectField,
  StatusNotice,
  TimeZoneSelect,
  usePageHeading,
  type FriendlyError,
  focusSoon,
} from '@pa/web-ui';
import { useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { DaySection } from '../components/DaySection';
import { OptionalTimeField } from '../components/OptionalTimeField';
import { QuietHoursField } from '../components/QuietHoursField';
import {
  changedPreferences,
  firstPreferencesError,
  formFromPreferences,
  localeLabel,
  preferencesErrorsFrom,
  SMS_REPLY_LENGTH_KEYS,
  validatePreferencesForm,
  type PreferencesErrors,
  type PreferencesField,
  type PreferencesForm,
} from '../logic/preferencesForm';
import { settingsProblemOf } from '../logic/settingsErrors';

const CHANNEL_LABELS: Record<ReminderChannel, string> = {
  in_app: 'In the app',
  push: 'Notifications on your devices (push)',
  sms: 'Text message (SMS)',
  email: 'Email',
};

const TONES: Record<AssistantTone, { label: string; hint: string }> = {
  gentle: { label: 'Gentle', hint: 'Warm and encouraging, with a little more context.' },
  direct: { label: 'Direct', hint: 'Short and to the point: what to do next.' },
};

const LENGTH_LABELS: Record<SmsReplyLength, string> = {
  short: 'Short',
  standard: 'Standard',
  long: 'Long',
};

/** How the assistant behaves: time zone, language, quiet hours, reminders, check-in, tone, SMS length. */
export function PreferencesPage() {
  const { user } = useAuth();
  const { preferences, loading, error, refetch, update } = usePreferences();
  const heading = usePageHeading();
  const [form, setForm] = useState<PreferencesForm | null>(null);
  const [errors, setErrors] = useState<PreferencesErrors>({});
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const refs: Record<PreferencesField, RefObject<HTMLInputElement | HTMLSelectElement | null>> = {
    timeZone: useRef<HTMLSelectElement>(null),
    locale: useRef<HTMLSelectElement>(null),
    quietHoursStart: useRef<HTMLInputElement>(null),
    quietHoursEnd: useRef<HTMLInputElement>(null),
    reminderChannels: useRef<HTMLInputElement>(null),
    checkInTime: useRef<HTMLInputElement>(null),
    assistantTone: useRef<HTMLInputElement>(null),
    smsReplyLength: useRef<HTMLInputElement>(null),
  };
  const savedForm = useMemo(() => (preferences ? formFromPreferences(preferences) : null), [preferences]);

  // The form starts from the saved values, and follows a background refresh (say, the network answer
  // after values kept offline from before a save) as long as the person has not changed anything.
  // Typing is never overwritten.
  const startedFrom = useRef<PreferencesForm | null>(null);
  useEffect(() => {
    if (!savedForm) return;
    const untouched = !form || JSON.stringify(form) === JSON.stringify(startedFrom.current);
    if (untouched && JSON.stringify(form) !== JSON.stringify(savedForm)) {
      startedFrom.current = savedForm;
      setForm(savedForm);
    }
  }, [savedForm, form]);

  const set = <K extends keyof PreferencesForm>(key: K, value: PreferencesForm[K]) => {
    setForm((current) => (current ? { ...current, [key]: value } : current));
    setSaved(null);
  };

  const focusField = (field: PreferencesField) => focusSoon(() => refs[field].current);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form || !savedForm) return;
    setSaved(null);
    setFormError(null);
    const found = validatePreferencesForm(form);
    setErrors(found);
    const first = firstPreferencesError(found);
    if (first) {
      focusField(first);
      return;
    }
    const input = changedPreferences(form, savedForm);
    if (Object.keys(input).length === 0) {
      setSaved('Nothing to save — these are already your preferences.');
      return;
    }
    setSubmitting(true);
    try {
      const result = await update(input);
      const savedNow = formFromPreferences(result);
      startedFrom.current = savedNow;
      setForm(savedNow);
      setSaved('Saved. The assistant follows these from now on.');
    } catch (err) {
      // Keep everything as typed; show the API's notes beside the fields they concern.
      const problem = settingsProblemOf(err);
      const fieldErrors = preferencesErrorsFrom(problem.fields);
      setErrors(fieldErrors);
      setFormError(problem.summary);
      const firstBad = firstPreferencesError(fieldErrors);
      if (firstBad) focusField(firstBad);
      else focusSoon(() => alertRef.current);
    } finally {
      setSubmitting(false);
    }
  };

  const channelHints: Partial<Record<ReminderChannel, string>> = {
    sms: user?.phone ? `To ${user.phone}.` : 'Needs a verified mobile number (see Security).',
    email: user?.emailVerifiedAt ? `To ${user?.email}.` : 'Needs your email address confirmed first.',
    push: 'Turn them on for each phone or computer in Notifications.',
  };

  return (
    <section className="panel" aria-labelledby="preferences-title" data-testid="preferences-page">
      <h1 id="preferences-title" ref={heading} tabIndex={-1}>
        Preferences
      </h1>
      <p className="lead">How and when the assistant reaches you. Changes apply to the very next nudge.</p>

      {loading && !form && (
        <p role="status" data-testid="preferences-loading">
          Loading your preferences…
        </p>
      )}
      {error && !form && (
        <div className="notice" role="alert">
          <p>{friendlyErrorFrom(apiErrorOf(error)).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}

      {form && (
        <form className="auth-form" onSubmit={onSubmit} noValidate>
          <FormAlert error={formError} alertRef={alertRef} testId="preferences-error" />
          <TimeZoneSelect
            id="pref-time-zone"
            value={form.timeZone}
            onValueChange={(value) => set('timeZone', value)}
            error={errors.timeZone}
            selectRef={refs.timeZone as RefObject<HTMLSelectElement>}
            hint="Reminders and check-ins follow your local time."
          />
          <SelectField
            id="pref-locale"
            label="Language"
            value={form.locale}
            onValueChange={(value) => set('locale', value)}
            options={LOCALES.map((value) => ({ value, label: localeLabel(value) }))}
            error={errors.locale}
            selectRef={refs.locale as RefObject<HTMLSelectElement>}
          />
          <QuietHoursField
            on={form.quietHoursOn}
            onToggle={(on) => set('quietHoursOn', on)}
            start={form.quietHoursStart}
            end={form.quietHoursEnd}
            onStartChange={(value) => set('quietHoursStart', value)}
            onEndChange={(value) => set('quietHoursEnd', value)}
            startError={errors.quietHoursStart}
            endError={errors.quietHoursEnd}
            startRef={refs.quietHoursStart as RefObject<HTMLInputElement>}
            endRef={refs.quietHoursEnd as RefObject<HTMLInputElement>}
          />
          <CheckboxGroup
            id="pref-channels"
            legend="Reminders reach you by"
            values={form.reminderChannels}
            onValuesChange={(values) => set('reminderChannels', values)}
            options={REMINDER_CHANNELS.map((value) => ({
              value,
              label: CHANNEL_LABELS[value],
              hint: channelHints[value],
            }))}
            error={errors.reminderChannels}
            firstRef={refs.reminderChannels as RefObject<HTMLInputElement>}
          />
          <OptionalTimeField
            id="pref-check-in"
            switchLabel="Send me a daily check-in"
            timeLabel="At"
            hint="A short, friendly look at your day. Off is fine too."
            on={form.checkInOn}
            onToggle={(on) => set('checkInOn', on)}
            value={form.checkInTime}
            onValueChange={(value) => set('checkInTime', value)}
            error={errors.checkInTime}
            inputRef={refs.checkInTime as RefObject<HTMLInputElement>}
          />
          <RadioGroup
            id="pref-tone"
            legend="Assistant tone"
            value={form.assistantTone}
            onValueChange={(value) => set('assistantTone', value)}
            options={ASSISTANT_TONES.map((value) => ({ value, ...TONES[value] }))}
            error={errors.assistantTone}
            firstRef={refs.assistantTone as RefObject<HTMLInputElement>}
          />
          <RadioGroup
            id="pref-sms-length"
            legend="Length of text-message replies"
            value={form.smsReplyLength}
            onValueChange={(value) => set('smsReplyLength', value)}
            options={SMS_REPLY_LENGTH_KEYS.map((value) => ({
              value,
              label: LENGTH_LABELS[value],
              hint: `Up to ${SMS_REPLY_LENGTHS[value]} characters.`,
            }))}
            error={errors.smsReplyLength}
            firstRef={refs.smsReplyLength as RefObject<HTMLInputElement>}
          />
          <StatusNotice message={saved} testId="preferences-saved" />
          <button type="submit" className="button-primary" disabled={submitting}>
            {submitting ? 'Saving…' : 'Save preferences'}
          </button>
          <p className="hint">
            Your mobile number and sign-in protection are on <Link to="/settings/security">Security</Link>.
          </p>
        </form>
      )}
      <DaySection />
    </section>
  );
}
