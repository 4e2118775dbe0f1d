import type { EscalationStepValue } from '@pa/shared-domain';

/**
 * The step to nudge with now: `from`, or a later one whose time (fired + its afterMinutes) has also
 * passed (steps held by quiet hours fall due together; only the latest is sent).
 */
export function latestDueStep(
  ladder: readonly EscalationStepValue[],
  from: number,
  firedAt: Date,
  now: Date,
): number {
  let step = from;
  for (let next = ladder[step]; next; next = ladder[step]) {
    if (firedAt.getTime() + next.afterMinutes * 60_000 > now.getTime()) break;
    step += 1;
  }
  return step;
}

/** What the in-app alert of a check-in says. */
export const CHECK_IN_TEXT = 'Check-in: what matters most today?';

/** The key of one escalation step: a retry or a second worker adds no second job. */
export function stepJobId(reminderId: string, occurrence: Date, step: number): string {
  return `escalate-${reminderId}-${occurrence.getTime()}-${step}`;
}
