import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ChannelEnum {
  WEB = 'web',
  SMS = 'sms',
}
registerEnumType(ChannelEnum, { name: 'Channel', description: 'Where a conversation happens.' });

@Entity({ name: 'conversations' })
@ObjectType({ description: 'A conversation with the assistant.' })
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  title!: string;

  @Column({ type: 'text' })
  @Field(() => ChannelEnum)
  channel!: ChannelEnum;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the last message was added (the list is ordered by it).' })
  lastActivityAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
