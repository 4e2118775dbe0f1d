// The escalation ladder as the settings form edits it: each step, a number of minutes after the reminder
// fired (while still unanswered) and a channel. Pure: unit-tested.

export type LadderChannel = 'PUSH' | 'IN_APP' | 'SMS' | 'EMAIL';

export interface LadderStepForm {
  afterMinutes: string;
  channel: LadderChannel;
}

/** At most this many steps (each one nudge more), up to a day after the reminder fired. */
export const LADDER_MAX_STEPS = 5;
export const LADDER_MAX_MINUTES = 24 * 60;

export type LadderErrors = Record<number, string>;

/** Per step index, what is wrong: minutes must be whole, 0–1440, and grow from step to step. */
export function validateLadder(steps: readonly LadderStepForm[]): LadderErrors {
  const errors: LadderErrors = {};
  let previous = -1;
  steps.forEach((step, index) => {
    const text = step.afterMinutes.trim();
    const minutes = Number(text);
    if (text === '' || !Number.isInteger(minutes)) errors[index] = 'Give a whole number of minutes.';
    else if (minutes < 0 || minutes > LADDER_MAX_MINUTES)
      errors[index] = `Between 0 and ${LADDER_MAX_MINUTES} minutes.`;
    else if (minutes <= previous) errors[index] = 'Each step comes later than the one before.';
    if (Number.isInteger(minutes)) previous = Math.max(previous, minutes);
  });
  return errors;
}

/** The steps as the API takes them (call after validateLadder found nothing). */
export function ladderInput(
  steps: readonly LadderStepForm[],
): Array<{ afterMinutes: number; channel: LadderChannel }> {
  return steps.map((step) => ({ afterMinutes: Number(step.afterMinutes.trim()), channel: step.channel }));
}

/** The form's rows for saved steps. */
export function ladderForm(
  steps: ReadonlyArray<{ afterMinutes: number; channel: LadderChannel }>,
): LadderStepForm[] {
  return steps.map((step) => ({ afterMinutes: String(step.afterMinutes), channel: step.channel }));
}

/** The step "Add a step" appends: 10 minutes after the last one, by push. */
export function nextLadderStep(steps: readonly LadderStepForm[]): LadderStepForm {
  const last = Number(steps[steps.length - 1]?.afterMinutes ?? -10);
  const after = Number.isFinite(last) ? Math.min(LADDER_MAX_MINUTES, last + 10) : 10;
  return { afterMinutes: String(Math.max(0, after)), channel: 'PUSH' };
}

/** "Push right away, then a text message after 15 min, then stop." */
export function describeLadder(
  steps: ReadonlyArray<{ afterMinutes: number; channel: LadderChannel }>,
): string {
  if (steps.length === 0) return 'One nudge when the reminder is due, then nothing more.';
  const names: Record<LadderChannel, string> = {
    PUSH: 'a notification',
    IN_APP: 'an alert in the app',
    SMS: 'a text message',
    EMAIL: 'an email',
  };
  const parts = steps.map((step, index) => {
    const when = step.afterMinutes === 0 ? 'right away' : `after ${step.afterMinutes} min`;
    return `${index === 0 ? '' : 'then '}${names[step.channel]} ${when}`;
  });
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}, then stop.`;
}
