import { Args, Ctx, FieldResolver, Query, Resolver, Root, Subscription } from 'type-graphql';
import { In } from 'typeorm';
import { CoreErrorCode, coreError, requestLoader, type GraphQLContext } from '@pa/server-core';
import { User } from '@pa/server-auth';
import { AuditLogArgs, AuditLogConnection, AuditLogEntry } from './audit-log.types';
import { PageArgs } from '@pa/server-core';

function usersById(ctx: GraphQLContext) {
  return requestLoader<string, User>(ctx, 'usersById', async (ids) => {
    const users = await ctx.runtime.dataSource.getRepository(User).findBy({ id: In([...ids]) });
    return new Map(users.map((u) => [u.id, u]));
  });
}

@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @Query(() => AuditLogConnection, { description: 'The audit trail, newest first (administrators).' })
  auditLog(
    @Args(() => AuditLogArgs) args: AuditLogArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditLogConnection> {
    return ctx.services.auditLog.list(args, args.filter);
  }

  @Subscription(() => AuditLogEntry, {
    topics: 'auditEntryAdded',
    description: 'Each new audit entry as it is written (administrators; re-checked on every event).',
  })
  async auditEntryAdded(@Root() payload: { id: string }, @Ctx() ctx: GraphQLContext): Promise<AuditLogEntry> {
    const entry = await ctx.services.auditLog.get(payload.id);
    if (!entry) throw coreError(CoreErrorCode.NOT_FOUND);
    return entry;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who acted, while their account exists.' })
  async actor(@Root() entry: AuditLogEntry, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    return entry.actorId ? ((await usersById(ctx).load(entry.actorId)) ?? null) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Whose account it was about, while it exists.' })
  async subject(@Root() entry: AuditLogEntry, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    return entry.subjectId ? ((await usersById(ctx).load(entry.subjectId)) ?? null) : null;
  }
}

@Resolver(() => User)
export class UserAuditResolver {
  @FieldResolver(() => AuditLogConnection, {
    description: 'What happened on this account (sign-ins, changes, refusals), newest first.',
  })
  auditEntries(
    @Root() user: User,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditLogConnection> {
    return ctx.services.auditLog.list(args, undefined, user.id);
  }
}
