// The escalation ladder as the settings form edits it: each step, a number of minutes after the reminder
// fired (while still unanswered) and a channel. Pure: unit-tested. The limits are the API's
// (@pa/shared-domain reminders).
import { ESCALATION_CHANNELS, ESCALATION_MAX_STEPS, ESCALATION_MINUTES } from '@pa/shared-domain/reminders';

export type LadderChannel = Uppercase<(typeof ESCALATION_CHANNELS)[number]>;
/** The channels a nudge may use, as the API spells them. */
export const LADDER_CHANNELS = ESCALATION_CHANNELS.map((channel) => channel.toUpperCase() as LadderChannel);

export interface LadderStepForm {
  afterMinutes: string;
  channel: LadderChannel;
}

/** At most this many steps (each one nudge more), within a few hours of the reminder firing. */
export const LADDER_MAX_STEPS = ESCALATION_MAX_STEPS;
export const LADDER_MIN_MINUTES = ESCALATION_MINUTES.min;
export const LADDER_MAX_MINUTES = ESCALATION_MINUTES.max;

export type LadderErrors = Record<number, string>;

/** Per step index, what is wrong: minutes must be whole, 1–240, and grow from step to step. */
export function validateLadder(steps: readonly LadderStepForm[]): LadderErrors {
  const errors: LadderErrors = {};
  let previous = -1;
  steps.forEach((step, index) => {
    const text = step.afterMinutes.trim();
    const minutes = Number(text);
    if (text === '' || !Number.isInteger(minutes)) errors[index] = 'Give a whole number of minutes.';
    else if (minutes < LADDER_MIN_MINUTES || minutes > LADDER_MAX_MINUTES)
      errors[index] = `Between ${LADDER_MIN_MINUTES} and ${LADDER_MAX_MINUTES} minutes.`;
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
  steps: ReadonlyArray<{ afterMinutes: number; channel: string }>,
): LadderStepForm[] {
  return steps.map((step) => ({
    afterMinutes: String(step.afterMinutes),
    channel: asLadderChannel(step.channel),
  }));
}

/** A channel the ladder can use (anything else, which the API never saves, reads as push). */
function asLadderChannel(channel: string): LadderChannel {
  return (LADDER_CHANNELS as readonly string[]).includes(channel) ? (channel as LadderChannel) : 'PUSH';
}

/** The step "Add a step" appends: 5 minutes after a reminder fired, or 10 after the last step, by push. */
export function nextLadderStep(steps: readonly LadderStepForm[]): LadderStepForm {
  const lastText = steps[steps.length - 1]?.afterMinutes;
  if (lastText === undefined) return { afterMinutes: '5', channel: 'PUSH' };
  const last = Number(lastText);
  const after = Number.isFinite(last) ? Math.min(LADDER_MAX_MINUTES, last + 10) : 10;
  return { afterMinutes: String(Math.max(LADDER_MIN_MINUTES, after)), channel: 'PUSH' };
}

/** "Push right away, then a text message after 15 min, then stop." */
export function describeLadder(steps: ReadonlyArray<{ afterMinutes: number; channel: string }>): string {
  if (steps.length === 0) return 'One nudge when the reminder is due, then nothing more.';
  const names: Record<LadderChannel, string> = {
    PUSH: 'a notification',
    IN_APP: 'an alert in the app',
    SMS: 'a text message',
  };
  const parts = steps.map((step) => `${names[asLadderChannel(step.channel)]} after ${step.afterMinutes} min`);
  return `When it is due, then if still unanswered: ${parts.join(', then ')}. Then it stops.`;
}
