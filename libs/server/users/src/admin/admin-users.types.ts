import { DISABLE_REASON_MAX } from '@pa/shared-domain';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageArgs, connectionOf } from '@pa/server-core';
import { User } from '@pa/server-auth';
import { RoleEnum, UserStatusEnum } from '../users.enums';

@ObjectType()
export class UserConnection extends connectionOf(User, 'User') {}

@InputType({ description: 'Narrows the people list; fields combine with AND.' })
export class UsersFilter {
  @Field(() => String, { nullable: true, description: 'Part of an email or a display name.' })
  search?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: RoleEnum | null;

  @Field(() => UserStatusEnum, { nullable: true })
  status?: UserStatusEnum | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UsersFilter, { nullable: true })
  filter?: UsersFilter | null;
}

@InputType()
export class SetUserRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;
}

@InputType()
export class DisableUserInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, {
    nullable: true,
    description: `Why (kept in the audit trail, at most ${DISABLE_REASON_MAX} characters).`,
  })
  reason?: string | null;
}
