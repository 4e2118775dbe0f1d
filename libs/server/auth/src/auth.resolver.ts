import type { Response } from 'express';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthContext, GraphQLContext } from '@pa/server-core';
import { AuthErrorCode, authError } from './auth.errors';
import type { AuthService, SignedIn } from './auth.service';
import { AuthPayload, LoginInput, RegisterInput, SessionInfo, TokenTransport } from './auth.types';
import { User } from './users/user.entity';

export const REFRESH_COOKIE = 'pa_refresh';

declare module '@pa/server-core' {
  interface Services {
    auth: AuthService;
  }
}

function setRefreshCookie(
  res: Response | undefined,
  ctx: GraphQLContext,
  signed: SignedIn | undefined,
): void {
  if (!res) return;
  const options = {
    httpOnly: true,
    secure: ctx.runtime.config.COOKIE_SECURE,
    sameSite: 'strict' as const,
    path: '/graphql',
  };
  if (signed)
    res.cookie(REFRESH_COOKIE, signed.refreshToken, { ...options, expires: signed.refreshTokenExpiresAt });
  else res.clearCookie(REFRESH_COOKIE, options);
}

/** Hands the tokens out and makes the rest of this request act as the signed-in user. */
function payload(ctx: GraphQLContext, signed: SignedIn, transport: TokenTransport): AuthPayload {
  const auth: AuthContext = {
    userId: signed.user.id,
    sessionId: signed.sessionId,
    aal: 'aal1',
    authenticatedAt: Date.now(),
  };
  ctx.auth = auth;
  const inBody = transport === TokenTransport.BODY || !ctx.http;
  if (!inBody) setRefreshCookie(ctx.http?.res, ctx, signed);
  return {
    user: signed.user,
    sessionId: signed.sessionId,
    accessToken: signed.accessToken,
    accessTokenExpiresAt: signed.accessTokenExpiresAt,
    refreshToken: inBody ? signed.refreshToken : null,
    refreshTokenExpiresAt: signed.refreshTokenExpiresAt,
  };
}

const requireAuth = (ctx: GraphQLContext): AuthContext => {
  if (!ctx.auth) throw authError(AuthErrorCode.UNAUTHENTICATED);
  return ctx.auth;
};

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Create an account and sign in.' })
  async register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    const signed = await ctx.services.auth.register(input, ctx.client);
    return payload(ctx, signed, input.refreshTokenIn);
  }

  @Mutation(() => AuthPayload, { description: 'Sign in with email and password.' })
  async login(
    @Arg('input', () => LoginInput) input: LoginInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    const signed = await ctx.services.auth.login(input.email, input.password, ctx.client);
    return payload(ctx, signed, input.refreshTokenIn);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token (argument, or the httpOnly cookie) for new tokens. Each refresh token works once.',
  })
  async refreshSession(
    @Ctx() ctx: GraphQLContext,
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken?: string | null,
    @Arg('refreshTokenIn', () => TokenTransport, { defaultValue: TokenTransport.COOKIE })
    refreshTokenIn?: TokenTransport,
  ): Promise<AuthPayload> {
    const cookies = (ctx.http?.req as { cookies?: Record<string, string> } | undefined)?.cookies;
    const token = refreshToken ?? cookies?.[REFRESH_COOKIE];
    if (!token) throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    try {
      const signed = await ctx.services.auth.refresh(token, ctx.client);
      return payload(
        ctx,
        signed,
        refreshToken ? TokenTransport.BODY : (refreshTokenIn ?? TokenTransport.COOKIE),
      );
    } catch (err) {
      if (!refreshToken) setRefreshCookie(ctx.http?.res, ctx, undefined);
      throw err;
    }
  }

  @Mutation(() => Boolean, { description: 'Sign out of this session.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.logout(requireAuth(ctx), ctx.client);
    setRefreshCookie(ctx.http?.res, ctx, undefined);
    return true;
  }

  @Mutation(() => Int, { description: 'Sign out everywhere; returns how many sessions ended.' })
  async logoutAll(@Ctx() ctx: GraphQLContext): Promise<number> {
    const ended = await ctx.services.auth.logoutAll(requireAuth(ctx), ctx.client);
    setRefreshCookie(ctx.http?.res, ctx, undefined);
    return ended;
  }

  @Mutation(() => Boolean, { description: 'End one of your sessions (a lost phone, a shared computer).' })
  async revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.revokeSession(requireAuth(ctx), id, ctx.client);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Confirm your password to make sensitive changes for the next few minutes.',
  })
  async reauthenticate(
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await ctx.services.auth.reauthenticate(requireAuth(ctx), password, ctx.client);
    return true;
  }

  @Mutation(() => Int, {
    description: 'Change your password; every other session ends. Returns how many ended.',
  })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    return ctx.services.auth.changePassword(requireAuth(ctx), currentPassword, newPassword, ctx.client);
  }

  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.auth.me(requireAuth(ctx));
  }

  @Query(() => [SessionInfo], { description: 'Your signed-in devices, oldest first.' })
  async mySessions(@Ctx() ctx: GraphQLContext): Promise<SessionInfo[]> {
    const auth = requireAuth(ctx);
    const sessions = await ctx.services.auth.listSessions(auth);
    return sessions.map((s) => ({
      id: s.id,
      device: s.device,
      ip: s.ip,
      createdAt: new Date(s.createdAt),
      lastSeenAt: new Date(s.lastSeenAt),
      current: s.id === auth.sessionId,
    }));
  }
}
