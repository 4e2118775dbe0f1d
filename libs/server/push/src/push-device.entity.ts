import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ name: 'push_subscriptions' })
@ObjectType('PushDevice', {
  description: 'A browser or phone that receives your reminders as notifications.',
})
export class PushDevice {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', unique: true })
  endpoint!: string;

  @Column({ name: 'device_name', type: 'text' })
  @Field(() => String)
  deviceName!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When a notification last reached this device’s push service.',
  })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  lastFailureAt!: Date | null;

  @Column({ name: 'failure_count', type: 'int' })
  failureCount!: number;
}
