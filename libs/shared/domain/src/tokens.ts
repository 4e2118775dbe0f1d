// Personal access tokens: what a script or an integration may do on a person's behalf. A token's
// scopes are permissions of the matrix, never more than the owner's role holds at the time of use.
import { PERMISSIONS, type Permission } from './access';

/** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'pat_';

export const TOKEN_LIMITS = {
  /** Active (unrevoked, unexpired) tokens one person may hold at once. */
  perPerson: 20,
  nameMaxLength: 80,
  /** Longest lifetime, in days; tokens always expire. */
  maxDays: 366,
  /** Default lifetime when none is asked for. */
  defaultDays: 30,
} as const;

/** Named sets of scopes to start from; a token stores the permissions, never the preset's name. */
export const TOKEN_SCOPE_PRESETS: Readonly<Record<string, readonly Permission[]>> = {
  'read-only': PERMISSIONS.filter((p) => p.split(':')[1] === 'read'),
  tasks: ['task:read:own', 'task:write:own'],
  reminders: ['reminder:read:own', 'reminder:write:own'],
  conversations: ['conversation:read:own', 'conversation:write:own'],
  sms: ['sms_number:read:own', 'sms_usage:read:own'],
  webhooks: ['webhook:read:own', 'webhook:write:own'],
};

/** Whether a permission is a known one (a scope is a permission). */
export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Whether a token's scopes cover a permission. As for roles, a scope on `any` covers the same
 * action on `own`. The owner's role is checked apart: a scope never adds to it.
 */
export function scopesCover(scopes: readonly string[], permission: Permission): boolean {
  if (scopes.includes(permission)) return true;
  return permission.endsWith(':own') && scopes.includes(`${permission.slice(0, -':own'.length)}:any`);
}
