import type { GraphQLResolveInfo } from 'graphql';
import { rule } from 'graphql-shield';
import {
  AppError,
  CoreErrorCode,
  coreError,
  isDependencyOutage,
  withFastPath,
  type GraphQLContext,
} from '@pa/server-core';
import { AuthErrorCode, authError } from '@pa/server-auth';
import { isPermission, scopesCover, type Permission } from '@pa/shared-domain';
import { AccessService } from './access.service';
import { TokenErrorCode, tokenError } from './tokens/personal-access-token.errors';

/** Where the id of the resource a decision is about comes from (for the audit trail). */
type ResourceId = (parent: unknown, args: Record<string, unknown>) => unknown;

export interface PermissionRuleOptions {
  /** Record allowed decisions too: sensitive operations (role changes, disabling, reading others' data). */
  auditAllowed?: boolean;
  /** The resource type the permission is about (defaults to the permission's resource). */
  resourceType?: string;
  /** Which argument or parent value names the resource; defaults to `args.id` / `args.userId`. */
  resourceId?: ResourceId;
}

const defaultResourceId: ResourceId = (_parent, args) => args['id'] ?? args['userId'];

function verifiedCaller(ctx: GraphQLContext) {
  if (!ctx.auth) return authError(AuthErrorCode.UNAUTHENTICATED);
  if (ctx.auth.mfaPending) return authError(AuthErrorCode.MFA_REQUIRED);
  return true as const;
}

// A subscription keeps one context for its life. Its per-event checks are audited once per field:
// a refused live feed of the audit trail would otherwise log a refusal per event, each an event.
const auditedSubscriptionFields = new WeakMap<object, Set<string>>();

