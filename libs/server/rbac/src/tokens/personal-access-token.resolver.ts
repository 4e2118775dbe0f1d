import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphQLContext } from '@pa/server-core';
import { TOKEN_LIMITS, TOKEN_SCOPE_PRESETS } from '@pa/shared-domain';
import { PersonalAccessToken } from './personal-access-token.entity';

@InputType({ description: 'A new personal access token.' })
export class CreatePersonalAccessTokenInput {
  @Field(() => String, { description: 'What it is for (1 to 80 characters), e.g. "calendar sync".' })
  name!: string;

  @Field(() => [String], {
    description:
      'Permissions it carries, e.g. ["task:read:own", "task:write:own"]; each must be one your role holds (see tokenScopes).',
  })
  scopes!: string[];

  @Field(() => Int, {
    nullable: true,
    description: `Days until it expires, 1 to ${TOKEN_LIMITS.maxDays} (default ${TOKEN_LIMITS.defaultDays}).`,
  })
  expiresInDays?: number | null;
}

@ObjectType({ description: 'A token just made. Copy `token` now: it is never shown again.' })
export class CreatedPersonalAccessToken {
  @Field(() => String, { description: 'The secret, `pat_…`: send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => PersonalAccessToken, { description: 'The token as it will be listed.' })
  personalAccessToken!: PersonalAccessToken;
}

@ObjectType({ description: 'A named set of scopes to start from.' })
export class TokenScopePreset {
  @Field(() => String, { description: 'e.g. read-only, tasks, reminders, conversations, sms' })
  name!: string;

  @Field(() => [String], { description: 'The permissions of the preset that your role holds.' })
  scopes!: string[];
}

@ObjectType({ description: 'What a token of yours may carry.' })
export class TokenScopes {
  @Field(() => [String], { description: 'Every permission your role holds: a token may carry any of them.' })
  available!: string[];

  @Field(() => [TokenScopePreset], { description: 'Named starting points.' })
  presets!: TokenScopePreset[];
}

@Resolver(() => PersonalAccessToken)
export class PersonalAccessTokenResolver {
  @Query(() => [PersonalAccessToken], {
    description: 'Your personal access tokens, newest first, with their last use (signed-in session only).',
  })
  personalAccessTokens(@Ctx() ctx: GraphQLContext): Promise<PersonalAccessToken[]> {
    return ctx.services.tokens.list(callerOf(ctx).userId);
  }

  @Query(() => TokenScopes, { description: 'The scopes your tokens may carry (your role’s permissions).' })
  async tokenScopes(@Ctx() ctx: GraphQLContext): Promise<TokenScopes> {
    const access = await ctx.services.access.of(ctx);
    const available = [...(access?.permissions ?? [])].sort();
    return {
      available,
      presets: Object.entries(TOKEN_SCOPE_PRESETS).map(([name, scopes]) => ({
        name,
        scopes: scopes.filter((s) => available.includes(s)),
      })),
    };
  }

  @Mutation(() => CreatedPersonalAccessToken, {
    description:
      'Makes a personal access token (signed-in session, password confirmed within the last few minutes). The secret is returned once and stored only as a hash.',
  })
  async createPersonalAccessToken(
    @Arg('input', () => CreatePersonalAccessTokenInput) input: CreatePersonalAccessTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedPersonalAccessToken> {
    const auth = callerOf(ctx);
    ctx.services.auth.assertRecentAuth(auth);
    const { token, record } = await ctx.services.tokens.create(auth.userId, input, ctx.client);
    return { token, personalAccessToken: record };
  }

  @Mutation(() => PersonalAccessToken, {
    description: 'Revokes one of your tokens: it stops working at once and its open sockets close.',
  })
  revokePersonalAccessToken(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersonalAccessToken> {
    return ctx.services.tokens.revoke(callerOf(ctx).userId, id, ctx.client);
  }
}
