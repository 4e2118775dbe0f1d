import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The order `tasks` lists in. */
export enum TaskOrderEnum {
  /** The list's own order (the numbers people see). */
  LIST = 'list',
  /** Soonest deadline first; tasks without one after, in list order. */
  DUE = 'due',
}
registerEnumType(TaskOrderEnum, { name: 'TaskOrder' });

/** How much a task matters now: the web shows it with a word and a mark, never colour alone. */
export enum TaskPriorityEnum {
  HIGH = 'high',
  NORMAL = 'normal',
  LOW = 'low',
}
registerEnumType(TaskPriorityEnum, { name: 'TaskPriority' });

@Entity({ name: 'tasks' })
@ObjectType({ description: 'Something to do, maybe broken into small steps.' })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  title!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The task this one is a step of.' })
  parentId!: string | null;

  @Column({ type: 'int' })
  @Field(() => Int)
  position!: number;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'Its deadline, if one was said ("pay rent by Friday": the end of that Friday, local).',
  })
  dueAt!: Date | null;

  @Column({ type: 'text', default: TaskPriorityEnum.NORMAL })
  @Field(() => TaskPriorityEnum)
  priority!: TaskPriorityEnum;

  @Column({ name: 'client_id', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The id the web app made when it asked for this task (sending it again adds nothing).',
  })
  clientId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;
}
