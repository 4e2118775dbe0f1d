// The one roles-and-permissions matrix. The API seeds PostgreSQL from it (migration) and enforces it;
// the web reads it to show or hide what a role may use. Permissions are `resource:action:scope`.

export const ROLES = ['user', 'premium', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

// What each role adds to the one before; every permission is granted by exactly one role.
const USER_GRANTS = [
  // Everyone with an account: their own data.
  'user:read:own',
  'user:update:own',
  'preferences:read:own',
  'preferences:update:own',
  'session:manage:own',
  'audit:read:own',
  'conversation:read:own',
  'conversation:write:own',
  'task:read:own',
  'task:write:own',
  'reminder:read:own',
  'reminder:write:own',
  'sms_number:read:own',
  'sms_number:provision:own',
  'sms_usage:read:own',
  // A copy of everything held about you is a right (GDPR art. 15 and 20), not a premium extra.
  'export:create:own',
  // Outgoing webhooks to the person's own integrations.
  'webhook:read:own',
  'webhook:write:own',
] as const;
// Premium: more of the assistant.
const PREMIUM_GRANTS = ['assistant:advanced:own', 'analytics:read:own'] as const;
// Administrators: other people's accounts, the audit trail, the platform.
const ADMINISTRATOR_GRANTS = [
  'user:read:any',
  'user:manage:any',
  'role:assign:any',
  'audit:read:any',
  'analytics:read:any',
  'sms_number:manage:any',
] as const;

export const PERMISSIONS = [...USER_GRANTS, ...PREMIUM_GRANTS, ...ADMINISTRATOR_GRANTS] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** How much of the product a role gets. `null` is unlimited. */
export interface RoleLimits {
  /** Dedicated SMS numbers the person may hold at once. */
  smsNumbers: number;
  /** How far back conversations are kept and searchable, in days. */
  historyDays: number | null;
  /** Reminders waiting to fire at once (one-off and recurring together). */
  activeReminders: number;
  /** Recurring reminders (e.g. every weekday at 8:00). */
  recurringReminders: number;
}

export interface RoleDefinition {
  /** The role whose permissions and limits this one starts from. */
  parent: Role | null;
  /** Position in the hierarchy: a higher rank includes every lower one. */
  rank: number;
  /** What this role adds to its parent. */
  grants: readonly Permission[];
  /** Its limits (a role that inherits may only raise them). */
  limits: RoleLimits;
  description: string;
}

export const ROLE_DEFINITIONS: Readonly<Record<Role, RoleDefinition>> = {
  user: {
    parent: null,
    rank: 1,
    description: 'Everyone with an account: their own assistant, conversations, tasks, reminders and number.',
    grants: USER_GRANTS,
    limits: { smsNumbers: 1, historyDays: 90, activeReminders: 25, recurringReminders: 5 },
  },
  premium: {
    parent: 'user',
    rank: 2,
    description:
      'More of the assistant: extra numbers, full history, many more reminders, the advanced brain and insights.',
    grants: PREMIUM_GRANTS,
    limits: { smsNumbers: 3, historyDays: null, activeReminders: 250, recurringReminders: 50 },
  },
  administrator: {
    parent: 'premium',
    rank: 3,
    description: "Runs the platform: people's accounts and roles, the audit trail, numbers and analytics.",
    grants: ADMINISTRATOR_GRANTS,
    limits: { smsNumbers: 10, historyDays: null, activeReminders: 1000, recurringReminders: 200 },
  },
};

/** The role chain from the role itself up to the root, e.g. administrator → premium → user. */
export function roleChain(role: Role): Role[] {
  const chain: Role[] = [];
  for (let r: Role | null = role; r; r = ROLE_DEFINITIONS[r].parent) chain.push(r);
  return chain;
}

const effective = new Map<Role, ReadonlySet<Permission>>(
  ROLES.map((role) => [role, new Set(roleChain(role).flatMap((r) => ROLE_DEFINITIONS[r].grants))]),
);

/** Every permission a role has, its own and inherited. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return effective.get(role) ?? new Set();
}

/** Whether a role may do something. A grant on `any` covers the same action on `own`. */
export function can(role: Role, permission: Permission): boolean {
  const granted = permissionsOf(role);
  if (granted.has(permission)) return true;
  if (!permission.endsWith(':own')) return false;
  return granted.has(`${permission.slice(0, -':own'.length)}:any` as Permission);
}

/** The limits that apply to a role. */
export function limitsOf(role: Role): RoleLimits {
  return ROLE_DEFINITIONS[role].limits;
}

/** Whether `a` ranks at least as high as `b`. */
export function roleAtLeast(a: Role, b: Role): boolean {
  return ROLE_DEFINITIONS[a].rank >= ROLE_DEFINITIONS[b].rank;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Longest reason an administrator may give for turning an account off (kept in the audit trail). */
export const DISABLE_REASON_MAX = 500;
