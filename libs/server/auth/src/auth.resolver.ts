import type { Response } from 'express';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthContext, GraphQLContext } from '@pa/server-core';
import { AuthErrorCode, authError } from './auth.errors';
import type { AuthService, SignedIn } from './auth.service';
import {
  AuthPayload,
  LoginInput,
  MfaMethodEnum,
  MfaStatus,
  RegisterInput,
  SessionInfo,
  TokenTransport,
  TotpEnrollmentPayload,
} from './auth.types';
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
  ctx.auth = {
    userId: signed.user.id,
    sessionId: signed.sessionId,
    aal: 'aal1',
    authenticatedAt: Date.now(),
    mfaPending: !!signed.mfa,
  };
  // An empty refresh token means "unchanged" (a step-up keeps the session's refresh token).
  const hasRefresh = signed.refreshToken !== '';
  const inBody = transport === TokenTransport.BODY || !ctx.http;
  if (!inBody && hasRefresh) setRefreshCookie(ctx.http?.res, ctx, signed);
  return {
    user: signed.user,
    sessionId: signed.sessionId,
    accessToken: signed.accessToken,
    accessTokenExpiresAt: signed.accessTokenExpiresAt,
    refreshToken: inBody && hasRefresh ? signed.refreshToken : null,
    refreshTokenExpiresAt: signed.refreshTokenExpiresAt,
    mfaRequired: !!signed.mfa,
    mfaMethods: (signed.mfa?.methods ?? []) as MfaMethodEnum[],
    mfaExpiresAt: signed.mfa?.expiresAt ?? null,
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

  @Mutation(() => AuthPayload, {
    description:
      'Finish signing in with a second factor (after login returned mfaRequired), or step up this session.',
  })
  async verifyMfa(
    @Arg('method', () => MfaMethodEnum) method: MfaMethodEnum,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    const signed = await ctx.services.auth.verifyMfa(requireAuth(ctx), method, code, ctx.client);
    const result = payload(ctx, signed, TokenTransport.COOKIE);
    ctx.auth = { ...requireAuth(ctx), aal: 'aal2', mfaPending: false };
    return result;
  }

  @Mutation(() => TotpEnrollmentPayload, {
    description: 'Start setting up an authenticator app (needs a recent sign-in).',
  })
  async startTotpEnrollment(@Ctx() ctx: GraphQLContext): Promise<TotpEnrollmentPayload> {
    const e = await ctx.services.auth.startTotpEnrollment(requireAuth(ctx), ctx.client);
    return { otpauthUri: e.otpauthUri, qrCodeDataUrl: e.qrCodeDataUrl, secret: e.secretBase32 };
  }

  @Mutation(() => [String], {
    description:
      'Confirm the authenticator app with a code. Returns backup codes to keep safe (shown once; empty if you already have some).',
  })
  confirmTotpEnrollment(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string[]> {
    return ctx.services.auth.confirmTotpEnrollment(requireAuth(ctx), code, ctx.client);
  }

  @Mutation(() => Boolean, { description: 'Turn the authenticator app off (needs a recent sign-in).' })
  async disableTotp(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.disableTotp(requireAuth(ctx), ctx.client);
    return true;
  }

  @Mutation(() => [String], {
    description: 'New backup codes, shown once; the old ones stop working (needs a recent sign-in).',
  })
  regenerateBackupCodes(@Ctx() ctx: GraphQLContext): Promise<string[]> {
    return ctx.services.auth.regenerateBackupCodes(requireAuth(ctx), ctx.client);
  }
  @Mutation(() => Date, {
    description:
      'Text a code to this phone to use it for sign-in (needs a recent sign-in). Returns when the code expires.',
  })
  async startPhoneVerification(
    @Arg('phone', () => String) phone: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Date> {
    return (await ctx.services.auth.startPhoneVerification(requireAuth(ctx), phone, ctx.client)).expiresAt;
  }

  @Mutation(() => Boolean, {
    description: 'Confirm the phone with the code it received: SMS sign-in codes go there from now on.',
  })
  async confirmPhone(
    @Arg('phone', () => String) phone: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await ctx.services.auth.confirmPhone(requireAuth(ctx), phone, code, ctx.client);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Stop using SMS for sign-in (needs a recent sign-in).' })
  async disableSmsMfa(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.disableSmsMfa(requireAuth(ctx), ctx.client);
    return true;
  }

  @Mutation(() => Date, {
    description: 'While signing in: text a code to your verified phone. Returns when it expires.',
  })
  sendSignInSms(@Ctx() ctx: GraphQLContext): Promise<Date> {
    return ctx.services.auth.sendSignInSms(requireAuth(ctx), ctx.client);
  }
  @Mutation(() => Boolean, {
    description: 'Confirm your email address with the token from the emailed link.',
  })
  async verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.verifyEmail(token, ctx.client);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Send the confirmation email again.' })
  async resendVerificationEmail(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.resendVerificationEmail(requireAuth(ctx), ctx.client);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Email a password-reset link if an account uses this address. Always answers true: it never tells whether an account exists.',
  })
  async requestPasswordReset(
    @Arg('email', () => String) email: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await ctx.services.auth.requestPasswordReset(email, ctx.client);
    return true;
  }

  @Mutation(() => Date, {
    description: 'For a reset link of an account with SMS sign-in: text a code to its phone.',
  })
  sendPasswordResetSms(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<Date> {
    return ctx.services.auth.sendPasswordResetSms(token);
  }

  @Mutation(() => Boolean, {
    description:
      'Choose a new password from an emailed link. With a second factor on, its code is needed too. Every session ends.',
  })
  async resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('mfaMethod', () => MfaMethodEnum, { nullable: true }) mfaMethod?: MfaMethodEnum | null,
    @Arg('mfaCode', () => String, { nullable: true }) mfaCode?: string | null,
  ): Promise<boolean> {
    const mfa = mfaMethod && mfaCode ? { method: mfaMethod, code: mfaCode } : undefined;
    await ctx.services.auth.resetPassword(token, newPassword, mfa, ctx.client);
    return true;
  }

  @Query(() => MfaStatus, { description: 'Your second factors.' })
  async mfaStatus(@Ctx() ctx: GraphQLContext): Promise<MfaStatus> {
    const auth = requireAuth(ctx);
    const methods = await ctx.services.auth.mfaMethods(auth.userId);
    const remaining = await ctx.services.auth.backupCodes.remainingBackupCodes(
      ctx.runtime.dataSource,
      auth.userId,
    );
    const phone = await ctx.services.auth.smsPhone(auth.userId);
    return {
      totpEnabled: methods.includes('TOTP'),
      backupCodesRemaining: remaining,
      smsPhone: phone ? maskPhone(phone) : null,
    };
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

/** +33612345678 → "+33 •••• 78": enough to recognise, not to read out. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)} •••• ${e164.slice(-2)}`;
}
