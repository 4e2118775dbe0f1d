import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isSelfOr } from './rbac.rules';

/** Who may read the audit trail: administrators everything, a person their own account's entries. */
export const rbacRules: RuleMap = {
  // Browsing the trail is not itself recorded: an administrator's page views would fill it (denials are).
  Query: { auditLog: hasPermission('audit:read:any') },
  Subscription: { auditEntryAdded: hasPermission('audit:read:any') },
  User: { auditEntries: isSelfOr('audit:read:any') },
  // Entries reach a caller only through the two fields above.
  AuditLogEntry: allow,
  AuditLogEdge: allow,
  AuditLogConnection: allow,
  PageInfo: allow,
};
