import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type GraphQLContext } from '@pa/server-core';
import { WEBHOOK_LIMITS } from '@pa/shared-domain';
import {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventEnum,
} from './webhook.entity';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description: `Where events are POSTed: a public https:// URL (at most ${WEBHOOK_LIMITS.urlMaxLength} characters).`,
  })
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'The events it receives (at least one).' })
  events!: WebhookEventEnum[];
}

@InputType({ description: 'Changes to a webhook endpoint; what is left out stays as it is.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'A new URL (checked like at registration).' })
  url?: string | null;

  @Field(() => [WebhookEventEnum], { nullable: true, description: 'The new set of events (at least one).' })
  events?: WebhookEventEnum[] | null;
}

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], {
    description: 'Your webhook endpoints, oldest first, each with its recent deliveries.',
  })
  webhookEndpoints(@Ctx() ctx: GraphQLContext): Promise<WebhookEndpoint[]> {
    return ctx.services.webhooks.list(callerOf(ctx).userId);
  }

  @FieldResolver(() => [WebhookDelivery], {
    description: `The last ${WEBHOOK_LIMITS.recentDeliveries} deliveries to it, newest first.`,
  })
  deliveries(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: GraphQLContext): Promise<WebhookDelivery[]> {
    if (endpoint.recentDeliveries) return Promise.resolve(endpoint.recentDeliveries);
    return ctx.services.webhooks.deliveries(endpoint.id);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'Registers an endpoint for events. The signing secret is returned this once (copy it): it is used to verify each delivery.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointWithSecret> {
    const { secret, endpoint } = await ctx.services.webhooks.create(callerOf(ctx).userId, input);
    return { secret, webhookEndpoint: endpoint };
  }

  @Mutation(() => WebhookEndpoint, { description: 'Changes the URL or the events of one of your endpoints.' })
  updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpoint> {
    return ctx.services.webhooks.update(callerOf(ctx).userId, id, input);
  }

  @Mutation(() => WebhookEndpoint, {
    description:
      'Disables (nothing is sent) or enables one of your endpoints; enabling resets its failure count.',
  })
  setWebhookEndpointEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpoint> {
    return ctx.services.webhooks.setEnabled(callerOf(ctx).userId, id, enabled);
  }

  @Mutation(() => ID, { description: 'Deletes one of your endpoints and its delivery log; returns its id.' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.webhooks.delete(callerOf(ctx).userId, id);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'Gives one of your endpoints a new signing secret, returned this once; the old one stops at once.',
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointWithSecret> {
    const { secret, endpoint } = await ctx.services.webhooks.rotateSecret(callerOf(ctx).userId, id);
    return { secret, webhookEndpoint: endpoint };
  }

  @Mutation(() => ID, {
    description:
      'Sends a `webhook.test` event to one of your endpoints (even a disabled one); returns its event id, to find in the delivery log.',
  })
  sendTestWebhookEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.webhooks.sendTest(callerOf(ctx).userId, id);
  }
}
