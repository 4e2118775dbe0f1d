import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphQLContext } from '@pa/server-core';
import { AccountDeletionRequest, ConfirmIdentityInput } from './erasure.types';
import { DataExport } from './data-export.types';

/** Your own data rights: a copy of your data, and erasing your account (with a grace period and undo). */
@Resolver()
export class PrivacyResolver {
  @Query(() => [DataExport], { description: 'Your data exports, newest first.' })
  dataExports(@Ctx() ctx: GraphQLContext): Promise<DataExport[]> {
    return ctx.services.dataExports.list(callerOf(ctx).userId);
  }

  @Mutation(() => DataExport, {
    description:
      'Asks for a copy of everything held about you (a ZIP, emailed when ready, downloadable for 72 hours). Needs your password, and a code when you have a second step. Once a day.',
  })
  requestDataExport(
    @Arg('input', () => ConfirmIdentityInput) input: ConfirmIdentityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DataExport> {
    return ctx.services.dataExports.request(callerOf(ctx), input, ctx.client);
  }

  @Query(() => AccountDeletionRequest, {
    nullable: true,
    description: 'Your pending account deletion, if you asked for one.',
  })
  accountDeletion(@Ctx() ctx: GraphQLContext): Promise<AccountDeletionRequest | null> {
    return ctx.services.accountErasure.status(callerOf(ctx).userId);
  }

  @Mutation(() => AccountDeletionRequest, {
    description:
      'Deletes your account and everything it holds after a grace period (7 days). Needs your password, and a code when you have a second step. Signing in or cancelling before stops it.',
  })
  requestAccountDeletion(
    @Arg('input', () => ConfirmIdentityInput) input: ConfirmIdentityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AccountDeletionRequest> {
    const auth = callerOf(ctx);
    return ctx.services.accountErasure.request(auth, input, ctx.client);
  }

  @Mutation(() => Boolean, {
    description: 'Keeps your account: stops a pending deletion. False when none was pending.',
  })
  cancelAccountDeletion(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.accountErasure.cancel(callerOf(ctx).userId, ctx.client, 'cancel');
  }
}
