import { Field, InputType, Int } from 'type-graphql';
import { AssistantToneEnum, LocaleEnum, ReminderChannelEnum, SmsReplyLengthEnum } from '../users.enums';
import { EscalationStepInput } from './escalation.types';

@InputType({
  description: 'Only the fields you send change. Send both quiet-hours fields as null to turn them off.',
})
export class UpdatePreferencesInput {
  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => LocaleEnum, { nullable: true })
  locale?: LocaleEnum | null;

  @Field(() => String, { nullable: true })
  quietHoursStart?: string | null;

  @Field(() => String, { nullable: true })
  quietHoursEnd?: string | null;

  @Field(() => [ReminderChannelEnum], { nullable: true })
  reminderChannels?: ReminderChannelEnum[] | null;

  @Field(() => String, { nullable: true })
  checkInTime?: string | null;

  @Field(() => AssistantToneEnum, { nullable: true })
  assistantTone?: AssistantToneEnum | null;

  @Field(() => SmsReplyLengthEnum, { nullable: true })
  smsReplyLength?: SmsReplyLengthEnum | null;

  @Field(() => String, { nullable: true, description: 'Local HH:MM, before lunch.' })
  dayStart?: string | null;

  @Field(() => String, { nullable: true, description: 'Local HH:MM, after the day starts.' })
  lunch?: string | null;

  @Field(() => String, { nullable: true, description: 'Local HH:MM, after the day starts.' })
  workEnd?: string | null;

  @Field(() => String, { nullable: true, description: 'Local HH:MM, after lunch.' })
  evening?: string | null;

  @Field(() => Int, { nullable: true, description: '0–1440 minutes.' })
  appointmentLeadMinutes?: number | null;

  @Field(() => [EscalationStepInput], {
    nullable: true,
    description: 'The whole ladder (at most 5 steps, minutes increasing, 1–240); [] turns nudges off.',
  })
  escalation?: EscalationStepInput[] | null;
}
