import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Recurrence } from './brain';

export enum ReminderStatusEnum {
  SCHEDULED = 'scheduled',
  DELIVERED = 'delivered',
  CANCELLED = 'cancelled',
}
registerEnumType(ReminderStatusEnum, { name: 'ReminderStatus' });

export enum ReminderKindEnum {
  REMINDER = 'reminder',
  FOCUS = 'focus',
  /** The daily check-in (one per person), ringing in the open app like a reminder. */
  CHECKIN = 'checkin',
}
registerEnumType(ReminderKindEnum, {
  name: 'ReminderKind',
  description: 'A reminder, the end of a focus timer, or the daily check-in.',
});

@Entity({ name: 'reminders' })
@ObjectType({ description: 'A nudge at a time, once or on a schedule.' })
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId!: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  taskId!: string | null;

  @Column({ type: 'text' })
  @Field(() => ReminderKindEnum)
  kind!: ReminderKindEnum;

  @Column({ type: 'text' })
  @Field(() => String)
  text!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When it fires next.' })
  dueAt!: Date;

  @Column({ type: 'jsonb', nullable: true })
  recurrence!: Recurrence | null;

  @Column({ type: 'text' })
  @Field(() => ReminderStatusEnum)
  status!: ReminderStatusEnum;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  // The occurrence (its due time) that fired and waits for Done / Snooze / opened; null when none.
  @Column({ name: 'alert_due_at', type: 'timestamptz', nullable: true })
  alertDueAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When its latest firing was answered (Done, Snooze or opened).',
  })
  acknowledgedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;
}
