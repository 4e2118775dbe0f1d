import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { encodeCursor } from '@pa/server-core';

export enum AuthorEnum {
  USER = 'user',
  ASSISTANT = 'assistant',
  SYSTEM = 'system',
}
registerEnumType(AuthorEnum, { name: 'MessageAuthor' });

@Entity({ name: 'messages' })
@ObjectType({ description: 'One message of a conversation, or a reply in a thread.' })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  @Field(() => ID)
  conversationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  @Field(() => AuthorEnum)
  author!: AuthorEnum;

  @Column({ type: 'text' })
  @Field(() => String)
  body!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The message this one replies to, in a thread.' })
  parentId!: string | null;

  @Column({ name: 'client_id', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The id the sending client gave it (retries reuse it).',
  })
  clientId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;

  /** The creation time as stored (to the microsecond), when known: what `cursor` is made of. */
  cursorAt?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Where this message sits in its conversation: pass it as `after` to messageAdded to resume from it.',
  })
  get cursor(): string | null {
    return this.cursorAt ? encodeCursor([this.cursorAt, this.id]) : null;
  }
}
