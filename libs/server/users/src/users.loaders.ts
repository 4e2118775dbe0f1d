import { requestLoader, type GraphQLContext } from '@pa/server-core';
import { isRole, type Role } from '@pa/shared-domain';

/** Roles of many people in one query. */
export function rolesByUserId(ctx: GraphQLContext) {
  return requestLoader<string, Role>(ctx, 'rolesByUserId', async (ids) => {
    const rows = (await ctx.runtime.dataSource.query(
      `SELECT user_id, role FROM user_roles WHERE user_id = ANY($1::uuid[])`,
      [ids],
    )) as { user_id: string; role: string }[];
    return new Map(rows.map((r) => [r.user_id, isRole(r.role) ? r.role : 'user']));
  });
}

/** Verified phone numbers (E.164) of many people in one query. */
export function phonesByUserId(ctx: GraphQLContext) {
  return requestLoader<string, string>(ctx, 'phonesByUserId', async (ids) => {
    const rows = (await ctx.runtime.dataSource.query(
      `SELECT user_id, phone_e164 FROM mfa_factors
        WHERE user_id = ANY($1::uuid[]) AND kind = 'sms' AND confirmed_at IS NOT NULL`,
      [ids],
    )) as { user_id: string; phone_e164: string }[];
    return new Map(rows.map((r) => [r.user_id, r.phone_e164]));
  });
}

/** Avatar pictures of many people in one query. */
export function avatarImagesByUserId(ctx: GraphQLContext) {
  return requestLoader<string, string>(ctx, 'avatarImagesByUserId', (ids) =>
    ctx.services.profile.images(ids),
  );
}
