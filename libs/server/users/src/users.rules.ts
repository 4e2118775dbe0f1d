import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwner, isSelfOr } from '@pa/server-rbac';

// Named once, used for every field that is the person's own or an administrator's to see.
const selfOrAdmin = isSelfOr('user:read:any');
const manage = (permission: 'user:manage:any' | 'role:assign:any') =>
  hasPermission(permission, {
    auditAllowed: true,
    resourceType: 'user',
    resourceId: (_p, args) => (args['input'] as { userId?: string } | undefined)?.userId ?? args['userId'],
  });

export const usersRules: RuleMap = {
  Query: {
    preferences: hasPermission('preferences:read:own'),
    users: hasPermission('user:read:any', { auditAllowed: true }),
    accountDeletion: hasPermission('user:read:own'),
    dataExports: hasPermission('export:create:own'),
    user: hasPermission('user:read:any', { auditAllowed: true }),
  },
  Mutation: {
    updatePreferences: hasPermission('preferences:update:own'),
    updateProfile: hasPermission('user:update:own'),
    // Erasure is everyone's right over their own account: the same permission as editing it.
    requestAccountDeletion: hasPermission('user:update:own'),
    cancelAccountDeletion: hasPermission('user:update:own'),
    requestDataExport: hasPermission('export:create:own'),
    setUserRole: manage('role:assign:any'),
    disableUser: manage('user:manage:any'),
    enableUser: manage('user:manage:any'),
    deleteUser: manage('user:manage:any'),
  },
  Subscription: { accountChanged: hasPermission('user:read:own') },
  // A person is visible to themself and to administrators; contact details and the audit trail
  // are named explicitly so a looser default for User could never expose them.
  User: { '*': selfOrAdmin, email: selfOrAdmin, phone: selfOrAdmin, disabledAt: selfOrAdmin },
  Preferences: isOwner('preferences'),
  Avatar: allow,
  // Only ever reached through Preferences (owner-checked above).
  EscalationStep: allow,
  UserEdge: allow,
  // Only ever reached through the caller's own privacy queries and mutations.
  AccountDeletionRequest: allow,
  DataExport: allow,
  UserConnection: allow,
};
