import { Field, InputType, Int, ObjectType } from 'type-graphql';
import {
  ESCALATION_CHANNELS,
  ESCALATION_MAX_STEPS,
  ESCALATION_MINUTES,
  type EscalationStepValue,
} from '@pa/shared-domain';
import { ReminderChannelEnum } from '../users.enums';

@ObjectType({
  description: 'Nudge again on this channel this many minutes after a reminder fired, if still unanswered.',
})
export class EscalationStep {
  @Field(() => Int)
  afterMinutes!: number;

  @Field(() => ReminderChannelEnum)
  channel!: ReminderChannelEnum;
}

@InputType()
export class EscalationStepInput {
  @Field(() => Int, {
    description: `${ESCALATION_MINUTES.min}–${ESCALATION_MINUTES.max}, each step later than the one before.`,
  })
  afterMinutes!: number;

  @Field(() => ReminderChannelEnum, {
    description:
      'PUSH, IN_APP or SMS (without a verified phone and a number, an SMS step nudges by push or in the app).',
  })
  channel!: ReminderChannelEnum;
}

/**
 * Checks a ladder; returns the message for the `escalation` field, or null when it is fine. An SMS step
 * is accepted without a verified phone (the default ladder has one): until SMS can reach the person,
 * that step nudges by push or in the app instead, so saving the default back never fails.
 */
export function escalationProblem(steps: EscalationStepInput[]): string | null {
  if (steps.length > ESCALATION_MAX_STEPS) return `At most ${ESCALATION_MAX_STEPS} nudges.`;
  let before = 0;
  for (const s of steps) {
    if (
      !Number.isInteger(s.afterMinutes) ||
      s.afterMinutes < ESCALATION_MINUTES.min ||
      s.afterMinutes > ESCALATION_MINUTES.max
    )
      return `Each nudge comes ${ESCALATION_MINUTES.min} to ${ESCALATION_MINUTES.max} minutes after the reminder.`;
    if (s.afterMinutes <= before) return 'Each nudge must come later than the one before.';
    before = s.afterMinutes;
    if (!(ESCALATION_CHANNELS as readonly string[]).includes(s.channel))
      return 'Nudges can come by push, in the app or by SMS.';
  }
  return null;
}

/** A stored ladder as GraphQL objects. */
export function toEscalation(values: EscalationStepValue[]): EscalationStep[] {
  return values.map((v) =>
    Object.assign(new EscalationStep(), {
      afterMinutes: v.afterMinutes,
      channel: v.channel as ReminderChannelEnum,
    }),
  );
}
