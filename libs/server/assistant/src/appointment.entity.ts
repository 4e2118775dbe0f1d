import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ name: 'appointments' })
@ObjectType({ description: 'Something at a set time ("vet thursday 11am"), with a reminder before it.' })
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  title!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  @Field(() => Date)
  startsAt!: Date;

  @Column({ name: 'reminder_id', type: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The reminder that rings before it (null once that reminder is gone).',
  })
  reminderId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;
}
