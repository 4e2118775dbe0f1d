import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  InputType,
  Int,
  Field,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { callerOf, requestLoader, type GraphQLContext } from '@pa/server-core';
import { Task, TaskOrderEnum, TaskPriorityEnum } from './task.entity';
import { Appointment } from './appointment.entity';
import { Reminder, ReminderKindEnum } from './reminder.entity';
import type { TodayChangedPayload } from './assistant.topics';
import { ReminderActionEnum } from './delivery/delivery.types';

@InputType()
export class CreateReminderInput {
  @Field(() => String)
  text!: string;

  @Field(() => Date, { description: 'When to remind (an instant; the web sends the local time it means).' })
  dueAt!: Date;
}

@ObjectType({ description: 'Something in your tasks or reminders changed: refresh what you show.' })
export class TodayChanged {
  @Field(() => String, { description: 'tasks or reminders' })
  what!: string;
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => [Task], {
    description: 'Your open tasks in list order (done: true for the recently done ones).',
  })
  tasks(
    @Ctx() ctx: GraphQLContext,
    @Arg('done', () => Boolean, { defaultValue: false }) done: boolean,
    @Arg('orderBy', () => TaskOrderEnum, {
      defaultValue: TaskOrderEnum.LIST,
      description: 'Open tasks only: LIST (default) or DUE (soonest deadline first).',
    })
    orderBy: TaskOrderEnum,
  ) {
    return ctx.services.tasks.list(callerOf(ctx).userId, done, undefined, done ? 50 : 200, orderBy);
  }

  @FieldResolver(() => [Task], { description: 'The small steps of this task, in order.' })
  async steps(@Root() task: Task, @Ctx() ctx: GraphQLContext): Promise<Task[]> {
    if (task.parentId) return [];
    const loader = requestLoader<string, Task[]>(ctx, 'taskSteps', (ids) => ctx.services.tasks.steps(ids));
    return (await loader.load(task.id)) ?? [];
  }

  @Mutation(() => Task, {
    description: 'Adds a task at the end of the list; with a clientId, sending it again adds nothing.',
  })
  async createTask(
    @Arg('title', () => String) title: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('parentId', () => ID, { nullable: true }) parentId?: string | null,
    @Arg('clientId', () => String, { nullable: true }) clientId?: string | null,
  ): Promise<Task> {
    const userId = callerOf(ctx).userId;
    if (clientId) {
      const { task, created } = await ctx.services.tasks.createOnce(userId, title, clientId, { parentId });
      if (created) ctx.services.tasks.changed(userId);
      return task;
    }
    const [task] = await ctx.services.tasks.create(userId, [title], { parentId: parentId ?? null });
    ctx.services.tasks.changed(userId);
    return task as Task;
  }

  @Mutation(() => Task, { description: 'Marks a task done (and its steps).' })
  async completeTask(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Task> {
    const userId = callerOf(ctx).userId;
    await ctx.services.tasks.get(userId, id);
    await ctx.services.tasks.complete(userId, [id]);
    ctx.services.tasks.changed(userId);
    return ctx.services.tasks.get(userId, id);
  }

  @Mutation(() => Task, { description: 'Puts a done task back on the list.' })
  async reopenTask(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Task> {
    const userId = callerOf(ctx).userId;
    await ctx.services.tasks.get(userId, id);
    await ctx.services.tasks.reopen(userId, [id]);
    ctx.services.tasks.changed(userId);
    return ctx.services.tasks.get(userId, id);
  }

  @Mutation(() => Task, { description: "Sets a task's deadline, or clears it with null." })
  async setTaskDueAt(
    @Arg('id', () => ID) id: string,
    @Arg('dueAt', () => Date, { nullable: true }) dueAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    const userId = callerOf(ctx).userId;
    const task = await ctx.services.tasks.setDue(userId, id, dueAt ?? null);
    ctx.services.tasks.changed(userId);
    return task;
  }

  @Mutation(() => Task, { description: 'Gives a task (or step) a new title (1–500 characters).' })
  async renameTask(
    @Arg('id', () => ID) id: string,
    @Arg('title', () => String) title: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    const userId = callerOf(ctx).userId;
    const task = await ctx.services.tasks.rename(userId, id, title);
    ctx.services.tasks.changed(userId);
    return task;
  }

  @Mutation(() => Task, { description: "Sets a task's priority (NORMAL for none)." })
  async setTaskPriority(
    @Arg('id', () => ID) id: string,
    @Arg('priority', () => TaskPriorityEnum) priority: TaskPriorityEnum,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    const userId = callerOf(ctx).userId;
    const task = await ctx.services.tasks.setPriority(userId, id, priority);
    ctx.services.tasks.changed(userId);
    return task;
  }

  @Mutation(() => Task, {
    description: 'Moves an open task (or step) to a place in its list: 1 is first; past the end, last.',
  })
  async moveTask(
    @Arg('id', () => ID) id: string,
    @Arg('place', () => Int) place: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    const userId = callerOf(ctx).userId;
    const task = await ctx.services.tasks.move(userId, id, place);
    ctx.services.tasks.changed(userId);
    return task;
  }

  @Mutation(() => Boolean)
  async deleteTask(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const userId = callerOf(ctx).userId;
    await ctx.services.tasks.get(userId, id);
    await ctx.services.tasks.delete(userId, [id]);
    ctx.services.tasks.changed(userId);
    return true;
  }

  @Subscription(() => TodayChanged, {
    topics: 'todayChanged',
    filter: ({ payload, context }: { payload: TodayChangedPayload; context: GraphQLContext }) =>
      payload.userId === context.auth?.userId,
    description: 'Your tasks or reminders changed (by you, the assistant, or a reminder firing).',
  })
  todayChanged(@Root() payload: TodayChangedPayload): TodayChanged {
    return { what: payload.what };
  }
}

@Resolver(() => Reminder)
export class ReminderResolver {
  @Query(() => [Reminder], { description: 'Your scheduled reminders, soonest first.' })
  reminders(@Ctx() ctx: GraphQLContext) {
    return ctx.services.reminders.upcoming(callerOf(ctx).userId);
  }

  @Mutation(() => Reminder)
  async createReminder(
    @Arg('input', () => CreateReminderInput) input: CreateReminderInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const userId = callerOf(ctx).userId;
    const reminder = await ctx.services.reminders.create(userId, {
      text: input.text,
      dueAt: input.dueAt,
      kind: ReminderKindEnum.REMINDER,
    });
    await ctx.services.reminders.committed(userId, [reminder]);
    return reminder;
  }

  @Mutation(() => Reminder, { description: 'Moves a reminder later by some minutes (1–1440).' })
  async snoozeReminder(
    @Arg('id', () => ID) id: string,
    @Arg('minutes', () => Int, { defaultValue: 10 }) minutes: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const userId = callerOf(ctx).userId;
    const clamped = Math.min(Math.max(Math.round(minutes), 1), 1440);
    // From the later of now and when it is due: snoozing a reminder that has not rung yet never brings it closer.
    const current = await ctx.services.reminders.get(userId, id);
    const from = Math.max(Date.now(), current.dueAt.getTime());
    // Snoozing a reminder that fired answers it (its nudges stop, other devices drop the alert). A
    // check-in is never moved (it comes back tomorrow by itself): a snooze only answers it.
    if (current.alertDueAt || current.kind === ReminderKindEnum.CHECKIN)
      return ctx.services.reminderAlerts.acknowledge(userId, id, ReminderActionEnum.SNOOZED, {
        snoozeMinutes: clamped,
      });
    const reminder = await ctx.services.reminders.moveTo(userId, id, new Date(from + clamped * 60_000));
    await ctx.services.reminders.committed(userId, [reminder]);
    return reminder;
  }

  @Mutation(() => Reminder)
  async cancelReminder(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const userId = callerOf(ctx).userId;
    // Check-ins follow the person's check-in time (turned off in preferences): cancelling one only
    // dismisses its alert.
    const current = await ctx.services.reminders.get(userId, id);
    if (current.kind === ReminderKindEnum.CHECKIN)
      return ctx.services.reminderAlerts.acknowledge(userId, id, ReminderActionEnum.OPENED);
    const reminder = await ctx.services.reminders.cancel(userId, id);
    await ctx.services.reminders.committed(userId, []);
    return reminder;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'For a recurring reminder: how it repeats, e.g. "weekdays at 08:00".',
  })
  repeats(@Root() r: Reminder): string | null {
    if (!r.recurrence) return null;
    const { kind, time, weekdays } = r.recurrence;
    if (kind === 'weekly') {
      const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
      return `every ${(weekdays ?? []).map((d) => names[d - 1] ?? '?').join(', ')} at ${time}`;
    }
    return `${kind === 'daily' ? 'every day' : 'weekdays'} at ${time}`;
  }
}

@Resolver(() => Appointment)
export class AppointmentResolver {
  @Query(() => [Appointment], {
    description: 'Your appointments not yet over (started within the hour, or later), soonest first.',
  })
  appointments(@Ctx() ctx: GraphQLContext): Promise<Appointment[]> {
    return ctx.services.appointments.upcoming(callerOf(ctx).userId);
  }
}
