import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { User } from '@pa/server-auth';
import { callerOf, type GraphQLContext } from '@pa/server-core';
import { permissionsOf, type Role } from '@pa/shared-domain';
import { RoleEnum, UserStatusEnum } from './users.enums';
import { UserPreferences } from './preferences/preferences.entity';
import { UpdatePreferencesInput } from './preferences/preferences.inputs';
import { Avatar, UpdateProfileInput } from './profile/profile.types';
import { ProfileService } from './profile/profile.service';
import { DisableUserInput, SetUserRoleInput, UserConnection, UsersArgs } from './admin/admin-users.types';
import { avatarImagesByUserId, phonesByUserId, rolesByUserId } from './users.loaders';

// The shield has already refused anonymous callers; this narrows the type for the service calls.
/** Your own profile and preferences. */
@Resolver(() => User)
export class UsersResolver {
  @Query(() => UserPreferences, { description: 'Your preferences.' })
  preferences(@Ctx() ctx: GraphQLContext): Promise<UserPreferences> {
    return ctx.services.preferences.get(callerOf(ctx).userId);
  }

  @Mutation(() => UserPreferences, {
    description: 'Changes the preferences you send; the next reminder already follows them.',
  })
  updatePreferences(
    @Arg('input', () => UpdatePreferencesInput) input: UpdatePreferencesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserPreferences> {
    return ctx.services.preferences.update(callerOf(ctx).userId, input, ctx.client);
  }

  @Mutation(() => User, { description: 'Changes your display name or avatar.' })
  updateProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return ctx.services.profile.update(callerOf(ctx).userId, input, ctx.client);
  }

  @Subscription(() => User, {
    topics: ['accessChanged', 'profileChanged'],
    // Only your own account's changes; the shield re-checks the permission on every event.
    filter: ({ payload, context }: { payload: { userId: string }; context: GraphQLContext }) =>
      payload.userId === context.auth?.userId,
    description: 'Your account as it is after a change (role, status, name, avatar) made anywhere.',
  })
  async accountChanged(@Root() payload: { userId: string }, @Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.adminUsers.get(payload.userId);
  }

  @FieldResolver(() => RoleEnum)
  async role(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Role> {
    return (await rolesByUserId(ctx).load(user.id)) ?? 'user';
  }

  @FieldResolver(() => [String], {
    description: 'What this role may do (resource:action:scope), inherited included.',
  })
  async permissions(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<string[]> {
    const role = (await rolesByUserId(ctx).load(user.id)) ?? 'user';
    return [...permissionsOf(role)].sort();
  }

  @FieldResolver(() => UserStatusEnum)
  status(@Root() user: User): UserStatusEnum {
    return user.disabledAt ? UserStatusEnum.DISABLED : UserStatusEnum.ACTIVE;
  }

  @FieldResolver(() => Avatar)
  async avatar(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Avatar> {
    const image = user.avatarImageType ? await avatarImagesByUserId(ctx).load(user.id) : undefined;
    return ProfileService.avatarOf(user, image ?? null);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The verified mobile number (E.164), if any.' })
  async phone(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return (await phonesByUserId(ctx).load(user.id)) ?? null;
  }
}

/** Administrators: people, roles, turning accounts off and on, deleting them. */
@Resolver()
export class AdminUsersResolver {
  @Query(() => UserConnection, { description: 'People, newest first (administrators).' })
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: GraphQLContext): Promise<UserConnection> {
    return ctx.services.adminUsers.list(args);
  }

  @Query(() => User, { description: 'One person (administrators).' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.adminUsers.get(id);
  }

  @Mutation(() => User, { description: 'Gives someone a role; it applies to their next request.' })
  setUserRole(
    @Arg('input', () => SetUserRoleInput) input: SetUserRoleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return ctx.services.adminUsers.setRole(actor(ctx), input.userId, input.role as Role);
  }

  @Mutation(() => User, { description: 'Turns an account off and ends all its sessions.' })
  disableUser(
    @Arg('input', () => DisableUserInput) input: DisableUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return ctx.services.adminUsers.disable(actor(ctx), input.userId, input.reason);
  }

  @Mutation(() => User, { description: 'Turns an account back on.' })
  enableUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.adminUsers.enable(actor(ctx), userId);
  }

  @Mutation(() => Boolean, { description: 'Deletes an account and everything it owns. Cannot be undone.' })
  async deleteUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.adminUsers.delete(actor(ctx), userId);
    return true;
  }
}

function actor(ctx: GraphQLContext) {
  return { userId: callerOf(ctx).userId, client: ctx.client };
}
