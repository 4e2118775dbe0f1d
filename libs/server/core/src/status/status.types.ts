import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SystemInfo } from './system-info.entity';

@ObjectType({ description: 'Whether a dependency answered, and how fast.' })
export class DependencyStatus {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => String, { description: 'external, embedded, spawned or single-process' })
  mode!: string;
}

@ObjectType({ description: 'Live status of the API instance that answered.' })
export class ServerStatus {
  @Field(() => String)
  version!: string;

  @Field(() => String)
  environment!: string;

  @Field(() => String)
  instanceId!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Float)
  uptimeSeconds!: number;

  @Field(() => DependencyStatus)
  database!: DependencyStatus;

  @Field(() => DependencyStatus)
  redis!: DependencyStatus;

  @Field(() => SystemInfo)
  system!: SystemInfo;
}

@ObjectType({ description: 'A periodic sign of life from one API instance, fanned out to every instance.' })
export class Heartbeat {
  @Field(() => String)
  instanceId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => Float)
  uptimeSeconds!: number;
}
