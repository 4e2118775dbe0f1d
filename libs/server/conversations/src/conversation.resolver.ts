import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { filter, pipe } from '@graphql-yoga/subscription';
import { PageArgs, callerOf, requestLoader, type GraphQLContext } from '@pa/server-core';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';
import {
  ConversationConnection,
  ConversationsArgs,
  MessageConnection,
  MessageSearchConnection,
  SearchMessagesArgs,
  SendMessageInput,
} from './conversation.inputs';
import type { ConversationUpdatedPayload, MessageAddedPayload } from './conversations.topics';
import { ConversationsErrorCode, conversationsError } from './conversations.errors';
import { resumeAfter } from './message-resume';

// The shield has already refused anonymous callers; this narrows the type for the service calls.
const fromPayload = (p: MessageAddedPayload): Message =>
  Object.assign(new Message(), { ...p, createdAt: new Date(p.createdAt) });

const toPayload = (m: Message): MessageAddedPayload => ({
  id: m.id,
  conversationId: m.conversationId,
  userId: m.userId,
  author: m.author,
  body: m.body,
  parentId: m.parentId,
  clientId: m.clientId,
  createdAt: m.createdAt.toISOString(),
  ...(m.cursorAt ? { cursorAt: m.cursorAt } : {}),
});

// A resume replays at most this many messages; further behind, the client refetches the conversation.
const REPLAY_MAX = 500;

@Resolver(() => Conversation)
export class ConversationResolver {
  @Query(() => ConversationConnection, { description: 'Your conversations, most recent activity first.' })
  conversations(@Args(() => ConversationsArgs) args: ConversationsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.conversations.list(callerOf(ctx).userId, args);
  }

  @Query(() => Conversation, { description: 'One of your conversations.' })
  conversation(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Conversation> {
    return ctx.services.conversations.get(callerOf(ctx).userId, id);
  }

  @Query(() => Message, { description: 'One of your messages (e.g. to open its thread).' })
  message(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Message> {
    return ctx.services.conversations.message(callerOf(ctx).userId, id);
  }

  @Query(() => MessageSearchConnection, { description: 'Your messages matching words, best match first.' })
  searchMessages(@Args(() => SearchMessagesArgs) args: SearchMessagesArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.messageSearch.search(callerOf(ctx).userId, args);
  }

  @FieldResolver(() => MessageConnection, {
    description:
      'Messages outside threads, oldest first: `last: 50` is the latest fifty, `before` pages back.',
  })
  messages(@Root() c: Conversation, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.conversations.messages(c.userId, c.id, args);
  }

  @FieldResolver(() => Message, {
    nullable: true,
    description: 'The latest message outside threads (for a preview in the list); null while empty.',
  })
  async lastMessage(@Root() c: Conversation, @Ctx() ctx: GraphQLContext): Promise<Message | null> {
    const loader = requestLoader<string, Message>(ctx, 'lastMessages', (ids) =>
      ctx.services.conversations.lastMessages(ids),
    );
    return (await loader.load(c.id)) ?? null;
  }

  @Mutation(() => Conversation)
  createConversation(
    @Ctx() ctx: GraphQLContext,
    @Arg('title', () => String, { nullable: true }) title?: string | null,
  ): Promise<Conversation> {
    return ctx.services.conversations.create(callerOf(ctx).userId, title);
  }

  @Mutation(() => Conversation)
  renameConversation(
    @Arg('id', () => ID) id: string,
    @Arg('title', () => String) title: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Conversation> {
    return ctx.services.conversations.rename(callerOf(ctx).userId, id, title);
  }

  @Mutation(() => Conversation, { description: 'Archives (or with false, restores) a conversation.' })
  archiveConversation(
    @Arg('id', () => ID) id: string,
    @Arg('archived', () => Boolean, { defaultValue: true }) archived: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Conversation> {
    return ctx.services.conversations.setArchived(callerOf(ctx).userId, id, archived);
  }

  @Mutation(() => Boolean, { description: 'Deletes a conversation and all its messages.' })
  async deleteConversation(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.conversations.delete(callerOf(ctx).userId, id);
    return true;
  }

  @Mutation(() => Message, {
    description:
      'Sends a message; the same clientId again returns the stored one. The reply arrives by subscription.',
  })
  async sendMessage(
    @Arg('input', () => SendMessageInput) input: SendMessageInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.conversations.send(callerOf(ctx).userId, input)).message;
  }

  @Subscription(() => Message, {
    description:
      'Each new message of one of your conversations (yours, the assistant’s, thread replies). With `after` (a message’s `cursor`), first every message stored since it, then the live ones: each exactly once.',
    // Set-up checks the conversation is the caller's (another person's reads as not found).
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const userId = callerOf(ctx).userId;
      const { conversationId, after } = args as { conversationId: string; after?: string | null };
      await ctx.services.conversations.get(userId, conversationId);
      const live = pipe(
        // One channel per conversation: a message wakes only that conversation's subscribers.
        ctx.runtime.pubSub.subscribe('messageAdded', conversationId),
        filter((p: MessageAddedPayload) => p.conversationId === conversationId && p.userId === userId),
      );
      if (!after) return live;
      return resumeAfter(live, async () => {
        const since = await ctx.services.conversations.messagesSince(
          userId,
          conversationId,
          after,
          REPLAY_MAX,
        );
        if (!since) throw conversationsError(ConversationsErrorCode.RESUME_TOO_FAR);
        return since.map(toPayload);
      });
    },
  })
  messageAdded(
    @Arg('conversationId', () => ID) _conversationId: string,
    @Root() payload: MessageAddedPayload,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Resume: the `cursor` of the last message you have.',
    })
    _after?: string | null,
  ): Message {
    return fromPayload(payload);
  }

  @Subscription(() => Conversation, {
    nullable: true,
    topics: 'conversationUpdated',
    filter: ({ payload, context }: { payload: ConversationUpdatedPayload; context: GraphQLContext }) =>
      payload.userId === context.auth?.userId,
    description: 'Your conversations as they change (new activity, rename, archive); null for a deleted one.',
  })
  conversationUpdated(@Root() p: ConversationUpdatedPayload): Conversation | null {
    // A deleted conversation arrives as null: clients drop it from their list.
    if (p.deleted) return null;
    return Object.assign(new Conversation(), {
      ...p,
      archivedAt: p.archivedAt ? new Date(p.archivedAt) : null,
      lastActivityAt: new Date(p.lastActivityAt),
      createdAt: new Date(p.createdAt),
      updatedAt: new Date(p.lastActivityAt),
    });
  }
}

@Resolver(() => Message)
export class MessageResolver {
  @FieldResolver(() => MessageConnection, { description: 'The thread under this message, oldest first.' })
  replies(@Root() m: Message, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.conversations.replies(m.userId, m.id, args);
  }

  @FieldResolver(() => Int, { description: 'How many replies its thread has.' })
  async replyCount(@Root() m: Message, @Ctx() ctx: GraphQLContext): Promise<number> {
    if (m.parentId) return 0;
    const loader = requestLoader<string, number>(ctx, 'replyCounts', (ids) =>
      ctx.services.conversations.replyCounts(ids),
    );
    return (await loader.load(m.id)) ?? 0;
  }
}
