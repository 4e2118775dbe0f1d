import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, requestLoader, type GraphQLContext } from '@pa/server-core';
import {
  AvailablePhoneNumber,
  ClaimPhoneNumberInput,
  NumberPrice,
  NumberWebhook,
  PhoneNumber,
  PhoneNumberOwner,
  PhoneNumberPage,
  PhoneNumberStatusEnum,
  SmsAnalytics,
  SmsUsage,
  UsageGroupingEnum,
  WebhookCheckReport,
} from './sms.types';
import type { PhoneNumberRecord } from './numbers/number.service';

const asNumber = (r: PhoneNumberRecord): PhoneNumber => ({ ...r, status: r.status as PhoneNumberStatusEnum });

@Resolver(() => PhoneNumber)
export class PhoneNumberResolver {
  @Query(() => [PhoneNumber], { description: 'Your dedicated numbers: text them from your verified phone.' })
  async myPhoneNumbers(@Ctx() ctx: GraphQLContext): Promise<PhoneNumber[]> {
    return (await ctx.services.numbers.mine(callerOf(ctx).userId)).map(asNumber);
  }

  @Query(() => [AvailablePhoneNumber], {
    description: 'Numbers you can claim (country default: the installation’s).',
  })
  availablePhoneNumbers(
    @Ctx() ctx: GraphQLContext,
    @Arg('country', () => String, { nullable: true }) country?: string | null,
    @Arg('areaCode', () => String, { nullable: true }) areaCode?: string | null,
    @Arg('contains', () => String, { nullable: true }) contains?: string | null,
  ): Promise<AvailablePhoneNumber[]> {
    return ctx.services.numbers.search({ country, areaCode, contains });
  }

  @Query(() => NumberPrice, { description: 'What a number costs a month, before you claim one.' })
  phoneNumberPrice(@Ctx() ctx: GraphQLContext): NumberPrice {
    return ctx.services.numbers.price();
  }

  @Mutation(() => PhoneNumber, {
    description:
      'Claims a number (the one named, or the first available); your plan sets how many you may hold.',
  })
  async claimPhoneNumber(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ClaimPhoneNumberInput, { nullable: true }) input?: ClaimPhoneNumberInput | null,
  ): Promise<PhoneNumber> {
    return asNumber(await ctx.services.numbers.claim(callerOf(ctx).userId, input ?? {}));
  }

  @Mutation(() => PhoneNumber, {
    description: 'Gives one of your numbers back (texts to it stop reaching you).',
  })
  async releasePhoneNumber(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PhoneNumber> {
    const userId = callerOf(ctx).userId;
    const released = await ctx.services.numbers.release(userId, id);
    // The answer shows the number as the caller gave it back: theirs to read, though no longer theirs.
    return { ...asNumber(released), userId };
  }

  @Query(() => SmsUsage, { description: 'Your texts and their cost (default: the last 30 days, by day).' })
  mySmsUsage(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
    @Arg('groupBy', () => UsageGroupingEnum, { defaultValue: UsageGroupingEnum.DAY })
    groupBy?: UsageGroupingEnum,
  ): Promise<SmsUsage> {
    return ctx.services.smsUsage.mine(callerOf(ctx).userId, { from, to, groupBy });
  }

  // --- Administrators ---

  @Query(() => PhoneNumberPage, { description: 'Every number (administrators), newest first.' })
  async phoneNumbers(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => PhoneNumberStatusEnum, { nullable: true }) status?: PhoneNumberStatusEnum | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<PhoneNumberPage> {
    const page = await ctx.services.numbers.list(
      { status, search },
      Math.min(Math.max(limit, 1), 200),
      Math.max(offset, 0),
    );
    return { total: page.total, items: page.items.map(asNumber) };
  }

  @Mutation(() => PhoneNumber, { description: 'Buys a number into the spare pool (administrators).' })
  async addPoolPhoneNumber(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ClaimPhoneNumberInput, { nullable: true }) input?: ClaimPhoneNumberInput | null,
  ): Promise<PhoneNumber> {
    return asNumber(await ctx.services.numbers.addToPool(input ?? {}));
  }

  @Mutation(() => PhoneNumber, { description: 'Gives a live number to a person (administrators).' })
  async reassignPhoneNumber(
    @Arg('id', () => ID) id: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PhoneNumber> {
    return asNumber(await ctx.services.numbers.reassign(id, userId));
  }

  @Mutation(() => PhoneNumber, {
    description: 'Returns a number to the pool, whoever holds it (administrators).',
  })
  async unassignPhoneNumber(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PhoneNumber> {
    return asNumber(await ctx.services.numbers.unassign(id));
  }

  @Mutation(() => PhoneNumber, {
    description: 'Gives a number back to Twilio; its rental stops (administrators).',
  })
  async releasePhoneNumberToTwilio(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PhoneNumber> {
    return asNumber(await ctx.services.numbers.releaseToTwilio(id));
  }

  @Mutation(() => WebhookCheckReport, {
    description: 'Checks every number’s webhooks at Twilio now and repairs drift.',
  })
  checkPhoneNumberWebhooks(@Ctx() ctx: GraphQLContext): Promise<WebhookCheckReport> {
    return ctx.services.numbers.checkWebhooks();
  }

  @Query(() => SmsAnalytics, {
    description: 'Platform texts and costs: totals, series, top people, per number.',
  })
  smsAnalytics(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
    @Arg('groupBy', () => UsageGroupingEnum, { defaultValue: UsageGroupingEnum.DAY })
    groupBy?: UsageGroupingEnum,
  ): Promise<SmsAnalytics> {
    return ctx.services.smsUsage.analytics({ from, to, groupBy });
  }

  @Query(() => String, { description: 'Every usage row of a range as CSV (administrators).' })
  smsUsageCsv(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ): Promise<string> {
    return ctx.services.smsUsage.csv({ from, to });
  }

  @FieldResolver(() => PhoneNumberOwner, { nullable: true, description: 'Who holds it (administrators).' })
  async owner(@Root() n: PhoneNumber, @Ctx() ctx: GraphQLContext): Promise<PhoneNumberOwner | null> {
    if (!n.userId) return null;
    const loader = requestLoader<string, PhoneNumberOwner>(ctx, 'phoneNumberOwners', async (ids) => {
      const rows = await ctx.services.numbers.owners(ids);
      return new Map(rows.map((r) => [r.id, r]));
    });
    return (await loader.load(n.userId)) ?? null;
  }

  @FieldResolver(() => NumberWebhook, {
    nullable: true,
    description: 'Its webhooks and their last check (administrators).',
  })
  async webhook(@Root() n: PhoneNumber, @Ctx() ctx: GraphQLContext): Promise<NumberWebhook | null> {
    const loader = requestLoader<string, NumberWebhook>(ctx, 'numberWebhooks', async (ids) => {
      const rows = await ctx.services.numbers.webhooks(ids);
      return new Map(rows.map((r) => [r.numberId, r]));
    });
    return (await loader.load(n.id)) ?? null;
  }
}
