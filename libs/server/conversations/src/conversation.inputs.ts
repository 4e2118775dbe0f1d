import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageArgs, connectionOf } from '@pa/server-core';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';

@InputType()
export class SendMessageInput {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => String)
  body!: string;

  @Field(() => ID, { nullable: true, description: 'Reply in the thread of this message.' })
  parentId?: string | null;

  @Field(() => String, {
    description: 'Made by the client (e.g. a UUID) before sending: sending again with it stores nothing new.',
  })
  clientId!: string;
}

@ArgsType()
export class ConversationsArgs extends PageArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Archived conversations instead of active ones.',
  })
  archived!: boolean;
}

@InputType({ description: 'Narrows a search; fields combine with AND.' })
export class MessageSearchFilter {
  @Field(() => ID, { nullable: true })
  conversationId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@ArgsType()
export class SearchMessagesArgs extends PageArgs {
  @Field(() => String, { description: 'Words to find; "quotes" for a phrase, -word to exclude.' })
  query!: string;

  @Field(() => MessageSearchFilter, { nullable: true })
  filter?: MessageSearchFilter | null;
}

@ObjectType({ description: 'A piece of a search snippet; highlighted pieces matched the search.' })
export class SnippetPart {
  @Field(() => String)
  text!: string;

  @Field(() => Boolean)
  highlighted!: boolean;
}

@ObjectType({ description: 'A message that matched a search, with where it matched.' })
export class MessageSearchHit {
  /** The message's owner (for the shield; not exposed). */
  userId!: string;

  @Field(() => Message)
  message!: Message;

  @Field(() => [SnippetPart])
  snippet!: SnippetPart[];

  @Field(() => Number, { description: 'Relevance (higher is better).' })
  rank!: number;
}

@ObjectType()
export class ConversationConnection extends connectionOf(Conversation, 'Conversation') {}

@ObjectType()
export class MessageConnection extends connectionOf(Message, 'Message') {}

@ObjectType()
export class MessageSearchConnection extends connectionOf(MessageSearchHit, 'MessageSearch') {}
