import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReminderChannelEnum } from '@pa/server-users';
import { Reminder } from '../reminder.entity';

export enum ReminderActionEnum {
  DONE = 'done',
  OPENED = 'opened',
  SNOOZED = 'snoozed',
}
registerEnumType(ReminderActionEnum, {
  name: 'ReminderAction',
  description: 'How a person answered a reminder.',
});

export enum ReminderAlertEventEnum {
  ACKNOWLEDGED = 'acknowledged',
  DUE = 'due',
}
registerEnumType(ReminderAlertEventEnum, { name: 'ReminderAlertEvent' });

@Entity({ name: 'reminder_deliveries' })
@ObjectType({
  description: 'One delivery of a reminder: which firing, which nudge (0 = the first), which channel.',
})
export class ReminderDelivery {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'reminder_id', type: 'uuid' })
  reminderId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  @Field(() => ReminderChannelEnum)
  channel!: ReminderChannelEnum;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '0: when it fired; 1…: the escalation nudges.' })
  step!: number;

  @Column({ name: 'occurrence_due_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'The due time of the firing this belongs to.' })
  occurrenceDueAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ReminderActionEnum, { nullable: true })
  action!: ReminderActionEnum | null;
}

@ObjectType({
  description:
    'A reminder of yours fired or was nudged again (DUE), or was answered somewhere (ACKNOWLEDGED).',
})
export class ReminderAlert {
  @Field(() => ReminderAlertEventEnum)
  event!: ReminderAlertEventEnum;

  @Field(() => Reminder)
  reminder!: Reminder;

  // Whose alert it is (the shield checks it per event).
  userId!: string;
}
