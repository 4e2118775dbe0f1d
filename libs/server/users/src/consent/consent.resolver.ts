import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from '@pa/server-auth';
import { callerOf, type GraphQLContext } from '@pa/server-core';
import { SMS_WITHDRAWAL_EFFECT } from '@pa/shared-domain';
import {
  Consent,
  ConsentAcceptanceInput,
  ConsentKindEnum,
  ConsentSourceEnum,
  HistoryLimit,
  LegalDocument,
} from './consent.types';
import { legalDocuments } from './consent.service';

/** Consents (terms, privacy notice, texts) and the plan's history limit: the person's own only. */
@Resolver(() => User)
export class ConsentResolver {
  @Query(() => [LegalDocument], {
    description: 'The terms, the privacy notice and the SMS notice, at their current versions.',
  })
  legalDocuments(): LegalDocument[] {
    return legalDocuments();
  }

  @Query(() => [LegalDocument], {
    description: 'Documents you have not accepted at their current version: the app asks before going on.',
  })
  pendingConsents(@Ctx() ctx: GraphQLContext): Promise<LegalDocument[]> {
    return ctx.services.consents.pending(callerOf(ctx).userId);
  }

  @FieldResolver(() => [Consent], {
    nullable: true,
    description:
      'Every consent you gave, newest first. Yours only: null (refused) for anyone else, administrators included.',
  })
  consents(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Consent[]> {
    return ctx.services.consents.list(user.id);
  }

  @Mutation(() => [Consent], {
    description:
      'Accepts documents at the versions you were shown (CONSENT_OUTDATED if one changed since). Returns all your consents.',
  })
  acceptConsents(
    @Arg('input', () => [ConsentAcceptanceInput]) input: ConsentAcceptanceInput[],
    @Arg('fromSettings', () => Boolean, { defaultValue: false }) fromSettings: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Consent[]> {
    const source = fromSettings ? ConsentSourceEnum.SETTINGS : ConsentSourceEnum.PROMPT;
    return ctx.services.consents.accept(callerOf(ctx).userId, input, source);
  }

  @Mutation(() => [Consent], {
    description: `Withdraws a consent (SMS only; the terms end with the account). SMS: ${SMS_WITHDRAWAL_EFFECT}`,
  })
  withdrawConsent(
    @Arg('kind', () => ConsentKindEnum) kind: ConsentKindEnum,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Consent[]> {
    return ctx.services.consents.withdraw(callerOf(ctx).userId, kind);
  }

  @Query(() => HistoryLimit, { description: 'How much conversation history your plan shows.' })
  historyLimit(@Ctx() ctx: GraphQLContext): Promise<HistoryLimit> {
    return ctx.services.consents.historyLimit(callerOf(ctx).userId);
  }
}
