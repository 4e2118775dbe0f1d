import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageArgs, connectionOf } from '@pa/server-core';

export enum AuditOutcome {
  SUCCESS = 'success',
  FAILURE = 'failure',
  DENIED = 'denied',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome', description: 'How an audited event ended.' });

@ObjectType({ description: 'One entry of the audit trail: who did what, to whom, and how it ended.' })
export class AuditLogEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'Who acted (null: someone not signed in).' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose account it was about.' })
  subjectId!: string | null;

  @Field(() => String, { description: 'e.g. login, role_change, permission_check.' })
  action!: string;

  @Field(() => AuditOutcome)
  outcome!: AuditOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'For authorization decisions: the permission checked.',
  })
  permission!: string | null;

  @Field(() => String, { nullable: true })
  resourceType!: string | null;

  @Field(() => String, { nullable: true })
  resourceId!: string | null;

  @Field(() => String, { nullable: true, description: 'Ties the entry to the request and its logs.' })
  correlationId!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => GraphQLJSONObject)
  details!: Record<string, unknown>;
}

@ObjectType()
export class AuditLogConnection extends connectionOf(AuditLogEntry, 'AuditLog') {}

@InputType({ description: 'Narrows the audit trail; every field is optional and they combine with AND.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => AuditOutcome, { nullable: true })
  outcome?: AuditOutcome | null;

  @Field(() => String, { nullable: true })
  permission?: string | null;

  @Field(() => String, { nullable: true })
  correlationId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive).' })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  filter?: AuditLogFilter | null;
}
