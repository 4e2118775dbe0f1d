import { allow, rule } from 'graphql-shield';
import type { GraphQLContext, RuleMap } from '@pa/server-core';
import { scopesCover } from '@pa/shared-domain';
import { hasPermission, isOwner, isSelfOr } from '@pa/server-rbac';

// Named once, used for every field that is the person's own or an administrator's to see.
const selfOrAdmin = isSelfOr('user:read:any');
const manage = (permission: 'user:manage:any' | 'role:assign:any') =>
  hasPermission(permission, {
    auditAllowed: true,
    resourceType: 'user',
    resourceId: (_p, args) => (args['input'] as { userId?: string } | undefined)?.userId ?? args['userId'],
  });

// Consents are the person's own alone: not even an administrator reads them through the API (they
// are in the person's export). A token of theirs needs the own-read scope.
const selfOnly = rule({ cache: 'no_cache' })((parent: { id?: string }, _args, ctx: GraphQLContext) => {
  const auth = ctx.auth;
  if (!auth || auth.mfaPending || parent.id !== auth.userId) return false;
  return !auth.token || scopesCover(auth.token.scopes, 'user:read:own');
});

export const usersRules: RuleMap = {
  Query: {
    preferences: hasPermission('preferences:read:own'),
    // The list is browsing (not recorded when allowed); opening one person's account is.
    users: hasPermission('user:read:any'),
    accountDeletion: hasPermission('user:read:own'),
    dataExports: hasPermission('export:create:own'),
    // The documents themselves are public: the sign-up form links to them.
    legalDocuments: allow,
    pendingConsents: hasPermission('user:read:own'),
    historyLimit: hasPermission('conversation:read:own'),
    user: hasPermission('user:read:any', { auditAllowed: true }),
  },
  Mutation: {
    updatePreferences: hasPermission('preferences:update:own'),
    updateProfile: hasPermission('user:update:own'),
    // Erasure is everyone's right over their own account: the same permission as editing it.
    requestAccountDeletion: hasPermission('user:update:own'),
    cancelAccountDeletion: hasPermission('user:update:own'),
    requestDataExport: hasPermission('export:create:own'),
    acceptConsents: hasPermission('user:update:own'),
    withdrawConsent: hasPermission('user:update:own'),
    setUserRole: manage('role:assign:any'),
    disableUser: manage('user:manage:any'),
    enableUser: manage('user:manage:any'),
    deleteUser: manage('user:manage:any'),
  },
  Subscription: { accountChanged: hasPermission('user:read:own') },
  // A person is visible to themself and to administrators; contact details and the audit trail
  // are named explicitly so a looser default for User could never expose them.
  User: {
    '*': selfOrAdmin,
    email: selfOrAdmin,
    phone: selfOrAdmin,
    disabledAt: selfOrAdmin,
    consents: selfOnly,
  },
  Preferences: isOwner('preferences'),
  Avatar: allow,
  // Only ever reached through Preferences (owner-checked above).
  EscalationStep: allow,
  UserEdge: allow,
  // Only ever reached through the caller's own privacy queries and mutations.
  AccountDeletionRequest: allow,
  DataExport: allow,
  // Reached only through the caller's own consents, pending list and history limit (above).
  Consent: allow,
  LegalDocument: allow,
  HistoryLimit: allow,
  UserConnection: allow,
};
