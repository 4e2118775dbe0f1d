import { useEscalation } from '@pa/web-data-access/reminders';
import { StatusNotice } from '@pa/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import {
  describeLadder,
  ladderForm,
  ladderInput,
  LADDER_CHANNELS,
  LADDER_MAX_MINUTES,
  LADDER_MAX_STEPS,
  LADDER_MIN_MINUTES,
  nextLadderStep,
  validateLadder,
  type LadderChannel,
  type LadderErrors,
  type LadderStepForm,
} from '../logic/escalationForm';
import { settingsProblemOf } from '../logic/settingsErrors';

const CHANNEL_LABELS: Record<LadderChannel, string> = {
  PUSH: 'Notification',
  IN_APP: 'Alert in the app',
  SMS: 'Text message',
};
const CHANNELS = LADDER_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));

/** The escalation ladder: while a reminder is unanswered, who nudges again and when, then stop. */
export function EscalationLadder() {
  const escalation = useEscalation();
  const [steps, setSteps] = useState<LadderStepForm[] | null>(null);
  const [errors, setErrors] = useState<LadderErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Starts from the saved ladder once; a background refresh never overwrites editing.
  useEffect(() => {
    if (escalation.steps && !steps) setSteps(ladderForm(escalation.steps));
  }, [escalation.steps, steps]);

  const change = (index: number, patch: Partial<LadderStepForm>) => {
    setSteps((current) => current?.map((step, i) => (i === index ? { ...step, ...patch } : step)) ?? null);
    setSaved(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!steps) return;
    const found = validateLadder(steps);
    setErrors(found);
    setProblem(null);
    setSaved(null);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.getElementById(`ladder-minutes-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await escalation.save(ladderInput(steps));
      setSteps(ladderForm(result));
      setSaved(`Saved. ${describeLadder(result)}`);
    } catch (error) {
      // The API says what is wrong with the ladder as a whole (e.g. a text message without a number).
      const found = settingsProblemOf(error);
      setProblem(found.fields['escalation'] ?? found.summary.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-block" aria-labelledby="ladder-title" data-testid="escalation-ladder">
      <h2 id="ladder-title">If you do not answer</h2>
      <p>
        A reminder nudges again, step by step, until you tap Done, Snooze or open it. Quiet hours hold every
        step. A text message goes only if text messages are among your reminder channels and your number is
        verified.
      </p>
      {!steps && escalation.loading && <p role="status">Loading…</p>}
      {steps && (
        <form className="auth-form" onSubmit={onSubmit} noValidate>
          <ol className="ladder-steps">
            {steps.map((step, index) => (
              <li key={index} className="ladder-step" data-testid="ladder-step">
                <div className="field" data-invalid={!!errors[index]}>
                  <label htmlFor={`ladder-minutes-${index}`}>Nudge {index + 1}: minutes after it fired</label>
                  <input
                    id={`ladder-minutes-${index}`}
                    type="number"
                    inputMode="numeric"
                    min={LADDER_MIN_MINUTES}
                    max={LADDER_MAX_MINUTES}
                    value={step.afterMinutes}
                    aria-invalid={!!errors[index]}
                    aria-describedby={errors[index] ? `ladder-minutes-${index}-error` : undefined}
                    onChange={(event) => change(index, { afterMinutes: event.target.value })}
                  />
                  {errors[index] && (
                    <p className="field-error" id={`ladder-minutes-${index}-error`}>
                      {errors[index]}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label htmlFor={`ladder-channel-${index}`}>Nudge {index + 1}: by</label>
                  <select
                    id={`ladder-channel-${index}`}
                    value={step.channel}
                    onChange={(event) => change(index, { channel: event.target.value as LadderChannel })}
                  >
                    {CHANNELS.map((channel) => (
                      <option key={channel.value} value={channel.value}>
                        {channel.label}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Remove nudge ${index + 1}`}
                  onClick={() => {
                    setSteps(steps.filter((_, i) => i !== index));
                    setErrors({});
                    setSaved(null);
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
          {steps.length < LADDER_MAX_STEPS && (
            <button
              type="button"
              onClick={() => {
                setSteps([...steps, nextLadderStep(steps)]);
                setSaved(null);
              }}
            >
              Add a nudge
            </button>
          )}
          <p className="hint" data-testid="ladder-summary">
            {Object.keys(validateLadder(steps)).length === 0
              ? describeLadder(ladderInput(steps))
              : 'Fix the steps marked above.'}
          </p>
          {problem && (
            <p className="form-alert" role="alert">
              {problem}
            </p>
          )}
          <StatusNotice message={saved} testId="ladder-saved" />
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save the ladder'}
          </button>
        </form>
      )}
    </section>
  );
}
