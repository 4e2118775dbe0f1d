import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphQLContext } from '@pa/server-core';
import { PushDevice } from './push-device.entity';
import { SubscribePushInput } from './push.inputs';

@Resolver(() => PushDevice)
export class PushResolver {
  @Query(() => String, {
    nullable: true,
    description:
      'The VAPID public key (base64url) to subscribe with (applicationServerKey); null when push is off.',
  })
  pushPublicKey(@Ctx() ctx: GraphQLContext): string | null {
    return ctx.services.push.publicKey;
  }

  @Query(() => [PushDevice], { description: 'Your devices that receive notifications, newest first.' })
  pushDevices(@Ctx() ctx: GraphQLContext): Promise<PushDevice[]> {
    return ctx.services.push.list(callerOf(ctx).userId);
  }

  @Mutation(() => PushDevice, {
    description:
      'Registers this browser for notifications (again: the same endpoint keeps one device). Turns the PUSH reminder channel on.',
  })
  subscribePush(
    @Arg('input', () => SubscribePushInput) input: SubscribePushInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PushDevice> {
    return ctx.services.push.subscribe(callerOf(ctx).userId, input);
  }

  @Mutation(() => Boolean, {
    description: 'Forgets this browser’s subscription (false: it was not yours or not known).',
  })
  unsubscribePush(
    @Arg('endpoint', () => String) endpoint: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return ctx.services.push.unsubscribe(callerOf(ctx).userId, endpoint);
  }

  @Mutation(() => Boolean, { description: 'Removes one of your devices.' })
  removePushDevice(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.push.remove(callerOf(ctx).userId, id);
  }

  @Mutation(() => Int, {
    description: 'Sends a test notification to each of your devices; how many it reached.',
  })
  sendTestPush(@Ctx() ctx: GraphQLContext): Promise<number> {
    const userId = callerOf(ctx).userId;
    return ctx.services.push.sendToPerson(
      userId,
      {
        v: 1,
        kind: 'test',
        reminderId: null,
        title: 'Notifications work',
        body: 'This device will show your reminders.',
        tag: 'test',
        url: '/settings',
        occurrenceDueAt: null,
        step: 0,
        actionToken: null,
      },
      `test-${userId}-${Date.now()}`,
    );
  }
}