function firstForSubscription(ctx: GraphQLContext, info: GraphQLResolveInfo): boolean {
  if (info.operation.operation !== 'subscription') return true;
  const key = `${info.parentType.name}.${info.fieldName}`;
  const seen = auditedSubscriptionFields.get(ctx) ?? new Set<string>();
  auditedSubscriptionFields.set(ctx, seen);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Records one authorization decision. Never fails the request (AuditService logs its own failures). */
async function recordDecision(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  permission: Permission,
  allowed: boolean,
  resourceType: string,
  resourceId: unknown,
): Promise<void> {
  await ctx.services.auth.audit.record({
    action: 'permission_check',
    outcome: allowed ? 'success' : 'denied',
    actorId: ctx.auth?.userId ?? null,
    client: ctx.client,
    permission,
    resourceType,
    resourceId: typeof resourceId === 'string' ? resourceId : null,
    details: { field: `${info.parentType.name}.${info.fieldName}` },
  });
}

/**
 * The checked decision: the caller's current role holds `permission`. Denials are audited. A
 * failure to decide (PostgreSQL down) is SERVICE_UNAVAILABLE, never a silent "forbidden".
 */
async function decide(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  permission: Permission,
  options: PermissionRuleOptions,
  parent: unknown,
  args: Record<string, unknown>,
) {
  try {
    return await decideOrThrow(ctx, info, permission, options, parent, args);
  } catch (err) {
    if (err instanceof AppError) return err;
    const code = isDependencyOutage(err)
      ? CoreErrorCode.SERVICE_UNAVAILABLE
      : CoreErrorCode.INTERNAL_SERVER_ERROR;
    return coreError(code, undefined, { cause: err });
  }
}

async function decideOrThrow(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  permission: Permission,
  options: PermissionRuleOptions,
  parent: unknown,
  args: Record<string, unknown>,
) {
  const gate = verifiedCaller(ctx);
  if (gate !== true) return gate;
  const access = await ctx.services.access.of(ctx);
  if (!access) return authError(AuthErrorCode.UNAUTHENTICATED);
  if (access.disabled) return authError(AuthErrorCode.ACCOUNT_DISABLED);
  const byRole = AccessService.allows(access, permission);
  // A personal access token reaches no further than both its owner's role and its own scopes.
  const byScope = tokenCovers(ctx, permission);
  const allowed = byRole && byScope;
  if ((!allowed || options.auditAllowed) && firstForSubscription(ctx, info)) {
    const resourceType = options.resourceType ?? permission.split(':')[0] ?? 'unknown';
    const resourceId = (options.resourceId ?? defaultResourceId)(parent, args);
    await recordDecision(ctx, info, permission, allowed, resourceType, resourceId);
  }
  if (allowed) return true;
  return byRole ? tokenError(TokenErrorCode.TOKEN_SCOPE_MISSING) : coreError(CoreErrorCode.FORBIDDEN);
}

/** Whether the caller's token (if the caller is one) carries `permission`; a session carries all its role's. */
function tokenCovers(ctx: GraphQLContext, permission: Permission): boolean {
  const token = ctx.auth?.token;
  return !token || scopesCover(token.scopes, permission);
}

// The permission a token needs to see its owner's own object of a resource type, where the type's
// name is not itself a permission resource. Unknown: a token never passes the owner shortcut.
const OWN_READ: Readonly<Record<string, Permission>> = {
  message: 'conversation:read:own',
  push_device: 'preferences:read:own',
  sms_number: 'sms_number:read:own',
  personal_access_token: 'session:manage:own',
};

function ownReadOf(resource: string): Permission | undefined {
  const direct = `${resource}:read:own`;
  return isPermission(direct) ? direct : OWN_READ[resource];
}

/** The owner shortcut: the caller owns the object, and a token of theirs carries the scope to read it. */
function ownerMaySee(
  ctx: GraphQLContext,
  ownerId: string | null | undefined,
  ownRead: Permission | undefined,
) {
  const auth = ctx.auth;
  if (!auth || auth.mfaPending || ownerId !== auth.userId) return false;
  if (!auth.token) return true;
  return !!ownRead && scopesCover(auth.token.scopes, ownRead);
}

/**
 * Named preset: the caller (signed in, second factor done, account enabled) has `permission` in
 * their current role. Read per request, so a role change applies to the next one.
 */
export function hasPermission(permission: Permission, options: PermissionRuleOptions = {}) {
  const checked = rule({ cache: 'no_cache' })(
    (parent, args: Record<string, unknown>, ctx: GraphQLContext, info) =>
      decide(ctx, info, permission, options, parent, args),
  );
  // An audited decision always takes the slow path: it must be written.
  if (options.auditAllowed) return checked;
  return withFastPath(checked, (_parent, _args, ctx) => alreadyAllowed(ctx, permission));
}

/** Whether this request already holds `permission` (an earlier check read the caller's access). */
function alreadyAllowed(ctx: unknown, permission: Permission): boolean {
  const c = ctx as GraphQLContext;
  if (!c.auth || c.auth.mfaPending) return false;
  return AccessService.allows(c.services.access.peek(c), permission) && tokenCovers(c, permission);
}

/** The self shortcut of `isSelfOr`: the caller themself (a token of theirs needs the own scope). */
function selfMaySee(ctx: GraphQLContext, id: string | undefined, ownRead: Permission | undefined) {
  const auth = ctx.auth;
  if (!auth || id !== auth.userId) return false;
  if (!auth.token) return true;
  return !!ownRead && scopesCover(auth.token.scopes, ownRead);
}

/**
 * Named preset for a User object: the caller themself, or someone whose role holds `permission`
 * (e.g. `user:read:any`). The self check needs no database read.
 */
export function isSelfOr(permission: Permission) {
  const own = permission.replace(/:any$/, ':own');
  const ownRead = isPermission(own) ? own : undefined;
  const checked = rule({ cache: 'no_cache' })((
    parent: { id?: string },
    args: Record<string, unknown>,
    ctx: GraphQLContext,
    info,
  ) => {
    if (selfMaySee(ctx, parent.id, ownRead)) return true;
    const resource = { resourceType: 'user', resourceId: () => parent.id };
    return decide(ctx, info, permission, resource, parent, args);
  });
  return withFastPath(checked, (parent, _args, ctx) => {
    const c = ctx as GraphQLContext;
    return selfMaySee(c, (parent as { id?: string }).id, ownRead) || alreadyAllowed(ctx, permission);
  });
}

/**
 * Named preset for an object owned by a person (it carries `userId`): its owner, or a role holding
 * `<resource>:read:any`. Services already scope every read by the caller; this is the second lock.
 */
export function isOwner(resource: string) {
  return isOwnerOr(`${resource}:read:any` as Permission, resource);
}

/** Like `isOwner`, naming the permission that lets others see the object (e.g. `sms_number:manage:any`). */
export function isOwnerOr(readAny: Permission, resource = readAny.split(':')[0] ?? 'unknown') {
  const ownRead = ownReadOf(resource);
  const checked = rule({ cache: 'no_cache' })((
    parent: { userId?: string | null; id?: string },
    args: Record<string, unknown>,
    ctx: GraphQLContext,
    info,
  ) => {
    if (ownerMaySee(ctx, parent.userId, ownRead)) return true;
    const target = { resourceType: resource, resourceId: () => parent.id };
    return decide(ctx, info, readAny, target, parent, args);
  });
  return withFastPath(checked, (parent, _args, ctx) => {
    const own = ownerMaySee(ctx as GraphQLContext, (parent as { userId?: string | null }).userId, ownRead);
    return own || alreadyAllowed(ctx, readAny);
  });
}
