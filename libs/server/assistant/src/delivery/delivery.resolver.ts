import {
  Arg,
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
import { callerOf, requestLoader, type GraphQLContext } from '@pa/server-core';
import { ipBucket } from '@pa/server-auth';
import { Reminder } from '../reminder.entity';
import {
  ReminderActionEnum,
  ReminderAlert,
  ReminderAlertEventEnum,
  ReminderDelivery,
} from './delivery.types';
import type { ReminderAlertPayload } from './delivery.topics';

@Resolver(() => Reminder)
export class ReminderAlertResolver {
  @Query(() => [Reminder], {
    description: 'Your reminders that fired and wait for Done, Snooze or a look, newest first.',
  })
  dueReminders(@Ctx() ctx: GraphQLContext): Promise<Reminder[]> {
    return ctx.services.reminderAlerts.due(callerOf(ctx).userId);
  }

  @FieldResolver(() => Boolean, {
    description: 'It fired and has not been answered yet (Done, Snooze or opened).',
  })
  awaitingAcknowledgement(@Root() r: Reminder): boolean {
    return r.alertDueAt !== null && r.alertDueAt !== undefined;
  }

  @FieldResolver(() => [ReminderDelivery], {
    description: 'Where and when it reached you (latest firings first).',
  })
  async deliveries(@Root() r: Reminder, @Ctx() ctx: GraphQLContext): Promise<ReminderDelivery[]> {
    const loader = requestLoader<string, ReminderDelivery[]>(ctx, 'reminderDeliveries', (ids) =>
      ctx.services.reminderAlerts.deliveriesOf(ids),
    );
    return (await loader.load(r.id)) ?? [];
  }

  @Mutation(() => Reminder, {
    description:
      'Answers a reminder: DONE, SNOOZED (moves it snoozeMinutes later) or OPENED. Stops its nudges. With a clientId, sending it again changes nothing.',
  })
  acknowledgeReminder(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => ReminderActionEnum) action: ReminderActionEnum,
    @Ctx() ctx: GraphQLContext,
    @Arg('clientId', () => String, { nullable: true }) clientId?: string | null,
    @Arg('snoozeMinutes', () => Int, { nullable: true, defaultValue: 10 }) snoozeMinutes?: number | null,
  ): Promise<Reminder> {
    return ctx.services.reminderAlerts.acknowledge(callerOf(ctx).userId, id, action, {
      clientId,
      snoozeMinutes,
    });
  }

  @Mutation(() => Boolean, {
    description:
      'Done / Snooze from a notification with the app closed: the token came with the push (no session needed). Applied once per clientId.',
  })
  async reminderActionByToken(
    @Arg('token', () => String) token: string,
    @Arg('action', () => ReminderActionEnum) action: ReminderActionEnum,
    @Arg('clientId', () => String) clientId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await ctx.services.auth.rateLimits.consume('reminderActionPerIp', ipBucket(ctx.client.ip ?? 'unknown'));
    return ctx.services.reminderAlerts.acknowledgeByToken(token, action, clientId);
  }

  @Subscription(() => ReminderAlert, {
    topics: 'reminderAlerts',
    filter: ({ payload, context }: { payload: ReminderAlertPayload; context: GraphQLContext }) =>
      payload.userId === context.auth?.userId,
    description: 'Your reminders firing or being nudged (DUE) and being answered anywhere (ACKNOWLEDGED).',
  })
  async reminderAlerts(
    @Root() payload: ReminderAlertPayload,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReminderAlert> {
    const reminder = await ctx.services.reminders.get(payload.userId, payload.reminderId);
    return Object.assign(new ReminderAlert(), {
      event: payload.event === 'due' ? ReminderAlertEventEnum.DUE : ReminderAlertEventEnum.ACKNOWLEDGED,
      reminder,
      userId: payload.userId,
    });
  }
}
