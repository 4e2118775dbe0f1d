import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { AssistantToneEnum, LocaleEnum, ReminderChannelEnum, SmsReplyLengthEnum } from '../users.enums';
import { EscalationStep } from './escalation.types';

@Entity({ name: 'preferences' })
@ObjectType('Preferences', {
  description: 'How the assistant behaves for you. A change applies to the very next action.',
})
export class UserPreferences {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  // Stored on users (sign-up sets it); read and written with the rest of the preferences.
  @Field(() => String, {
    description: 'IANA time zone, e.g. Europe/Paris: reminders and check-ins follow it.',
  })
  timeZone!: string;

  @Column({ type: 'text' })
  @Field(() => LocaleEnum)
  locale!: LocaleEnum;

  @Column({ name: 'quiet_hours_start', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Local HH:MM. No nudges from here…' })
  quietHoursStart!: string | null;

  @Column({ name: 'quiet_hours_end', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '…until here (may cross midnight). Null: no quiet hours.',
  })
  quietHoursEnd!: string | null;

  @Column({ name: 'reminder_channels', type: 'text', array: true })
  @Field(() => [ReminderChannelEnum], { description: 'Where reminders reach you, in order of preference.' })
  reminderChannels!: ReminderChannelEnum[];

  @Column({ name: 'check_in_time', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Local HH:MM of the daily check-in; null: no check-in.',
  })
  checkInTime!: string | null;

  @Column({ name: 'assistant_tone', type: 'text' })
  @Field(() => AssistantToneEnum)
  assistantTone!: AssistantToneEnum;

  @Column({ name: 'sms_reply_length', type: 'text' })
  @Field(() => SmsReplyLengthEnum)
  smsReplyLength!: SmsReplyLengthEnum;

  // Stored as jsonb (null: the default ladder).
  @Field(() => [EscalationStep], {
    description:
      'If a reminder is not answered: the nudges that follow, in order (empty: none). Quiet hours hold them.',
  })
  escalation!: EscalationStep[];

  // The person's day (stored nullable: null reads as the default).
  @Field(() => String, { description: 'Local HH:MM your day starts: "morning", "first thing".' })
  dayStart!: string;

  @Field(() => String, { description: 'Local HH:MM of lunch: "at lunch"; "after lunch" is an hour later.' })
  lunch!: string;

  @Field(() => String, { description: 'Local HH:MM work ends: "after work".' })
  workEnd!: string;

  @Field(() => String, {
    description: 'Local HH:MM your evening starts: "this evening"; "tonight" is an hour later.',
  })
  evening!: string;

  @Field(() => Int, { description: 'Minutes before an appointment its reminder rings (0–1440).' })
  appointmentLeadMinutes!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  @Field(() => Date)
  updatedAt!: Date;
}
